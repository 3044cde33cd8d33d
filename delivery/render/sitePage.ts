/**
 * The demo website's pages go through the same trust rules and decision
 * service as the render API: the visitor's own request (headers, signed
 * cookies, query) becomes a context, is decided, and renders as web HTML.
 */
import type { Payload } from 'payload'

import { personalizePage } from '../../channels/shared/tokens'
import { renderWebFragment } from '../../channels/web/html'
import { publicOrigin } from '../http'
import { readRenderRequest, visitorCookies } from '../trust'
import { decide, type Decision } from './decide'
import { recordServed } from './exposures'

export type SitePage =
  | { status: 'ok'; html: string; title: string; decision: Decision; analytics: boolean }
  | { status: 'not-found' }
  | { status: 'error'; code: string; message: string }

export async function renderSitePage(payload: Payload, slug: string, url: string, headers: Headers): Promise<SitePage> {
  const request = new Request(url, { headers })
  const read = await readRenderRequest(payload, request)
  if (!read.ok) {
    const body = (await read.response.json()) as { error: { code: string; message: string } }
    return { status: 'error', ...body.error }
  }
  const decided = await decide(payload, slug, read.value)
  if (!decided.ok) return decided.failure.status === 404 ? { status: 'not-found' } : { status: 'error', code: decided.failure.code, message: decided.failure.message }
  const { decision } = decided
  if (decision.bundle.channel !== 'web') return { status: 'not-found' }
  const page = personalizePage(decision.resolved, decision.tokens)
  const html = renderWebFragment(page, { mediaBase: publicOrigin(request), defaultLocale: decision.manifest.defaultLocale, returnPath: new URL(url).pathname, ...(decision.request.context.store ? { store: decision.request.context.store } : {}) })
  const cookies = await visitorCookies(request)
  await recordServed(payload, decision, url)
  return { status: 'ok', html, title: page.page.title, decision, analytics: Boolean(cookies.visitor && cookies.consent?.purposes.includes('analytics')) }
}
