/**
 * One render request, end to end: who is calling, what they state, the
 * decision context, the live snapshot, the engine, the channel renderer, and
 * honest cache headers. Everything a caller can get wrong is a 4xx with a
 * message they can act on.
 */
import type { Payload } from 'payload'

import { renderJson } from '../channels/json'
import { renderWebFragment } from '../channels/web/html'
import { decisionContext } from '../engine/context'
import { resolvePage, type ResolvedPage } from '../engine/resolvePage'
import type { DeliveryManifest, PageBundle } from '../engine/snapshot'
import { checkApiKey } from './apiKeys'
import { cachePolicy, entityTag, notModified } from './cachePolicy'
import { errorResponse, readJsonBody } from './httpErrors'
import { liveBundle, liveManifest } from './liveSnapshot'
import { contextFromQuery, contextIssues, requestContext, type Caller, type RequestContext } from './requestContext'

export const RENDER_FORMATS = ['json', 'html'] as const
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

  const manifest = await liveManifest(payload)
  if (!manifest) return { ok: false, response: errorResponse(503, 'no_snapshot', 'Nothing has been published yet.') }
  const bundle = await liveBundle(payload, manifest, slug)
  if (!bundle) {
    return { ok: false, response: errorResponse(404, 'page_not_found', `No published page has the slug “${slug}”.`) }
  }

  const decision = decisionContext(built.value.context, {
    channel: bundle.channel,
    locale: manifest.defaultLocale,
    timezone: DEFAULT_TIMEZONE,
    now: Date.now(),
    stores: manifest.stores,
  })
  const resolved = resolvePage(manifest, bundle, decision, { trace: built.value.debug })
  return { ok: true, value: { manifest, bundle, resolved, request: built.value } }
}

/** The public origin media URLs are made absolute with. */
export function mediaBase(request: Request): string {
  return process.env.TESSERA_PUBLIC_URL || new URL(request.url).origin
}

/** Wraps a rendered body with cache headers, ETag and 304 handling. */
export function respond(
  request: Request,
  decided: Decided,
  body: string,
  contentType: string,
  representation: string,
): Response {
  const { manifest, resolved, request: context } = decided
  const policy = cachePolicy(resolved, context, manifest.segments.some((segment) => segment.personal))
  const headers = new Headers({
    'Content-Type': contentType,
    'Cache-Control': policy.cacheControl,
    'X-Tessera-Snapshot': manifest.version,
    'X-Tessera-Personalized': String(resolved.personalized),
  })
  if (policy.vary.length > 0) headers.set('Vary', policy.vary.join(', '))
  if (context.ignored.length > 0) headers.set('X-Tessera-Ignored', context.ignored.join(', '))
  // A trace describes this very request (its clock): no validator for it.
  if (!context.debug) {
    const etag = entityTag(manifest.version, `${representation}|${resolved.decisionKey}|${resolved.personalized}|${context.ignored.join(',')}`)
    headers.set('ETag', etag)
    if ((request.method === 'GET' || request.method === 'HEAD') && notModified(request.headers.get('if-none-match'), etag)) {
      headers.delete('Content-Type')
      return new Response(null, { status: 304, headers })
    }
  }
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers })
}

export async function handleRenderRequest(payload: Payload, request: Request, slug: string): Promise<Response> {
  const format = new URL(request.url).searchParams.get('format') ?? 'json'
  if (!(RENDER_FORMATS as readonly string[]).includes(format)) {
    return errorResponse(400, 'invalid_format', `Unknown format “${format}”; use ${RENDER_FORMATS.join(' or ')}.`, [
      { path: 'format', message: `Expected one of ${RENDER_FORMATS.join(', ')}` },
    ])
  }
  const decided = await decideRequest(payload, request, slug)
  if (!decided.ok) return decided.response
  const { value } = decided
  const base = mediaBase(request)
  switch (format as RenderFormat) {
    case 'json': {
      const json = renderJson(value.resolved, {
        ignored: value.request.ignored,
        mediaBase: base,
        defaultLocale: value.manifest.defaultLocale,
        trace: value.request.debug,
      })
      return respond(request, value, JSON.stringify(json), 'application/json; charset=utf-8', 'json')
    }
    case 'html':
      return respond(
        request,
        value,
        renderWebFragment(value.resolved, { mediaBase: base, defaultLocale: value.manifest.defaultLocale }),
        'text/html; charset=utf-8',
        'html',
      )
  }
}
