import config from '@payload-config'
import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'
import { cache } from 'react'

import { renderSitePage } from '../../delivery/render'
import { PageViewBeacon } from './PageViewBeacon'

type SearchParams = Promise<Record<string, string | string[] | undefined>>

function requestUrl(host: string | null, path: string, searchParams: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, item)
  }
  const search = query.toString()
  return `http://${host ?? 'localhost'}${path}${search ? `?${search}` : ''}`
}

/** One decision per request: the metadata and the page share it (React's per-request cache, keyed by slug and URL). */
const decidePage = cache(async (slug: string, url: string) => {
  const [payload, incoming] = await Promise.all([getPayload({ config }), headers()])
  return renderSitePage(payload, slug, url, new Headers(incoming))
})

async function render(slug: string, path: string, searchParams: SearchParams) {
  const [incoming, params] = await Promise.all([headers(), searchParams])
  return decidePage(slug, requestUrl(incoming.get('host'), path, params))
}

export async function sitePageMetadata(slug: string, path: string, searchParams: SearchParams): Promise<Metadata> {
  const page = await render(slug, path, searchParams)
  return page.status === 'ok' ? { title: page.title } : {}
}

/** A web page decided for this visitor, in the first byte of HTML: no client-side swapping. */
export async function SitePageView({ slug, path, searchParams }: { slug: string; path: string; searchParams: SearchParams }) {
  const page = await render(slug, path, searchParams)
  if (page.status === 'not-found') notFound()
  if (page.status === 'error') {
    return (
      <main id="main" className="site-error">
        <h1>This page cannot be shown</h1>
        <p>{page.message}</p>
      </main>
    )
  }
  return (
    <>
      <main id="main" dangerouslySetInnerHTML={{ __html: page.html }} />
      {page.analytics ? <PageViewBeacon category={slug} path={path} /> : null}
    </>
  )
}
