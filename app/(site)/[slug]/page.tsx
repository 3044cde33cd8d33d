import type { Metadata } from 'next'

import { SitePageView, sitePageMetadata } from '../SitePageView'

export const dynamic = 'force-dynamic'

type Props = {
  params: Promise<{ slug: string }>
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug } = await params
  return sitePageMetadata(slug, `/${slug}`, searchParams)
}

export default async function WebPage({ params, searchParams }: Props) {
  const { slug } = await params
  return <SitePageView slug={slug} path={`/${slug}`} searchParams={searchParams} />
}
