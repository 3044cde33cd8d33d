/**
 * Customer profiles: found by any key they are known by (visitor id, customer
 * id, email), and written one at a time: in this process, whoever writes a
 * profile holds its lock (withProfileLocks) for the whole unit of work, so a
 * read-modify-write never loses another's change. Reads are remembered for a
 * few seconds so a page render costs at most one lookup. A profile's
 * aggregates follow from its events (profileFold.ts); who a person is
 * (profileIdentity.ts) and merges (profileMerge.ts) live next door.
 */
import type { LRUCache } from 'lru-cache'
import type { DataFromCollectionSlug, Payload, PayloadRequest } from 'payload'

import type { AskLog, ScoreState, TraitValue } from '../../engine'
import { processWide, timedMemory } from '../http'
import { changesCommitted, emitChange } from '../sharing'
import { inUnitOfWork } from './unitOfWork'

export type TraitRecord = { value: TraitValue; source: string; at: string }
export type ConsentRecord = { granted: boolean; source: string; at: string }
export type SubscriptionRecord = { status: 'subscribed' | 'unsubscribed'; source: string; at: string }
/** Daily counts: `{ "page_view:shoes": { "2026-11-24": 3 } }`, also per type alone (`page_view`). */
export type Behaviour = Record<string, Record<string, number>>

export type Profile = {
  id: string
  customerId?: string
  email?: string
  keys: string[]
  traits: Record<string, TraitRecord>
  consents: Record<string, ConsentRecord>
  subscriptions: Record<string, SubscriptionRecord>
  behaviour: Behaviour
  /** What the person did with each question (progressive profiling, surveys). */
  asks: AskLog
  /** Interest scores by key: the value at a time, decaying from there. */
  scores: Record<string, ScoreState>
  lastSeenAt?: string
  eventCount: number
  /** Experiment arms this person was first served: `key:phase` → arm (delivery/experiments keeps them). */
  experiments?: Record<string, string>
}

export const profileKey = {
  visitor: (id: string) => `v:${id}`,
  customer: (id: string) => `c:${id}`,
  email: (address: string) => `e:${address.trim().toLowerCase()}`,
}

/** Behaviour older than this is dropped: segments look back at most this far. */
export const BEHAVIOUR_DAYS = 90
const REMEMBER_MS = 5_000
/** Bound of each memory (keys → profile id, id → profile) per database; least recently used dropped first. */
const REMEMBER_MAX = 10_000

/** A profile row as Payload returns it at depth 0 (relations as ids). */
type ProfileDoc = Pick<
  DataFromCollectionSlug<'profiles'>,
  'id' | 'customerId' | 'email' | 'keys' | 'mergedInto' | 'traits' | 'consents' | 'subscriptions' | 'behaviour' | 'asks' | 'scores' | 'lastSeenAt' | 'eventCount' | 'experiments'
>

/** Ids travel as strings here; SQL databases number their rows. */
export const ref = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id)

export const asRecord = <T>(value: unknown): Record<string, T> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, T>) : {})

function fromDoc(doc: ProfileDoc): Profile {
  return {
    id: String(doc.id),
    ...(doc.customerId ? { customerId: doc.customerId } : {}),
    ...(doc.email ? { email: doc.email } : {}),
    keys: doc.keys ?? [],
    traits: asRecord(doc.traits),
    consents: asRecord(doc.consents),
    subscriptions: asRecord(doc.subscriptions),
    behaviour: asRecord(doc.behaviour),
    asks: asRecord(doc.asks),
    scores: asRecord(doc.scores),
    ...(doc.lastSeenAt ? { lastSeenAt: doc.lastSeenAt } : {}),
    eventCount: doc.eventCount ?? 0,
    ...(doc.experiments ? { experiments: asRecord<string>(doc.experiments) } : {}),
  }
}

function toData(profile: Profile) {
  return {
    customerId: profile.customerId ?? null,
    email: profile.email ?? null,
    keys: profile.keys,
    displayName: profile.customerId ?? profile.email ?? profile.keys[0]?.slice(2) ?? profile.id,
    traits: profile.traits,
    consents: profile.consents,
    subscriptions: profile.subscriptions,
    behaviour: profile.behaviour,
    asks: profile.asks,
    scores: profile.scores,
    lastSeenAt: profile.lastSeenAt ?? null,
    eventCount: profile.eventCount,
    ...(profile.experiments ? { experiments: profile.experiments } : {}),
  }
}

// ─── Reading, with a short memory ───────────────────────────────────────────

/** Who each key points to ("none" is remembered too, as null) and each profile, for REMEMBER_MS. */
type Memory = { byKey: LRUCache<string, { profileId: string | null }>; byId: LRUCache<string, Profile> }
const memories = processWide('profileMemory', () => new WeakMap<Payload, Memory>())

function memoryOf(payload: Payload): Memory {
  let memory = memories.get(payload)
  if (!memory) {
    memory = { byKey: timedMemory(REMEMBER_MAX, REMEMBER_MS), byId: timedMemory(REMEMBER_MAX, REMEMBER_MS) }
    memories.set(payload, memory)
  }
  return memory
}

