/**
 * A decision as an HTTP response, with honest caching. A response that
 * depends on who asked is never stored by a shared cache: it is private (as
 * is anything an authenticated caller asked for, since it may carry inputs a
 * stranger could not state). A response that depends only on non-personal
 * context is public, varies on exactly the request headers it was derived
 * from, and on Cookie whenever a signed cookie could have changed the
 * decision. ETags derive from the snapshot version and the decision; bodies
 * rendered once per decision are kept in memory.
 */
import { createHash } from 'node:crypto'

import type { ResolvedPage, RuleAttribute } from '../../engine'
import { boundedMemory, processWide } from '../http'
import type { RequestContext } from '../trust'
import type { Decision } from './decide'

export const PUBLIC_MAX_AGE = Number(process.env.TESSERA_PUBLIC_MAX_AGE ?? 60)

const TIME_ATTRIBUTES: ReadonlySet<RuleAttribute> = new Set(['daypart', 'weekday', 'date', 'time'])

export type CachePolicy = { cacheControl: string; vary: string[]; shared: boolean }

export function cachePolicy(resolved: Pick<ResolvedPage, 'personalized' | 'attributesRead'>, request: RequestContext, cookiesMatter: boolean): CachePolicy {
  if (resolved.personalized || request.trusted) {
    return { cacheControl: 'private, no-cache', vary: ['Authorization', 'Cookie'], shared: false }
  }
  const vary = new Set<string>()
  for (const attribute of resolved.attributesRead) {
    for (const header of request.headers[attribute] ?? []) vary.add(header)
    if (TIME_ATTRIBUTES.has(attribute)) for (const header of request.headers.clock ?? []) vary.add(header)
  }
  // Text is chosen by language: if it came from Accept-Language, so does the response.
  for (const header of request.headers.locale ?? []) vary.add(header)
  if (cookiesMatter) vary.add('Cookie')
  return {
    cacheControl: `public, max-age=0, s-maxage=${PUBLIC_MAX_AGE}, stale-while-revalidate=${PUBLIC_MAX_AGE * 5}`,
    vary: [...vary].sort(),
    shared: true,
  }
}

/** Strong validator: same snapshot, same decision, same representation ⇒ same ETag. */
export function entityTag(version: string, representation: string): string {
  return `"${version.slice(0, 12)}-${createHash('sha256').update(representation).digest('base64url').slice(0, 22)}"`
}

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag))
}

/** Same snapshot, same decision, same representation ⇒ same ETag. */
export function decisionEtag(decision: Decision, representation: string): string {
  const { resolved, request } = decision
  return entityTag(decision.manifest.version, `${representation}|${resolved.decisionKey}|${resolved.personalized}|${request.ignored.join(',')}`)
}

/** Whether a GET can be answered 304 (never for a debug trace, which describes this request). */
export function isNotModified(request: Request, decision: Decision, etag: string): boolean {
  return !decision.request.debug && (request.method === 'GET' || request.method === 'HEAD') && notModified(request.headers.get('if-none-match'), etag)
}

/** Wraps a rendered body with cache headers, ETag and 304 handling. */
export function respond(
  request: Request,
  decision: Decision,
  body: string | Uint8Array,
  contentType: string,
  representation: string,
  extraHeaders: Record<string, string> = {},
): Response {
  const { manifest, resolved, request: context } = decision
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
    const etag = decisionEtag(decision, representation)
    headers.set('ETag', etag)
    if (isNotModified(request, decision, etag)) {
      headers.delete('Content-Type')
      return new Response(null, { status: 304, headers })
    }
  }
  return new Response(request.method === 'HEAD' ? null : (body as BodyInit), { status: 200, headers })
}

/** Bound: 1,000 rendered bodies (JSON and HTML fragments) per process, least recently used dropped first. */
const renderedBodies = processWide('renderedBodies', () => boundedMemory<string, string>(1000))

/** A rendered body, kept per decision; a trace is never kept. */
export function renderedBody(key: string, debug: boolean, render: () => string): string {
  if (debug) return render()
  let body = renderedBodies.get(key)
  if (body === undefined) {
    body = render()
    renderedBodies.set(key, body)
  }
  return body
}
