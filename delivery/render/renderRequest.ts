/**
 * One render request, end to end: who is calling, what they state, the
 * decision context, the live snapshot, the engine, the channel renderer, and
 * honest cache headers. Everything a caller can get wrong is a 4xx with a
 * message they can act on.
 */
import type { Payload } from 'payload'

import { renderJson } from '../../channels/json'
import { personalizePage, type TokenValues } from '../../channels/tokens'
import { renderWebFragment } from '../../channels/web/html'
import type { Channel } from '../../engine/axes'
import { decisionContext } from '../../engine/context'
import { resolvePage, type ResolvedPage } from '../../engine/resolvePage'
import type { DeliveryManifest, PageBundle } from '../../engine/snapshot'
import { checkApiKey } from '../trust/apiKeys'
import { cachePolicy, entityTag, notModified } from './cachePolicy'
import { emailRecipient, RecipientUnsubscribedError, renderEmail, type EmailForRecipient } from './email'
import { screenContentSecurityPolicy, screenDocument, screenParams, screenPng, screenRepresentation } from './screen'
import { errorResponse, readJsonBody } from '../http/errors'
import { liveBundle, liveManifest } from '../snapshot/liveSnapshot'
import { processWide } from '../http/processState'
import { withProfile } from '../customers/profileContext'
import { contextFromQuery, contextIssues, requestContext, type Caller, type RequestContext } from '../trust/requestContext'

export const RENDER_FORMATS = ['json', 'html', 'text', 'png'] as const
export type RenderFormat = (typeof RENDER_FORMATS)[number]

const MAX_BODY_BYTES = 64 * 1024
export const DEFAULT_TIMEZONE = process.env.TESSERA_TIMEZONE || 'UTC'

/** The caller behind the request: a render API key, an editor's admin session, or the public. */
export async function identifyCaller(
  payload: Payload,
  request: Request,
  scope: 'render' | 'events',
): Promise<{ ok: true; caller: Caller } | { ok: false; response: Response }> {
  const key = await checkApiKey(payload, request.headers.get('authorization'))
  if (key.status === 'invalid') {
    return { ok: false, response: errorResponse(401, 'invalid_api_key', key.reason, [], { 'WWW-Authenticate': 'Bearer' }) }
  }
  if (key.status === 'valid') {
    if (!key.caller.scopes.includes(scope)) {
      return {
        ok: false,
        response: errorResponse(403, 'insufficient_scope', `The API key “${key.caller.name}” does not have the “${scope}” scope.`),
      }
    }
    return { ok: true, caller: { kind: 'api-key', id: key.caller.id, name: key.caller.name } }
  }
  const cookies = request.headers.get('cookie') ?? ''
  const authorization = request.headers.get('authorization') ?? ''
  if (cookies.includes(`${payload.config.cookiePrefix}-token=`) || /^JWT\s/i.test(authorization)) {
    const { user } = await payload.auth({ headers: request.headers }).catch(() => ({ user: null }))
    if (user && user.collection === 'users') return { ok: true, caller: { kind: 'editor', id: String(user.id), email: String(user.email) } }
  }
  return { ok: true, caller: { kind: 'public' } }
}

export type Decided = {
  manifest: DeliveryManifest
  bundle: PageBundle
  resolved: ResolvedPage
  request: RequestContext
}

/** Parses, authorizes and decides; the caller renders. */
export async function decideRequest(
  payload: Payload,
  request: Request,
  slug: string,
): Promise<{ ok: true; value: Decided } | { ok: false; response: Response }> {
  const url = new URL(request.url)
  const identified = await identifyCaller(payload, request, 'render')
  if (!identified.ok) return identified

  const query = contextFromQuery(url.searchParams)
  let stated = query.input
  let debug = query.debug
  let fromQuery = true
  if (request.method === 'POST') {
    const body = await readJsonBody(request, MAX_BODY_BYTES)
    if (!body.ok) return body
    if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
      return { ok: false, response: errorResponse(400, 'invalid_context', 'The body must be a JSON object describing the context.', [{ path: '', message: 'Expected an object' }]) }
    }
    const { debug: bodyDebug, ...context } = body.value as Record<string, unknown>
    stated = { ...query.input, ...context }
    debug = debug || bodyDebug === true
    fromQuery = false
  }

  const built = await requestContext(request, stated, identified.caller, debug)
  if (!built.ok) {
    const issues = contextIssues(built.issues, fromQuery)
    const first = issues[0]
    return {
      ok: false,
      response: errorResponse(400, 'invalid_context', `Invalid context: ${first ? `${first.path || 'body'}: ${first.message}` : 'see issues'}`, issues),
    }
  }

  const page = await loadPage(payload, slug)
  if (!page.ok) return page
  return { ok: true, value: decide(page.manifest, page.bundle, await withProfile(payload, built.value)) }
}

