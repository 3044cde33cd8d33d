/**
 * What an editor sees on a profile's page: its data, its recent events, and
 * the segments it belongs to now, each with the reasons, decided by the same
 * service and snapshot the render API decides with.
 */
import type { Payload } from 'payload'

import { evaluateSegments } from '../../engine'
import { profileContext, type Profile } from '../customers'
import { liveManifest } from '../snapshot'
import { decisionContextOf, DEFAULT_TIMEZONE } from './decide'

export async function profileInsight(payload: Payload, profile: Profile) {
  const manifest = await liveManifest(payload)
  const { docs: events } = await payload.find({
    collection: 'profile-events',
    where: { profile: { equals: profile.id } },
    sort: '-occurredAt',
    limit: 50,
    depth: 0,
    overrideAccess: true,
  })
  const decision = decisionContextOf(manifest, profileContext(profile, manifest?.scores), 'web', DEFAULT_TIMEZONE)
  const segments = manifest
    ? evaluateSegments(manifest.segments, decision, true).memberships.map((membership) => ({
        slug: membership.segment.slug,
        member: membership.member,
        reasons: membership.reasons,
      }))
    : []
  return {
    profile,
    personalization: decision.personalization,
    // Interest scores as a decision reads them now (decayed), next to the stored value and time.
    scores: (manifest?.scores ?? []).map((score) => ({ key: score.key, value: decision.traits[`score.${score.key}`] ?? 0 })),
    segments,
    events: events.map((event) => ({
      type: event.type,
      name: event.name ?? null,
      category: event.category ?? null,
      occurredAt: event.occurredAt,
      source: event.source ?? null,
    })),
  }
}
