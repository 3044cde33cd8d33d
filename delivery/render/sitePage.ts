/**
 * The demo website's pages go through the same door as the render API: the
 * visitor's own request (headers, signed cookies, query) is turned into a
 * context by the same trust rules, then decided and rendered as web HTML.
 */
import type { Payload } from 'payload'

import { renderWebFragment } from '../../channels/web/html'
import { personalizePage } from '../../channels/tokens'
import { decideRequest, mediaBase, tokenValues, type Decided } from './renderRequest'
import { visitorCookies } from '../trust/visitorCookies'

export type SitePage =
  | { status: 'ok'; html: string; decided: Decided; analytics: boolean }
  | { status: 'not-found' }
  | { status: 'error'; code: string; message: string }

export async function renderSitePage(payload: Payload, slug: string, url: string, headers: Headers): Promise<SitePage> {
  const request = new Request(url, { headers })
  const decided = await decideRequest(payload, request, slug)
  if (!decided.ok) {
    if (decided.response.status === 404) return { status: 'not-found' }
    const body = (await decided.response.json()) as { error: { code: string; message: string } }
    return { status: 'error', ...body.error }
  }
  if (decided.value.bundle.channel !== 'web') return { status: 'not-found' }
  const page = personalizePage(decided.value.resolved, tokenValues(decided.value))
  const html = renderWebFragment(page, { mediaBase: mediaBase(request), defaultLocale: decided.value.manifest.defaultLocale })
  const cookies = await visitorCookies(request)
  return { status: 'ok', html, decided: decided.value, analytics: Boolean(cookies.visitor && cookies.consent?.purposes.includes('analytics')) }
}