/** The live snapshot's manifest and the bundle of one published page. */
export async function loadPage(
  payload: Payload,
  slug: string,
): Promise<{ ok: true; manifest: DeliveryManifest; bundle: PageBundle } | { ok: false; response: Response }> {
  const manifest = await liveManifest(payload)
  if (!manifest) return { ok: false, response: errorResponse(503, 'no_snapshot', 'Nothing has been published yet.') }
  const bundle = await liveBundle(payload, manifest, slug)
  if (!bundle) return { ok: false, response: errorResponse(404, 'page_not_found', `No published page has the slug “${slug}”.`) }
  return { ok: true, manifest, bundle }
}

/** Runs the engine for one request context. */
export function decide(manifest: DeliveryManifest, bundle: PageBundle, request: RequestContext): Decided {
  const decision = decisionContext(request.context, {
    channel: bundle.channel,
    locale: manifest.defaultLocale,
    timezone: DEFAULT_TIMEZONE,
    now: Date.now(),
    stores: manifest.stores,
  })
  return { manifest, bundle, resolved: resolvePage(manifest, bundle, decision, { trace: request.debug }), request }
}

/** The public origin media URLs are made absolute with. */
export function mediaBase(request: Request): string {
  return process.env.TESSERA_PUBLIC_URL || new URL(request.url).origin
}

/** Same snapshot, same decision, same representation ⇒ same ETag. */
export function decisionEtag(decided: Decided, representation: string): string {
  const { resolved, request } = decided
  return entityTag(decided.manifest.version, `${representation}|${resolved.decisionKey}|${resolved.personalized}|${request.ignored.join(',')}`)
}

/** Whether a GET can be answered 304 (never for a debug trace, which describes this request). */
export function isNotModified(request: Request, decided: Decided, etag: string): boolean {
  return !decided.request.debug && (request.method === 'GET' || request.method === 'HEAD') && notModified(request.headers.get('if-none-match'), etag)
}

/** Wraps a rendered body with cache headers, ETag and 304 handling. */
export function respond(
  request: Request,
  decided: Decided,
  body: string | Uint8Array,
  contentType: string,
  representation: string,
  extraHeaders: Record<string, string> = {},
): Response {
  const { manifest, resolved, request: context } = decided
  const policy = cachePolicy(resolved, context, manifest.segments.some((segment) => segment.personal))
  const headers = new Headers({
    'Content-Type': contentType,
    'Cache-Control': policy.cacheControl,
    'X-Tessera-Snapshot': manifest.version,
    'X-Tessera-Personalized': String(resolved.personalized),
  })
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value)
  if (policy.vary.length > 0) headers.set('Vary', policy.vary.join(', '))
  if (context.ignored.length > 0) headers.set('X-Tessera-Ignored', context.ignored.join(', '))
  // A trace describes this very request (its clock): no validator for it.
  if (!context.debug) {
    const etag = decisionEtag(decided, representation)
    headers.set('ETag', etag)
    if (isNotModified(request, decided, etag)) {
      headers.delete('Content-Type')
      return new Response(null, { status: 304, headers })
    }
  }
  return new Response(request.method === 'HEAD' ? null : (body as BodyInit), { status: 200, headers })
}

/** The formats each channel renders to (JSON always). */
export const CHANNEL_FORMATS: Record<Channel, readonly RenderFormat[]> = {
  web: ['json', 'html'],
  email: ['json', 'html', 'text'],
  screen: ['json', 'html', 'png'],
}

