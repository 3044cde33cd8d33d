/**
 * Honest caching. A response that depends on who asked is never stored by a
 * shared cache: it is private (as is anything an authenticated caller
 * asked for, since it may carry inputs a stranger could not state). A
 * response that depends only on non-personal context is public, varies on
 * exactly the request headers it was derived from, and on Cookie whenever a
 * signed cookie could have changed the decision.
 */
import { createHash } from 'node:crypto'

import type { ResolvedPage } from '../../engine/resolvePage'
import type { RuleAttribute } from '../../engine/segmentRules'
import type { RequestContext } from '../trust/requestContext'

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
