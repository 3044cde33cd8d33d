/**
 * A decision as an HTTP response, with honest caching. A response that
 * depends on who asked is never stored by a shared cache: it is private (as
 * is anything an authenticated caller asked for, since it may carry inputs a
 * stranger could not state). A response that depends only on non-personal
 * context is public and varies on every request header that could have
 * changed it, whether or not this request carried it. ETags derive from the
 * snapshot version and everything that shaped the bytes; bodies rendered
 * once per decision shape are kept in memory.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { base64url } from 'jose'
import { LRUCache } from 'lru-cache'

import type { CompiledGroup, DeliveryManifest, PageBundle, RuleAttribute } from '../engine'
import { headersFeeding } from './contextHeaders'
import type { DecisionCore } from './decision'
import type { RenderSettings } from './settings'

type Decision = DecisionCore

export type CachePolicy = { cacheControl: string; vary: string[]; shared: boolean }

/** Anything in a response that names or addresses its person: never for a shared cache. */
const personalTokens = (decision: Decision) =>
  Boolean(decision.tokens.firstName || decision.tokens.lastName || decision.tokens.offerCode || decision.email)

/**
 * The policy of one decision. Private when it read visitor data or came from
 * an authenticated caller; otherwise public, varying on Authorization and
 * Cookie (a keyed caller, an editor or a signed cookie would be decided
 * differently) and on every header its page's decision can read.
 */
export function cachePolicy(decision: Decision, settings: Pick<RenderSettings, 'publicMaxAge' | 'geoHeaders'>): CachePolicy {
  const { resolved, request } = decision
  // An enrolled unit's arm is chosen for it: an experiment response is never shared.
  const enrolled = resolved.experiments?.some((outcome) => outcome.enrolled) ?? false
  if (resolved.personalized || request.trusted || personalTokens(decision) || enrolled) {
    return { cacheControl: 'private, no-cache', vary: ['Authorization', 'Cookie'], shared: false }
  }
  const vary = ['Authorization', 'Cookie', ...headersFeeding(attributesReadBy(decision.manifest, decision.bundle), settings.geoHeaders)]
  return {
    cacheControl: `public, max-age=0, s-maxage=${settings.publicMaxAge}, stale-while-revalidate=${settings.publicMaxAge * 5}`,
    vary: [...new Set(vary)].sort(),
    shared: true,
  }
}

const pageReads = new WeakMap<DeliveryManifest, WeakMap<PageBundle, ReadonlySet<RuleAttribute>>>()

/**
 * The attributes a decision of this page can read, known from the snapshot:
 * the rules of the segments its variants target, and of every segment that
 * states a tone or length preference (preferences apply to every slot).
 */
export function attributesReadBy(manifest: DeliveryManifest, bundle: PageBundle): ReadonlySet<RuleAttribute> {
  let byBundle = pageReads.get(manifest)
  if (!byBundle) pageReads.set(manifest, (byBundle = new WeakMap()))
  let reads = byBundle.get(bundle)
  if (!reads) {
    const targeted = new Set<string>()
    for (const block of Object.values(bundle.blocks)) for (const variant of block.variants) for (const id of variant.audience) targeted.add(id)
    for (const variant of bundle.email?.variants ?? []) for (const id of variant.audience) targeted.add(id)
    // A shipped experiment's audience decides who sees its arm.
    for (const { experiment } of manifest.experiments ?? []) for (const id of experiment.audience) targeted.add(id)
    const attributes = new Set<RuleAttribute>()
    const collect = (group: CompiledGroup) => {
      for (const condition of group.conditions) attributes.add(condition.attribute)
      for (const nested of group.groups) collect(nested)
    }
    for (const segment of manifest.segments) {
      if (targeted.has(segment.id) || segment.preferredTone || segment.preferredLength) collect(segment.rule)
    }
    reads = attributes
    byBundle.set(bundle, reads)
  }
  return reads
}

const encoder = new TextEncoder()

/** Strong validator: same snapshot, same decision, same representation ⇒ same ETag (SHA-256, synchronous and alike in every runtime). */
export function entityTag(version: string, representation: string): string {
  const key = `${version}|${representation}`
  let tag = entityTags.get(key)
  if (tag === undefined) {
    tag = `"${version.slice(0, 12)}-${base64url.encode(sha256(encoder.encode(representation))).slice(0, 22)}"`
    entityTags.set(key, tag)
  }
  return tag
}

/** The last 1,000 ETags computed: the same decision is asked for again and again, and SHA-256 in JavaScript costs more than the rest of a 304. */
const entityTags = new LRUCache<string, string>({ max: 1000 })

/** Whether If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export function notModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => bare(tag) === bare(etag))
}

/**
 * What shapes a decision's bytes besides the snapshot: the chosen variants,
 * the filled-in tokens, who it addresses, what was ignored. Same snapshot,
 * same shape, same representation ⇒ same ETag (and same cached body).
 */
export function decisionShape(decision: Decision): string {
  let shape = shapes.get(decision)
  if (shape === undefined) {
    const { resolved, request } = decision
    const { customer, visitor } = request.context
    shape = JSON.stringify([resolved.decisionKey, resolved.personalized, request.ignored, decision.tokens, customer ?? null, visitor ?? null, decision.email ?? null])
    shapes.set(decision, shape)
  }
  return shape
}

/** Each decision's shape, worked out once (its ETag, its body's key and its PNG's key all start from it). */
const shapes = new WeakMap<Decision, string>()

export function decisionEtag(decision: Decision, representation: string): string {
  return entityTag(decision.manifest.version, `${representation}|${decisionShape(decision)}`)
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
  settings: RenderSettings,
  extraHeaders: Record<string, string> = {},
): Response {
  const { manifest, resolved, request: context } = decision
  const policy = cachePolicy(decision, settings)
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

/** Where rendered bodies are kept (a bounded memory on each side). */
export type BodyMemory = { get: (key: string) => Uint8Array | undefined; set: (key: string, body: Uint8Array) => unknown }

const utf8 = new TextEncoder()

/**
 * A rendered body as UTF-8 bytes, kept per decision, so that serving it again
 * neither renders nor encodes (text with any character beyond Latin-1, as
 * French has, takes V8's slow encoding path on every write); a trace is never kept.
 */
export function renderedBody(memory: BodyMemory, key: string, debug: boolean, render: () => string): Uint8Array {
  if (debug) return utf8.encode(render())
  let body = memory.get(key)
  if (body === undefined) {
    body = utf8.encode(render())
    memory.set(key, body)
  }
  return body
}
