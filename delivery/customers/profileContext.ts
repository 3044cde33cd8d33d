/**
 * A profile as decision context: its traits (values only), its daily
 * behaviour, and the purposes it consented to. The engine never sees the
 * profile itself, only this.
 */
import type { Payload } from 'payload'

import { type CompiledScore, PERSONALIZATION, type RenderContext, scoreAt, scoreTrait } from '../../engine'
import { liveManifest } from '../snapshot'
import type { RequestContext } from '../trust'
import { findProfile, prefetchProfiles, profileKey, type Profile } from './profiles'

export function profileContext(
  profile: Profile,
  scores: readonly CompiledScore[] = [],
  now = Date.now(),
): Pick<RenderContext, 'traits' | 'behaviour' | 'consents' | 'visitor' | 'customer' | 'asks'> {
  const traits: NonNullable<RenderContext['traits']> = {}
  for (const [key, record] of Object.entries(profile.traits)) traits[key] = record.value
  // Interest scores read as traits (score.<key>), decayed to the moment decided for, rounded to hundredths.
  for (const score of scores) {
    const state = profile.scores[score.key]
    if (state) traits[scoreTrait(score.key)] = Math.round(scoreAt(state, score.halfLifeDays, now) * 100) / 100
  }
  return {
    traits,
    behaviour: profile.behaviour,
    asks: profile.asks,
    consents: Object.entries(profile.consents)
      .filter(([, record]) => record.granted)
      .map(([purpose]) => purpose),
    ...(profile.customerId ? { customer: profile.customerId } : {}),
  }
}

/** A request context with what its person's profile adds, and the profile itself when there is one. */
export type KnownPerson = { request: RequestContext; profile?: Profile }

/**
 * Adds what the profile of an identified person knows (one lookup, cached):
 * their traits under any the caller stated, their behaviour, and, when the
 * caller did not say, their consents. Without a profile, an API key vouches
 * for personalization consent unless it says otherwise.
 */
/** The key a context's person is looked up by: customer id, else visitor id, else email. */
function personKey(context: RenderContext): string | undefined {
  const email = typeof context.traits?.email === 'string' ? context.traits.email : undefined
  return context.customer ? profileKey.customer(context.customer) : context.visitor ? profileKey.visitor(context.visitor) : email ? profileKey.email(email) : undefined
}

/** Looks up the profiles of many requests at once (a batch), so that withProfile then finds each in memory. */
export async function prefetchPeople(payload: Payload, requests: readonly RequestContext[]): Promise<void> {
  await prefetchProfiles(payload, requests.map((request) => personKey(request.context)).filter((key): key is string => key !== undefined))
}

export async function withProfile(payload: Payload, request: RequestContext): Promise<KnownPerson> {
  const context = request.context
  const key = personKey(context)
  const profile = key ? await findProfile(payload, key) : undefined
  const apiKey = request.caller.kind === 'api-key'
  if (!profile) {
    return { request: apiKey && context.consents === undefined ? { ...request, context: { ...context, consents: [PERSONALIZATION] } } : request }
  }
  const at = context.at ? Date.parse(context.at) : Date.now()
  const known = profileContext(profile, (await liveManifest(payload))?.scores ?? [], at)
  const consents = context.consents ?? known.consents
  return {
    profile,
    request: {
      ...request,
      context: {
        ...context,
        consents,
        traits: { ...known.traits, ...context.traits },
        behaviour: { ...known.behaviour, ...context.behaviour },
        asks: { ...known.asks, ...context.asks },
      },
    },
  }
}
