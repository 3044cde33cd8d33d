/**
 * A profile's aggregates (consents, lists, traits, behaviour, event count,
 * last seen) recomputed from its stored events, folded in the order they were
 * recorded (by id): the order recording folded them in, so ties resolve the
 * same way and a rebuild of a sound profile changes nothing. Editors rebuild a
 * profile from its page; a crash without transactions is repaired with it.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { CompiledScore, TraitValue } from '../../engine'
import { emitChanges } from '../sharing'
import { liveManifest } from '../snapshot'
import { changesOfEvent, type SharedEvent } from './eventChanges'
import { foldEvent, mailingLists, type FoldedEvent } from './profileFold'
import { asRecord, emptyAggregates, forget, lockOf, pruneBehaviour, readById, ref, storeProfile, withProfileLocks, type Profile } from './profiles'
import { inUnitOfWork, RaceLost } from './unitOfWork'

type StoredEvents = { events: FoldedEvent[]; unapplied: (number | string)[]; unappliedEvents: SharedEvent[] }

async function storedEventsOf(payload: Payload, profileId: string, req?: PayloadRequest): Promise<StoredEvents> {
  const { docs } = await payload.find({
    collection: 'profile-events',
    where: { profile: { equals: ref(profileId) } },
    sort: 'id',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { type: true, category: true, traits: true, consents: true, source: true, occurredAt: true, receivedAt: true, createdAt: true, applied: true, idempotencyKey: true, name: true, properties: true },
    req,
  })
  const events = docs.map((doc) => ({
      type: doc.type,
      category: doc.category,
      traits: asRecord<TraitValue>(doc.traits),
      consents: asRecord<boolean>(doc.consents),
      properties: asRecord<unknown>(doc.properties),
      source: doc.source ?? '',
      occurredAt: new Date(doc.occurredAt).toISOString(),
      // Events stored before receivedAt existed were received when stored.
      receivedAt: new Date(doc.receivedAt ?? doc.createdAt).toISOString(),
  }))
  return {
    events,
    unapplied: docs.filter((doc) => !doc.applied).map((doc) => doc.id),
    unappliedEvents: docs.flatMap((doc, index) => (doc.applied ? [] : [{ ...events[index]!, idempotencyKey: doc.idempotencyKey, name: doc.name }])),
  }
}

/** Replaces the profile's aggregates with the fold of these events. */
function refold(profile: Profile, events: FoldedEvent[], { lists, scores }: FoldRules): void {
  Object.assign(profile, emptyAggregates())
  for (const event of events) foldEvent(profile, event, lists, scores)
  pruneBehaviour(profile.behaviour, new Date())
}

/** Marks stored events as held by their profile's aggregates. */
export async function markApplied(payload: Payload, ids: (number | string)[], req: PayloadRequest): Promise<void> {
  if (ids.length === 0) return
  await payload.db.updateMany({ collection: 'profile-events', where: { id: { in: ids } }, data: { applied: true }, req, returning: false })
}

/** Rebuilds `profile` (read under its lock, in this unit) from its events and stores it. */
export async function rebuildInUnit(payload: Payload, profile: Profile, req: PayloadRequest, keysBefore?: readonly string[], { repair = false } = {}): Promise<number> {
  const [{ events, unapplied, unappliedEvents }, lists] = await Promise.all([storedEventsOf(payload, profile.id, req), listsNow(payload)])
  refold(profile, events, lists)
  // A repair also writes what a crash kept from the outbox (a message already written is not written again).
  if (repair) await emitChanges(payload, unappliedEvents.flatMap((event) => changesOfEvent(event, profile, lists.lists)), { req })
  await storeProfile(payload, profile, req, keysBefore)
  await markApplied(payload, unapplied, req)
  return events.length
}

type FoldRules = { lists: ReadonlySet<string>; scores: readonly CompiledScore[] }
/** What the fold needs of the live snapshot: which purposes are lists, the interest score definitions. */
const listsNow = async (payload: Payload): Promise<FoldRules> => {
  const manifest = await liveManifest(payload)
  return { lists: mailingLists(manifest?.purposes ?? []), scores: manifest?.scores ?? [] }
}

/** What the profile's aggregates would be if rebuilt now from its stored events; nothing is written. */
export async function profileFromEvents(payload: Payload, id: string): Promise<Profile | undefined> {
  const profile = await readById(payload, id)
  if (!profile) return undefined
  const [{ events }, lists] = await Promise.all([storedEventsOf(payload, profile.id), listsNow(payload)])
  refold(profile, events, lists)
  return profile
}

export type RebuiltProfile = { profile: Profile; events: number }

/** Recomputes a profile's aggregates from its stored events and stores them (a merged profile: the one that absorbed it). */
export async function rebuildProfile(payload: Payload, id: string): Promise<RebuiltProfile | undefined> {
  return rebuild(payload, id, 'always')
}

/** Rebuilds the profile only if some of its events are stored but not applied (what a crash leaves behind). */
export async function repairProfile(payload: Payload, id: string): Promise<RebuiltProfile | undefined> {
  return rebuild(payload, id, 'if-unapplied')
}

async function rebuild(payload: Payload, id: string, when: 'always' | 'if-unapplied', attempt = 1): Promise<RebuiltProfile | undefined> {
  const found = await readById(payload, id)
  if (!found) return undefined
  try {
    return await withProfileLocks([lockOf.profile(found.id)], async () => {
      const rebuilt = await inUnitOfWork(payload, async ({ req }) => {
        const profile = await readById(payload, found.id, req)
        if (!profile) return undefined
        // Merged into another since it was looked up: that one is not locked here.
        if (profile.id !== found.id) throw new RaceLost(`profile ${found.id}`)
        if (when === 'if-unapplied' && (await payload.count({ collection: 'profile-events', where: { profile: { equals: ref(profile.id) }, applied: { equals: false } }, req })).totalDocs === 0) return undefined
        return { profile, events: await rebuildInUnit(payload, profile, req, undefined, { repair: when === 'if-unapplied' }) }
      })
      forget(payload, rebuilt?.profile)
      return rebuilt
    })
  } catch (error) {
    if (error instanceof RaceLost && attempt < 3) return rebuild(payload, id, when, attempt + 1)
    throw error
  }
}
