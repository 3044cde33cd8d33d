/**
 * The render API's responses that need no server: a decision as JSON, as a
 * web HTML fragment, and as a screen's HTML document, with the contract's
 * cache headers and ETags. The origin and an edge answer with these, so the
 * bytes are the same wherever a page is decided. Emails and PNGs are the
 * origin's (list state, our media files).
 */
import { renderJson } from '../channels/json'
import { personalizePage } from '../channels/shared/tokens'
import { renderWebFragment } from '../channels/web/html'
import type { Channel } from '../engine'
import type { DecisionCore } from './decision'
import { errorResponse } from './errors'
import { type BodyMemory, decisionEtag, decisionShape, renderedBody, respond } from './respond'
import { screenContentSecurityPolicy, screenDocument, screenParams, screenRepresentation } from './screen'
import { publicOriginOf, type RenderSettings } from './settings'

export const RENDER_FORMATS = ['json', 'html', 'text', 'png'] as const
export type RenderFormat = (typeof RENDER_FORMATS)[number]

/** The formats each channel renders to (JSON always). */
export const CHANNEL_FORMATS: Record<Channel, readonly RenderFormat[]> = {
  web: ['json', 'html'],
  email: ['json', 'html', 'text'],
  screen: ['json', 'html', 'png'],
}

const formatIssue = (formats: readonly string[], suffix = '') => [{ path: 'format', message: `Expected one of ${formats.join(', ')}${suffix}` }]

/** The asked format, or the 400 naming the ones there are. */
export function renderFormatOf(url: URL): { ok: true; format: RenderFormat } | { ok: false; response: Response } {
  const format = url.searchParams.get('format') ?? 'json'
  if ((RENDER_FORMATS as readonly string[]).includes(format)) return { ok: true, format: format as RenderFormat }
  return { ok: false, response: errorResponse(400, 'invalid_format', `Unknown format “${format}”; use ${RENDER_FORMATS.join(', ')}.`, formatIssue(RENDER_FORMATS)) }
}

/** The 400 for a format the decision's channel does not render, if it does not. */
export function channelFormatProblem(channel: Channel, format: RenderFormat): Response | undefined {
  if (CHANNEL_FORMATS[channel].includes(format)) return undefined
  return errorResponse(400, 'invalid_format', `The ${channel} channel renders ${CHANNEL_FORMATS[channel].join(', ')}, not ${format}.`, formatIssue(CHANNEL_FORMATS[channel], ` for ${channel}`))
}

/** The JSON representation of a decision (every channel has one). */
export function jsonOf(decision: DecisionCore, base: string) {
  return renderJson(personalizePage(decision.resolved, decision.tokens), {
    ignored: decision.request.ignored,
    mediaBase: base,
    defaultLocale: decision.manifest.defaultLocale,
    trace: decision.request.debug,
  })
}

/** A web page (or any channel's JSON) as JSON or an HTML fragment. */
export function webResponse(request: Request, decision: DecisionCore, format: 'json' | 'html', settings: RenderSettings, bodies: BodyMemory): Response {
  const base = publicOriginOf(request, settings)
  // The same decision renders to the same bytes: render it once, then serve it from memory.
  // (Keyed by what shapes the bytes, as the ETag is, without hashing it a second time.)
  const key = `${format}|${decision.manifest.version}|${decisionShape(decision)}|${base}`
  if (format === 'html') {
    const html = renderedBody(bodies, key, decision.request.debug, () =>
      renderWebFragment(personalizePage(decision.resolved, decision.tokens), { mediaBase: base, defaultLocale: decision.manifest.defaultLocale }),
    )
    return respond(request, decision, html, 'text/html; charset=utf-8', 'html', settings)
  }
  return respond(request, decision, renderedBody(bodies, key, decision.request.debug, () => JSON.stringify(jsonOf(decision, base))), 'application/json; charset=utf-8', 'json', settings)
}

/** A screen's self-refreshing HTML document, with its strict Content-Security-Policy. */
export async function screenHtmlResponse(request: Request, decision: DecisionCore, settings: RenderSettings, updatesUrl?: string): Promise<Response> {
  const params = screenParams(new URL(request.url), decision)
  if (!params.ok) return params.response
  const representation = screenRepresentation('html', params.value, decision)
  const page = personalizePage(decision.resolved, decision.tokens)
  const base = publicOriginOf(request, settings)
  const document = screenDocument(page, decision, params.value, base, decisionEtag(decision, representation), updatesUrl)
  return respond(request, decision, document, 'text/html; charset=utf-8', representation, settings, { 'Content-Security-Policy': await screenContentSecurityPolicy(base) })
}
