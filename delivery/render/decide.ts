/**
 * The decision service: a request context in, a decision out, no HTTP in
 * between. The render API, the batch endpoint, the demo website and the
 * profile insight all decide here, with the same defaults, from the same live
 * snapshot and the same profile lookup.
 */
import type { Payload } from 'payload'

import type { TokenValues } from '../../channels/shared/tokens'
import {
  type Channel,
  decisionContext,
  type DecisionContext,
  type DeliveryManifest,
  type PageBundle,
  PERSONALIZATION,
  type RenderContext,
  resolvePage,
  type ResolvedPage,
} from '../../engine'
import { withProfile, type KnownPerson, type Profile } from '../customers'
import { experimentRequestOf } from '../experiments'
import { liveBundle, liveManifest } from '../snapshot'
import type { RequestContext } from '../trust'

/** Time zone of decisions when the request names none (TESSERA_TIMEZONE). */
export const DEFAULT_TIMEZONE = process.env.TESSERA_TIMEZONE || 'UTC'

export type Decision = {
  manifest: DeliveryManifest
  bundle: PageBundle
  resolved: ResolvedPage
  request: RequestContext
  /** The profile of the person decided for, when one is known. */
  profile?: Profile
  /** The channel decided for: the request's, else the page's own. */
  channel: Channel
  /** Personalization tokens ({{firstName}}…), from the trusted context and only with personalization consent. */
  tokens: TokenValues
  /** The recipient's address, when the trusted context names one (email links). */
  email?: string
}

/** Why there is nothing to decide: the caller's answer is the HTTP layer's business. */
export type DecisionFailure = { status: 404 | 503; code: string; message: string }

type PageFound = { ok: true; manifest: DeliveryManifest; bundle: PageBundle } | { ok: false; failure: DecisionFailure }

/** The live snapshot's manifest and the bundle of one published page. */
export async function loadPage(payload: Payload, slug: string): Promise<PageFound> {
  const manifest = await liveManifest(payload)
  if (!manifest) return { ok: false, failure: { status: 503, code: 'no_snapshot', message: 'Nothing has been published yet.' } }
  const bundle = await liveBundle(payload, manifest, slug)
  if (!bundle) return { ok: false, failure: { status: 404, code: 'page_not_found', message: `No published page has the slug “${slug}”.` } }
  return { ok: true, manifest, bundle }
}

/** Decides page `slug` for a request context: the page, the person's profile, the engine. */
export async function decide(payload: Payload, slug: string, request: RequestContext): Promise<{ ok: true; decision: Decision } | { ok: false; failure: DecisionFailure }> {
  const page = await loadPage(payload, slug)
  if (!page.ok) return page
  const forChannel = onlyOnTheSite(request, request.context.channel ?? page.bundle.channel)
  return { ok: true, decision: decideFor(page.manifest, page.bundle, await withProfile(payload, forChannel)) }
}

/**
 * What a visitor brings themselves (our signed cookie, the visit link of one of
 * their emails) personalizes the website for them, and nothing else: an email
 * or a screen addressed to a person is for a keyed caller to ask for, so a
 * forwarded link opens no one's email, lists or tokens.
 */
function onlyOnTheSite(request: RequestContext, channel: Channel): RequestContext {
  if (channel === 'web' || request.caller.kind !== 'public' || !request.broughtBy) return request
  const { visitor: _visitor, customer: _customer, traits: _traits, segments: _segments, ...anonymous } = request.context
  const ignored = request.broughtBy.includes('visit-link') ? [...request.ignored, 'tessera'] : request.ignored
  return { ...request, context: anonymous, ignored, broughtBy: undefined }
}

/** The engine's context for a request, with the service's defaults (channel, locale, time zone, clock, stores). */
export function decisionContextOf(manifest: DeliveryManifest | undefined, context: RenderContext, channel: Channel): DecisionContext {
  return decisionContext(context, {
    channel,
    locale: manifest?.defaultLocale ?? 'en',
    timezone: DEFAULT_TIMEZONE,
    now: Date.now(),
    stores: manifest?.stores,
  })
}

/** Decides a page already loaded, for a person already looked up (the batch endpoint decides many this way). */
export function decideFor(manifest: DeliveryManifest, bundle: PageBundle, { request, profile }: KnownPerson): Decision {
  const { context } = request
  const resolved = resolvePage(manifest, bundle, decisionContextOf(manifest, context, bundle.channel), { trace: request.debug, experiments: experimentRequestOf(context, profile) })
  return { manifest, bundle, resolved, request, profile, channel: context.channel ?? bundle.channel, ...personalization(context, manifest) }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined)

/** Token values come only from the trusted context (a stranger's query string is never echoed) and, being visitor data, only with personalization consent. */
function personalization(context: RenderContext, manifest: DeliveryManifest): { tokens: TokenValues; email?: string } {
  const traits = context.consents?.includes(PERSONALIZATION) ? (context.traits ?? {}) : {}
  const store = context.store ? manifest.stores[context.store]?.name : undefined
  const email = text(traits.email)
  return {
    tokens: { firstName: text(traits.firstName), lastName: text(traits.lastName), store, offerCode: text(traits.offerCode) },
    ...(email ? { email } : {}),
  }
}
