/**
 * GET/POST /api/render/{slug}: read the request by the trust rules, decide,
 * render the decision in the asked format, respond with honest cache headers.
 * Everything a caller can get wrong is a 4xx with a message they can act on.
 * JSON, web HTML and screen HTML are the contract's (an edge answers alike);
 * emails and PNGs are drawn here.
 */
import type { Payload } from 'payload'

import { channelFormatProblem, decisionEtag, decisionShape, isNotModified, jsonOf, renderFormatOf, renderSettingsFrom, respond, screenHtmlResponse, screenParams, screenRepresentation, webResponse } from '../../contract'
import { personalizePage } from '../../channels/shared/tokens'
import { boundedMemory, errorResponse, processWide, publicOrigin } from '../http'
import { rateLimit, requestClient } from '../limits'
import { readRenderRequest, type CallerLimits } from '../trust'
import { decide, type Decision } from './decide'
import { RecipientUnsubscribedError, renderEmail } from './email'
import { recordServed } from './exposures'
import { isScreenPngCached, screenPng } from './screen'

import type { BodyMemory, RenderFormat } from '../../contract'

export { CHANNEL_FORMATS, RENDER_FORMATS, type RenderFormat } from '../../contract'

/** An API key (or an editor) spends from its own generous budget; the public from its address's. */
const RENDER_LIMITS: CallerLimits = { trusted: 'keyRender', public: 'publicRender' }

/** Bound: 1,000 rendered bodies (JSON and HTML fragments) per process, least recently used dropped first. */
const renderedBodies = processWide('renderedBodies', () => boundedMemory<string, Uint8Array>(1000))

export async function handleRenderRequest(payload: Payload, request: Request, slug: string): Promise<Response> {
  const asked = renderFormatOf(new URL(request.url))
  if (!asked.ok) return asked.response
  const { format } = asked
  const read = await readRenderRequest(payload, request, RENDER_LIMITS)
  if (!read.ok) return read.response
  const decided = await decide(payload, slug, read.value)
  if (!decided.ok) return errorResponse(decided.failure.status, decided.failure.code, decided.failure.message)
  return renderDecision(payload, request, decided.decision, format)
}

/** Remembers nothing: for a bundle that is not the live one. */
const FORGETFUL: BodyMemory = { get: () => undefined, set: () => undefined }

/**
 * A decision in the asked format, by its channel's renderer (the render API
 * and the editor's preview share it). Rendered bodies, email layouts and
 * PNGs are remembered under the live decision's key; `remember: false` for a
 * bundle that is not the live one (a preview's draft or form), which a
 * decision of the same shape must never be served.
 */
export async function renderDecision(payload: Payload, request: Request, decision: Decision, format: RenderFormat, { remember = true }: { remember?: boolean } = {}): Promise<Response> {
  const { channel } = decision
  const problem = channelFormatProblem(channel, format)
  if (problem) return problem
  const settings = renderSettingsFrom(process.env)
  const response =
    channel === 'email'
      ? await emailResponse(request, decision, format, remember)
      : channel === 'screen' && format === 'png'
        ? await screenPngResponse(payload, request, decision, remember)
        : channel === 'screen' && format === 'html'
          ? await screenHtmlResponse(request, decision, settings, '/api/updates')
          : webResponse(request, decision, format as 'json' | 'html', settings, remember ? renderedBodies : FORGETFUL)
  // Served (or already held by the client: 304): the enrolled units saw their arm.
  if (response.status === 200 || response.status === 304) await recordServed(payload, decision, request.url)
  return response
}

const utf8 = new TextEncoder()

type EmailFormat = 'json' | 'html' | 'text'
const EMAIL_TYPES: Record<EmailFormat, string> = { json: 'application/json; charset=utf-8', html: 'text/html; charset=utf-8', text: 'text/plain; charset=utf-8' }
type KeptEmail = { body: Uint8Array; headers: Record<string, string> }
/** Bound: 1,000 emails addressed to no one (a body and its List-Unsubscribe headers), least recently used dropped first. */
const anonymousEmails = processWide('anonymousEmails', () => boundedMemory<string, KeptEmail>(1000))

async function emailResponse(request: Request, decision: Decision, format: string, remember: boolean): Promise<Response> {
  const base = publicOrigin(request)
  const settings = renderSettingsFrom(process.env)
  const as: EmailFormat = format === 'html' || format === 'text' ? format : 'json'
  const answer = ({ body, headers }: KeptEmail) => respond(request, decision, body, EMAIL_TYPES[as], `email-${as}`, settings, as === 'json' ? {} : headers)
  // An email addressed to no one (a template fetch: no customer, visitor or email in the context) has no signed links,
  // no profile and nothing per recipient: the same decision gives the same bytes, kept like a web body.
  const { customer, visitor } = decision.request.context
  const anonymous = remember && !decision.request.debug && !customer && !visitor && !decision.email
  const key = `${as}|${decision.manifest.version}|${decisionShape(decision)}|${base}`
  const kept = anonymous ? anonymousEmails.get(key) : undefined
  if (kept) return answer(kept)
  let email
  try {
    email = await renderEmail(decision, base, { remember })
  } catch (error) {
    if (error instanceof RecipientUnsubscribedError) return errorResponse(409, 'recipient_unsubscribed', error.message)
    throw error
  }
  const { subject, preheader, html, text, headers } = email
  // UTF-8 bytes, not a string: a string body is checked for lone surrogates by undici in JavaScript, tens of KB each time.
  const rendered = { body: utf8.encode(as === 'html' ? html : as === 'text' ? text : JSON.stringify({ ...jsonOf(decision, base), subject, preheader, html, text, headers })), headers }
  if (anonymous) anonymousEmails.set(key, rendered)
  return answer(rendered)
}

async function screenPngResponse(payload: Payload, request: Request, decision: Decision, remember: boolean): Promise<Response> {
  const params = screenParams(new URL(request.url), decision)
  if (!params.ok) return params.response
  const settings = renderSettingsFrom(process.env)
  const representation = screenRepresentation('png', params.value, decision)
  if (isNotModified(request, decision, decisionEtag(decision, representation))) return respond(request, decision, '', 'image/png', representation, settings)
  // A render costs 100–400 ms of CPU: the public may ask for few that are not in memory yet (any size, any slide).
  if (decision.request.caller.kind === 'public' && !isScreenPngCached(decision, params.value, publicOrigin(request))) {
    const throttled = await rateLimit('coldPng', requestClient(request))
    if (throttled) return throttled
  }
  const page = personalizePage(decision.resolved, decision.tokens)
  return respond(request, decision, await screenPng(payload, page, decision, params.value, publicOrigin(request), remember), 'image/png', representation, settings)
}