/** Drops what is remembered of these profiles (call it once their change is committed). */
export function forget(payload: Payload, ...profiles: (Profile | undefined)[]): void {
  const memory = memoryOf(payload)
  for (const profile of profiles) {
    if (!profile) continue
    memory.byId.delete(profile.id)
    for (const key of profile.keys) memory.byKey.delete(key)
  }
}

/** A profile by id, following merges to the profile that absorbed it. */
export async function profileById(payload: Payload, id: string): Promise<Profile | undefined> {
  return readById(payload, id)
}

/** Uncached; inside a unit of work, pass its `req` to read what it wrote. */
export async function readById(payload: Payload, id: string, req?: PayloadRequest, hops = 0): Promise<Profile | undefined> {
  const doc = (await payload.findByID({ collection: 'profiles', id, depth: 0, overrideAccess: true, disableErrors: true, req })) as ProfileDoc | null
  if (!doc) return undefined
  const merged = doc.mergedInto ? String(typeof doc.mergedInto === 'object' ? doc.mergedInto.id : doc.mergedInto) : undefined
  // A merged profile points at the one that absorbed it (one hop, at most a few).
  if (merged && hops < 3) return readById(payload, merged, req, hops + 1)
  return fromDoc(doc)
}

export async function profileIdForKey(payload: Payload, key: string, req?: PayloadRequest): Promise<string | undefined> {
  const { docs } = await payload.find({ collection: 'profile-keys', where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true, req })
  const profile = docs[0]?.profile
  return profile === undefined || profile === null ? undefined : String(typeof profile === 'object' ? profile.id : profile)
}

const LOOKUP_CHUNK = 500

/**
 * Remembers the profiles known by `keys` in two queries per 500 keys (a batch
 * of recipients), instead of two per key: findProfile then answers each from
 * memory, exactly as it would have one by one (a merged profile is followed
 * by findProfile itself).
 */
export async function prefetchProfiles(payload: Payload, keys: readonly string[]): Promise<void> {
  const memory = memoryOf(payload)
  const unknown = [...new Set(keys)].filter((key) => !memory.byKey.has(key))
  for (let start = 0; start < unknown.length; start += LOOKUP_CHUNK) {
    const chunk = unknown.slice(start, start + LOOKUP_CHUNK)
    const { docs } = await payload.find({ collection: 'profile-keys', where: { key: { in: chunk } }, pagination: false, depth: 0, overrideAccess: true })
    const found = new Map(docs.map((doc) => [doc.key, doc.profile === null || doc.profile === undefined ? null : String(typeof doc.profile === 'object' ? doc.profile.id : doc.profile)]))
    for (const key of chunk) memory.byKey.set(key, { profileId: found.get(key) ?? null })
  }
  const ids = [...new Set(keys.map((key) => memory.byKey.get(key)?.profileId).filter((id): id is string => Boolean(id) && !memory.byId.has(id!)))]
  for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
    const chunk = ids.slice(start, start + LOOKUP_CHUNK)
    const { docs } = await payload.find({ collection: 'profiles', where: { id: { in: chunk.map(ref) } }, pagination: false, depth: 0, overrideAccess: true })
    for (const doc of docs as unknown as ProfileDoc[]) if (!doc.mergedInto) memory.byId.set(String(doc.id), fromDoc(doc))
  }
}

/** The profile known by `key`, remembered for a few seconds (including "none"). */
export async function findProfile(payload: Payload, key: string): Promise<Profile | undefined> {
  const memory = memoryOf(payload)
  let known = memory.byKey.get(key)
  if (!known) {
    known = { profileId: (await profileIdForKey(payload, key)) ?? null }
    memory.byKey.set(key, known)
  }
  if (!known.profileId) return undefined
  const cached = memory.byId.get(known.profileId)
  if (cached) return cached
  const profile = await readById(payload, known.profileId)
  if (profile) memory.byId.set(known.profileId, profile)
  return profile
}

// ─── Writing, one profile at a time ─────────────────────────────────────────

const locks = processWide('profileLocks', () => new Map<string, Promise<unknown>>())

async function serialized<T>(name: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(name) ?? Promise.resolve()
  const next = previous.catch(() => {}).then(work)
  locks.set(name, next)
  try {
    return await next
  } finally {
    if (locks.get(name) === next) locks.delete(name)
  }
}

/** Lock names: a profile by id, and a key that may lead to none yet. */
export const lockOf = { profile: (id: string) => `p:${id}`, key: (key: string) => `k:${key}` }

/**
 * Runs `work` holding these locks, all taken before it starts, always in one
 * order, and held until it ends (its transaction included): two holders never
 * wait on each other, and no one waits on a row another holder changed but has
 * not committed. Not reentrant: inside, write with storeProfile and friends.
 */
