/**
 * Customer profiles: found by any key they are known by (visitor id, customer
 * id, email), created on first need, merged when two keys turn out to be the
 * same person, and changed one at a time (in this process, writes to one
 * profile are serialized and run in a transaction). Reads are remembered for a
 * few seconds so a page render costs at most one lookup.
 */
import type { LRUCache } from 'lru-cache'
import type { DataFromCollectionSlug, Payload } from 'payload'

import type { TraitValue } from '../../engine'
import { processWide, timedMemory } from '../http'

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
  lastSeenAt?: string
  eventCount: number
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
type ProfileDoc = Pick<DataFromCollectionSlug<'profiles'>, 'id' | 'customerId' | 'email' | 'keys' | 'mergedInto' | 'traits' | 'consents' | 'subscriptions' | 'behaviour' | 'lastSeenAt' | 'eventCount'>

/** Ids travel as strings here; SQL databases number their rows. */
const ref = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id)

const asRecord = <T>(value: unknown): Record<string, T> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, T>) : {})

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
    ...(doc.lastSeenAt ? { lastSeenAt: doc.lastSeenAt } : {}),
    eventCount: doc.eventCount ?? 0,
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
    lastSeenAt: profile.lastSeenAt ?? null,
    eventCount: profile.eventCount,
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

function forget(payload: Payload, profile: Profile | undefined): void {
  const memory = memoryOf(payload)
  if (!profile) return
  memory.byId.delete(profile.id)
  for (const key of profile.keys) memory.byKey.delete(key)
}

/** A profile by id, following merges to the profile that absorbed it. */
export async function profileById(payload: Payload, id: string): Promise<Profile | undefined> {
  return readById(payload, id)
}

async function readById(payload: Payload, id: string, hops = 0): Promise<Profile | undefined> {
  const doc = (await payload.findByID({ collection: 'profiles', id, depth: 0, overrideAccess: true, disableErrors: true })) as ProfileDoc | null
  if (!doc) return undefined
  const merged = doc.mergedInto ? String(typeof doc.mergedInto === 'object' ? doc.mergedInto.id : doc.mergedInto) : undefined
  // A merged profile points at the one that absorbed it (one hop, at most a few).
  if (merged && hops < 3) return readById(payload, merged, hops + 1)
  return fromDoc(doc)
}

