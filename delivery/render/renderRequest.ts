/**
 * GET/POST /api/render/{slug}: read the request by the trust rules, decide,
 * render the decision in the asked format, respond with honest cache headers.
 * Everything a caller can get wrong is a 4xx with a message they can act on.
 */
import type { Payload } from 'payload'

import { renderJson } from '../../channels/json'
import { personalizePage } from '../../channels/shared/tokens'
import { renderWebFragment } from '../../channels/web/html'
import type { Channel } from '../../engine'
import { errorResponse, publicOrigin } from '../http'
import { rateLimit, requestClient } from '../limits'
import { readRenderRequest, type CallerLimits } from '../trust'
import { decide, type Decision } from './decide'
import { RecipientUnsubscribedError, renderEmail } from './email'
import { recordServed } from './exposures'
import { decisionEtag, isNotModified, renderedBody, respond } from './respond'
import { isScreenPngCached, screenContentSecurityPolicy, screenDocument, screenParams, screenPng, screenRepresentation } from './screen'

export const RENDER_FORMATS = ['json', 'html', 'text', 'png'] as const
export type RenderFormat = (typeof RENDER_FORMATS)[number]

/** The formats each channel renders to (JSON always). */
export const CHANNEL_FORMATS: Record<Channel, readonly RenderFormat[]> = {
  web: ['json', 'html'],
  email: ['json', 'html', 'text'],
  screen: ['json', 'html', 'png'],
}

/** An API key (or an editor) spends from its own generous budget; the public from its address's. */
const RENDER_LIMITS: CallerLimits = { trusted: 'keyRender', public: 'publicRender' }

const formatIssue = (formats: readonly string[], suffix = '') => [{ path: 'format', message: `Expected one of ${formats.join(', ')}${suffix}` }]

export async function handleRenderRequest(payload: Payload, request: Request, slug: string): Promise<Response> {
  const format = new URL(request.url).searchParams.get('format') ?? 'json'
  if (!(RENDER_FORMATS as readonly string[]).includes(format)) {
    return errorResponse(400, 'invalid_format', `Unknown format “${format}”; use ${RENDER_FORMATS.join(', ')}.`, formatIssue(RENDER_FORMATS))
  }
  const read = await readRenderRequest(payload, request, RENDER_LIMITS)
  if (!read.ok) return read.response
  const decided = await decide(payload, slug, read.value)
  if (!decided.ok) return errorResponse(decided.failure.status, decided.failure.code, decided.failure.message)
  const { decision } = decided
  const { channel } = decision
  if (!CHANNEL_FORMATS[channel].includes(format as RenderFormat)) {
    return errorResponse(400, 'invalid_format', `The ${channel} channel renders ${CHANNEL_FORMATS[channel].join(', ')}, not ${format}.`, formatIssue(CHANNEL_FORMATS[channel], ` for ${channel}`))
  }
  const response =
    channel === 'email'
      ? await emailResponse(request, decision, format)
      : channel === 'screen' && format !== 'json'
        ? await screenResponse(payload, request, decision, format as 'html' | 'png')
        : webResponse(request, decision, format as 'json' | 'html')
  // Served (or already held by the client: 304): the enrolled units saw their arm.
  if (response.status === 200 || response.status === 304) await recordServed(payload, decision, request.url)
  return response
}

/** The JSON representation of a decision (every channel has one). */
function jsonOf(decision: Decision, base: string) {
  return renderJson(personalizePage(decision.resolved, decision.tokens), {
    ignored: decision.request.ignored,
    mediaBase: base,
    defaultLocale: decision.manifest.defaultLocale,
    trace: decision.request.debug,
  })
}

function webResponse(request: Request, decision: Decision, format: 'json' | 'html'): Response {
  const base = publicOrigin(request)
  // The same decision renders to the same bytes: render it once, then serve it from memory.
  const key = `${format}|${decisionEtag(decision, format)}|${base}`
  if (format === 'html') {
    const html = renderedBody(key, decision.request.debug, () =>
      renderWebFragment(personalizePage(decision.resolved, decision.tokens), { mediaBase: base, defaultLocale: decision.manifest.defaultLocale }),
    )
    return respond(request, decision, html, 'text/html; charset=utf-8', 'html')
  }
  return respond(request, decision, renderedBody(key, decision.request.debug, () => JSON.stringify(jsonOf(decision, base))), 'application/json; charset=utf-8', 'json')
}

async function emailResponse(request: Request, decision: Decision, format: string): Promise<Response> {
  const base = publicOrigin(request)
  let email
  try {
    email = await renderEmail(decision, base)
  } catch (error) {
    if (error instanceof RecipientUnsubscribedError) return errorResponse(409, 'recipient_unsubscribed', error.message)
    throw error
  }
  if (format === 'html') return respond(request, decision, email.html, 'text/html; charset=utf-8', 'email-html', email.headers)
  if (format === 'text') return respond(request, decision, email.text, 'text/plain; charset=utf-8', 'email-text', email.headers)
  const { subject, preheader, html, text, headers } = email
  return respond(request, decision, JSON.stringify({ ...jsonOf(decision, base), subject, preheader, html, text, headers }), 'application/json; charset=utf-8', 'email-json')
}

async function screenResponse(payload: Payload, request: Request, decision: Decision, format: 'html' | 'png'): Promise<Response> {
  const params = screenParams(new URL(request.url), decision)
  if (!params.ok) return params.response
  const representation = screenRepresentation(format, params.value, decision)
  const page = personalizePage(decision.resolved, decision.tokens)
  if (format === 'png') {
    if (isNotModified(request, decision, decisionEtag(decision, representation))) return respond(request, decision, '', 'image/png', representation)
    // A render costs 100–400 ms of CPU: the public may ask for few that are not in memory yet (any size, any slide).
    if (decision.request.caller.kind === 'public' && !isScreenPngCached(decision, params.value)) {
      const throttled = await rateLimit('coldPng', requestClient(request))
      if (throttled) return throttled
    }
    return respond(request, decision, await screenPng(payload, page, decision, params.value), 'image/png', representation)
  }
  const base = publicOrigin(request)
  const document = screenDocument(page, decision, params.value, base, decisionEtag(decision, representation))
  return respond(request, decision, document, 'text/html; charset=utf-8', representation, { 'Content-Security-Policy': await screenContentSecurityPolicy(base) })
}