export async function withProfileLocks<T>(names: string[], work: () => Promise<T>): Promise<T> {
  const ordered = [...new Set(names)].sort()
  return ordered.reduceRight<() => Promise<T>>((inner, name) => () => serialized(name, inner), work)()
}

async function addKey(payload: Payload, key: string, profileId: string, req: PayloadRequest): Promise<void> {
  const existing = await profileIdForKey(payload, key, req)
  if (existing === profileId) return
  if (existing) await payload.update({ collection: 'profile-keys', where: { key: { equals: key } }, data: { profile: ref(profileId) as never }, overrideAccess: true, req })
  else await payload.create({ collection: 'profile-keys', data: { key, profile: ref(profileId) as never }, overrideAccess: true, req })
}

/** Stores a profile changed under its lock; the keys it gained since `keysBefore` lead to it from now on. */
export async function storeProfile(payload: Payload, profile: Profile, req: PayloadRequest, keysBefore: readonly string[] = profile.keys): Promise<void> {
  pruneBehaviour(profile.behaviour, new Date())
  await payload.update({ collection: 'profiles', id: profile.id, data: toData(profile) as never, overrideAccess: true, req })
  for (const key of profile.keys) if (!keysBefore.includes(key)) await addKey(payload, key, profile.id, req)
}

/** A new profile known by `keys`, with nothing learned yet. */
export async function createProfile(payload: Payload, keys: string[], known: Pick<Profile, 'customerId' | 'email'>, req: PayloadRequest): Promise<Profile> {
  const empty: Profile = { id: '', keys, ...emptyAggregates(), ...known }
  const created = await payload.create({ collection: 'profiles', data: toData(empty) as never, overrideAccess: true, req })
  for (const key of keys) await addKey(payload, key, String(created.id), req)
  return fromDoc(created as unknown as ProfileDoc)
}

/** What a profile has learned from its events, before the first one. */
export function emptyAggregates(): Pick<Profile, 'traits' | 'consents' | 'subscriptions' | 'behaviour' | 'asks' | 'scores' | 'eventCount'> & { lastSeenAt?: string } {
  return { traits: {}, consents: {}, subscriptions: {}, behaviour: {}, asks: {}, scores: {}, eventCount: 0, lastSeenAt: undefined }
}

/** Keeps behaviour within the look-back window. */
export function pruneBehaviour(behaviour: Behaviour, now: Date): void {
  const oldest = new Date(now.getTime() - BEHAVIOUR_DAYS * 86_400_000).toISOString().slice(0, 10)
  for (const [series, days] of Object.entries(behaviour)) {
    for (const day of Object.keys(days)) if (day < oldest) delete days[day]
    if (Object.keys(days).length === 0) delete behaviour[series]
  }
}

// ─── Access and erasure ────────────────────────────────────────────────────

/** Everything stored about a profile (right of access). */
export async function exportProfile(payload: Payload, id: string) {
  const profile = await readById(payload, id)
  if (!profile) return undefined
  const { docs: events } = await payload.find({
    collection: 'profile-events',
    where: { profile: { equals: profile.id } },
    sort: 'occurredAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return {
    exportedAt: new Date().toISOString(),
    profile,
    events: events.map(({ id: _id, profile: _profile, ...event }) => event),
  }
}

/** Deletes a profile, its keys, its events and any profile merged into it (right of erasure). */
export async function eraseProfile(payload: Payload, id: string): Promise<boolean> {
  const profile = await readById(payload, id)
  if (!profile) return false
  await withProfileLocks([lockOf.profile(profile.id)], () =>
    inUnitOfWork(payload, async ({ req }) => {
      const { docs: absorbed } = await payload.find({ collection: 'profiles', where: { mergedInto: { equals: profile.id } }, depth: 0, pagination: false, overrideAccess: true, req })
      const ids = [profile.id, ...absorbed.map((doc) => String(doc.id))]
      await payload.delete({ collection: 'profile-events', where: { profile: { in: ids } }, overrideAccess: true, req })
      await payload.delete({ collection: 'profile-keys', where: { profile: { in: ids } }, overrideAccess: true, req })
      await payload.delete({ collection: 'experiment-exposures', where: { profile: { in: ids } }, overrideAccess: true, req })
      if (profile.customerId) await payload.delete({ collection: 'experiment-exposures', where: { unit: { equals: `customer:${profile.customerId}` } }, overrideAccess: true, req })
      await payload.delete({ collection: 'profiles', where: { id: { in: ids } }, overrideAccess: true, req })
      // What was shared about them goes too; downstream systems hear the identifiers to erase, and nothing else.
      await payload.db.deleteMany({ collection: 'outbox-messages', where: { orderKey: { in: ids } }, req })
      const erased = { profile: profile.id, profiles: ids, customerId: profile.customerId, email: profile.email, keys: [...profile.keys, ...absorbed.flatMap((doc) => doc.keys ?? [])] }
      await emitChange(payload, 'profile.erased', erased, { req, unique: [profile.id] })
    }),
  )
  forget(payload, profile)
  memoryOf(payload).byKey.clear()
  changesCommitted(payload)
  return true
}