async function profileIdForKey(payload: Payload, key: string): Promise<string | undefined> {
  const { docs } = await payload.find({ collection: 'profile-keys', where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true })
  const profile = docs[0]?.profile
  return profile === undefined || profile === null ? undefined : String(typeof profile === 'object' ? profile.id : profile)
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

const locks = new Map<string, Promise<unknown>>()

async function serialized<T>(id: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(id) ?? Promise.resolve()
  const next = previous.catch(() => {}).then(work)
  locks.set(id, next)
  try {
    return await next
  } finally {
    if (locks.get(id) === next) locks.delete(id)
  }
}

async function addKey(payload: Payload, key: string, profileId: string): Promise<void> {
  const { docs } = await payload.find({ collection: 'profile-keys', where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true })
  if (docs[0]) await payload.update({ collection: 'profile-keys', id: docs[0].id, data: { profile: ref(profileId) as never }, overrideAccess: true })
  else await payload.create({ collection: 'profile-keys', data: { key, profile: ref(profileId) as never }, overrideAccess: true })
}

/** Applies `change` to a profile and stores it; returns the stored profile. */
export async function updateProfile(payload: Payload, id: string, change: (profile: Profile) => void): Promise<Profile> {
  return serialized(id, async () => {
    const current = await readById(payload, id)
    if (!current) throw new Error(`Profile ${id} does not exist`)
    const keysBefore = new Set(current.keys)
    change(current)
    pruneBehaviour(current.behaviour, new Date())
    await payload.update({ collection: 'profiles', id: current.id, data: toData(current) as never, overrideAccess: true })
    for (const key of current.keys) if (!keysBefore.has(key)) await addKey(payload, key, current.id)
    forget(payload, current)
    return current
  })
}

function keysOf(identity: ProfileIdentity): string[] {
  return [
    ...(identity.customer ? [profileKey.customer(identity.customer)] : []),
    ...(identity.email ? [profileKey.email(identity.email)] : []),
    ...(identity.visitor ? [profileKey.visitor(identity.visitor)] : []),
  ]
}

export type ProfileIdentity = { visitor?: string; customer?: string; email?: string }

/**
 * The profile of this identity, created if none exists; when its keys lead to
 * two profiles (a visitor who turns out to be a known customer), they are merged.
 */
export async function ensureProfile(payload: Payload, identity: ProfileIdentity): Promise<Profile> {
  const keys = keysOf(identity)
  if (keys.length === 0) throw new Error('A profile needs a visitor id, a customer id or an email')
  const found = new Map<string, Profile>()
  for (const key of keys) {
    const id = await profileIdForKey(payload, key)
    if (id && !found.has(id)) {
      const profile = await readById(payload, id)
      if (profile) found.set(profile.id, profile)
    }
  }
  let profiles = [...found.values()]
  if (profiles.length === 0) {
    const empty: Profile = { id: '', keys, traits: {}, consents: {}, subscriptions: {}, behaviour: {}, eventCount: 0, ...(identity.customer ? { customerId: identity.customer } : {}), ...(identity.email ? { email: identity.email.trim().toLowerCase() } : {}) }
    const created = await payload.create({ collection: 'profiles', data: toData(empty) as never, overrideAccess: true })
    for (const key of keys) await addKey(payload, key, String(created.id))
    profiles = [fromDoc(created as unknown as ProfileDoc)]
  }
  // The customer's profile (else the oldest) absorbs the others.
  profiles.sort((a, b) => Number(Boolean(b.customerId)) - Number(Boolean(a.customerId)) || (Number(a.id) || 0) - (Number(b.id) || 0))
  let target = profiles[0]!
  for (const other of profiles.slice(1)) target = await mergeProfiles(payload, target.id, other.id)
  const missing = keys.filter((key) => !target.keys.includes(key))
  if (missing.length > 0 || (identity.customer && !target.customerId) || (identity.email && !target.email)) {
    target = await updateProfile(payload, target.id, (profile) => {
      profile.keys.push(...missing)
      if (identity.customer && !profile.customerId) profile.customerId = identity.customer
      if (identity.email && !profile.email) profile.email = identity.email.trim().toLowerCase()
    })
  }
  return target
}

const newer = <T extends { at: string }>(a: T | undefined, b: T | undefined): T | undefined => (!a ? b : !b ? a : Date.parse(b.at) > Date.parse(a.at) ? b : a)

function mergeNewest<T extends { at: string }>(into: Record<string, T>, from: Record<string, T>): void {
  for (const [key, value] of Object.entries(from)) into[key] = newer(into[key], value)!
}

/** Moves everything `sourceId` knows into `targetId`: newest value wins per trait, consent and list. */
export async function mergeProfiles(payload: Payload, targetId: string, sourceId: string): Promise<Profile> {
  if (targetId === sourceId) return (await readById(payload, targetId))!
  const source = await readById(payload, sourceId)
  if (!source || source.id === targetId) return (await readById(payload, targetId))!
  const merged = await updateProfile(payload, targetId, (target) => {
    mergeNewest(target.traits, source.traits)
    mergeNewest(target.consents, source.consents)
    mergeNewest(target.subscriptions, source.subscriptions)
    for (const [series, days] of Object.entries(source.behaviour)) {
      const into = (target.behaviour[series] ??= {})
      for (const [day, count] of Object.entries(days)) into[day] = (into[day] ?? 0) + count
    }
    target.eventCount += source.eventCount
    target.keys = [...new Set([...target.keys, ...source.keys])]
    target.customerId ??= source.customerId
    target.email ??= source.email
    if (source.lastSeenAt && (!target.lastSeenAt || source.lastSeenAt > target.lastSeenAt)) target.lastSeenAt = source.lastSeenAt
  })
  // Events follow their customer; the old profile stays as a pointer for old cookies and links.
  await payload.update({ collection: 'profile-events', where: { profile: { equals: source.id } }, data: { profile: ref(targetId) as never }, overrideAccess: true })
  await payload.update({ collection: 'profiles', id: source.id, data: { mergedInto: ref(targetId) as never, keys: [], customerId: null, email: null }, overrideAccess: true })
  forget(payload, source)
  return merged
}

/** Keeps behaviour within the look-back window. */
function pruneBehaviour(behaviour: Behaviour, now: Date): void {
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
  await serialized(profile.id, async () => {
    const { docs: absorbed } = await payload.find({ collection: 'profiles', where: { mergedInto: { equals: profile.id } }, depth: 0, pagination: false, overrideAccess: true })
    const ids = [profile.id, ...absorbed.map((doc) => String(doc.id))]
    await payload.delete({ collection: 'profile-events', where: { profile: { in: ids } }, overrideAccess: true })
    await payload.delete({ collection: 'profile-keys', where: { profile: { in: ids } }, overrideAccess: true })
    await payload.delete({ collection: 'profiles', where: { id: { in: ids } }, overrideAccess: true })
  })
  forget(payload, profile)
  memoryOf(payload).byKey.clear()
  return true
}
