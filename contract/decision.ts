/**
 * A decision as the render API's contract defines it: the engine's resolved
 * page plus the defaults (channel, locale, time zone, clock, stores) and the
 * personalization tokens. Pure: the origin adds the profile it looked up, an
 * edge decides only what needs no profile; both decide here.
 */
import type { TokenValues } from '../channels/shared/tokens'
import {
  type Channel,
  decisionContext,
  type DecisionContext,
  type DeliveryManifest,
  type ExperimentRequest,
  type PageBundle,
  PERSONALIZATION,
  type RenderContext,
  resolvePage,
  type ResolvedPage,
} from '../engine'
import type { CallerKind, RequestContext } from './requestContext'

export type DecisionCore<Caller extends CallerKind = CallerKind> = {
  manifest: DeliveryManifest
  bundle: PageBundle
  resolved: ResolvedPage
  request: RequestContext<Caller>
  /** The channel decided for: the request's, else the page's own. */
  channel: Channel
  /** Personalization tokens ({{firstName}}…), from the trusted context and only with personalization consent. */
  tokens: TokenValues
  /** The recipient's address, when the trusted context names one (email links). */
  email?: string
}

/**
 * What a visitor brings themselves (our signed cookie, the visit link of one of
 * their emails) personalizes the website for them, and nothing else: an email
 * or a screen addressed to a person is for a keyed caller to ask for, so a
 * forwarded link opens no one's email, lists or tokens.
 */
export function onlyOnTheSite<Caller extends CallerKind>(request: RequestContext<Caller>, channel: Channel): RequestContext<Caller> {
  if (channel === 'web' || request.caller.kind !== 'public' || !request.broughtBy) return request
  const { visitor: _visitor, customer: _customer, traits: _traits, segments: _segments, ...anonymous } = request.context
  const ignored = request.broughtBy.includes('visit-link') ? [...request.ignored, 'tessera'] : request.ignored
  return { ...request, context: anonymous, ignored, broughtBy: undefined }
}

/** The engine's context for a request, with the service's defaults (channel, locale, time zone, clock, stores). */
export function decisionContextOf(manifest: DeliveryManifest | undefined, context: RenderContext, channel: Channel, timezone: string): DecisionContext {
  return decisionContext(context, {
    channel,
    locale: manifest?.defaultLocale ?? 'en',
    timezone,
    now: Date.now(),
    stores: manifest?.stores,
  })
}

/** Decides a page already loaded for a context already complete (the origin has added the profile, if any). */
export function resolveDecision<Caller extends CallerKind>(
  manifest: DeliveryManifest,
  bundle: PageBundle,
  request: RequestContext<Caller>,
  timezone: string,
  experiments: ExperimentRequest = experimentRequestWithoutProfile(request.context),
): DecisionCore<Caller> {
  const { context } = request
  const resolved = resolvePage(manifest, bundle, decisionContextOf(manifest, context, bundle.channel, timezone), { trace: request.debug, experiments })
  return { manifest, bundle, resolved, request, channel: context.channel ?? bundle.channel, ...personalization(context, manifest) }
}

/**
 * The experiment units of a context with no profile looked up (an edge's
 * visitors): the person it names, the store, the consents. The origin's
 * `experimentRequestOf` gives the same for a request without a profile, and
 * adds a profile's sticky arms when there is one.
 */
export function experimentRequestWithoutProfile(context: RenderContext): ExperimentRequest {
  const person = context.customer ?? context.visitor
  return { ...(person ? { person } : {}), ...(context.store ? { store: context.store } : {}), consents: new Set(context.consents ?? []) }
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