export async function handleRenderRequest(payload: Payload, request: Request, slug: string): Promise<Response> {
  const format = new URL(request.url).searchParams.get('format') ?? 'json'
  if (!(RENDER_FORMATS as readonly string[]).includes(format)) {
    return errorResponse(400, 'invalid_format', `Unknown format “${format}”; use ${RENDER_FORMATS.join(', ')}.`, [
      { path: 'format', message: `Expected one of ${RENDER_FORMATS.join(', ')}` },
    ])
  }
  const decided = await decideRequest(payload, request, slug)
  if (!decided.ok) return decided.response
  const { value } = decided
  const channel = channelOf(value)
  if (!CHANNEL_FORMATS[channel].includes(format as RenderFormat)) {
    return errorResponse(400, 'invalid_format', `The ${channel} channel renders ${CHANNEL_FORMATS[channel].join(', ')}, not ${format}.`, [
      { path: 'format', message: `Expected one of ${CHANNEL_FORMATS[channel].join(', ')} for ${channel}` },
    ])
  }
  const base = mediaBase(request)
  const tokens = tokenValues(value)
  const personalized = personalizePage(value.resolved, tokens)
  const json = () =>
    renderJson(personalized, {
      ignored: value.request.ignored,
      mediaBase: base,
      defaultLocale: value.manifest.defaultLocale,
      trace: value.request.debug,
    })

  if (channel === 'email') {
    let email: EmailForRecipient
    try {
      email = await renderEmail(value, base)
    } catch (error) {
      if (error instanceof RecipientUnsubscribedError) return errorResponse(409, 'recipient_unsubscribed', error.message)
      throw error
    }
    if (format === 'html') return respond(request, value, email.html, 'text/html; charset=utf-8', 'email-html', email.headers)
    if (format === 'text') return respond(request, value, email.text, 'text/plain; charset=utf-8', 'email-text', email.headers)
    const { subject, preheader, html, text, headers } = email
    const body = { ...json(), subject, preheader, html, text, headers }
    return respond(request, value, JSON.stringify(body), 'application/json; charset=utf-8', 'email-json')
  }
  if (channel === 'screen' && format !== 'json') {
    const params = screenParams(new URL(request.url), value)
    if (!params.ok) return params.response
    const representation = screenRepresentation(format as 'html' | 'png', params.value)
    if (format === 'png') {
      const etag = decisionEtag(value, representation)
      if (isNotModified(request, value, etag)) return respond(request, value, '', 'image/png', representation)
      const png = await screenPng(payload, personalized, value, params.value)
      return respond(request, value, png, 'image/png', representation)
    }
    const document = screenDocument(personalized, value, params.value, base, decisionEtag(value, representation))
    return respond(request, value, document, 'text/html; charset=utf-8', representation, {
      'Content-Security-Policy': await screenContentSecurityPolicy(base),
    })
  }
  // The same decision renders to the same bytes: render it once, then serve it from memory.
  const bodyKey = `${format}|${decisionEtag(value, format)}|${base}|${JSON.stringify(tokens)}`
  if (format === 'html') {
    const html = renderedBody(bodyKey, value.request.debug, () => renderWebFragment(personalized, { mediaBase: base, defaultLocale: value.manifest.defaultLocale }))
    return respond(request, value, html, 'text/html; charset=utf-8', 'html')
  }
  return respond(request, value, renderedBody(bodyKey, value.request.debug, () => JSON.stringify(json())), 'application/json; charset=utf-8', 'json')
}

const RENDERED_BODIES = 1000
const renderedBodies = processWide('renderedBodies', () => new Map<string, string>())

/** A rendered body, kept per decision (least recently used dropped first); a trace is never kept. */
function renderedBody(key: string, debug: boolean, render: () => string): string {
  if (debug) return render()
  const cached = renderedBodies.get(key)
  if (cached !== undefined) {
    renderedBodies.delete(key)
    renderedBodies.set(key, cached)
    return cached
  }
  const body = render()
  renderedBodies.set(key, body)
  if (renderedBodies.size > RENDERED_BODIES) renderedBodies.delete(renderedBodies.keys().next().value!)
  return body
}

/** Token values from the trusted context: the same a recipient's email would get. */
export function tokenValues(decided: Decided): TokenValues {
  const { context } = decided.request
  const { firstName, lastName, email: _email, ...rest } = emailRecipient(context, context.store ? decided.manifest.stores[context.store]?.name : undefined)
  return { firstName, lastName, ...rest }
}

/** The channel decided for (the request's, else the page's). */
function channelOf(decided: Decided): Channel {
  return decided.request.context.channel ?? decided.bundle.channel
}
