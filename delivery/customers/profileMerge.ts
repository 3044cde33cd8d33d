/**
 * Two profiles that turn out to be one person (a visitor who logs in as a
 * known customer) become one: the events and keys move to the target, whose
 * aggregates are rebuilt from all of them, so the newest value wins per trait,
 * consent and list exactly as if one profile had recorded them all. The old
 * profile stays as a pointer for old cookies and links.
 */
import type { Payload, PayloadRequest, Where } from 'payload'

import { emitChange } from '../sharing'
import { personOf } from './eventChanges'
import { rebuildInUnit } from './profileRebuild'
import { ref, type Profile } from './profiles'

/**
 * Moves `source` into `target`, both read under their locks in this unit.
 * The moved events count as not applied until the rebuild holds them, so a
 * crash in between is repaired like any other (eventReplay.ts).
 */
export async function absorbProfile(payload: Payload, target: Profile, source: Profile, req: PayloadRequest): Promise<Profile> {
  const keysBefore = [...target.keys]
  await payload.db.updateMany({ collection: 'profile-events', where: { profile: { equals: ref(source.id) } }, data: { profile: ref(target.id), applied: false }, req, returning: false })
  // Their experiment exposures are one person's too (two arms of one phase then show as a multiple exposure).
  await payload.db.updateMany({ collection: 'experiment-exposures', where: { profile: { equals: ref(source.id) } }, data: { profile: ref(target.id) }, req, returning: false })
  await foldExposureRows(payload, target, req)
  // The source lets go of its customer id and email first: each belongs to one profile.
  await payload.update({ collection: 'profiles', id: source.id, data: { mergedInto: ref(target.id) as never, keys: [], customerId: null, email: null }, overrideAccess: true, req })
  target.keys = [...new Set([...target.keys, ...source.keys])]
  target.customerId ??= source.customerId
  target.email ??= source.email
  // The first arm a person was served stays theirs: the target's, else the source's.
  if (source.experiments) target.experiments = { ...source.experiments, ...target.experiments }
  await rebuildInUnit(payload, target, req, keysBefore)
  // A profile is merged once: its id makes the message's.
  await emitChange(payload, 'profiles.merged', { into: personOf(target), merged: personOf(source) }, { req, unique: [source.id], key: target.id })
  return target
}

type ExposureRow = { id: number | string; experiment: string; phase: number; arm: string; count: number; lastAt?: string | null; multiple?: boolean | null }

/**
 * A customer served before any profile of theirs existed (an email recipient,
 * hashed on their customer id) has rows of their own, `customer:<id>` with no
 * profile. Once a profile holds that customer id (created, identified or
 * merged), those rows are the profile's, folded with the ones it has: one
 * person, one unit, marked multiple when they saw two arms.
 */
export async function adoptCustomerExposures(payload: Payload, profile: Profile, req: PayloadRequest): Promise<void> {
  if (!profile.customerId) return
  const orphans: Where = { and: [{ unit: { equals: `customer:${profile.customerId}` } }, { profile: { exists: false } }] }
  if ((await payload.count({ collection: 'experiment-exposures', where: orphans, overrideAccess: true, req })).totalDocs === 0) return
  await payload.db.updateMany({ collection: 'experiment-exposures', where: orphans, data: { profile: ref(profile.id) }, req, returning: false })
  await foldExposureRows(payload, profile, req)
}

/**
 * One row per person and phase after a merge: the first one (its arm, time
 * and channel) keeps the others' counts; a person the two profiles saw in two
 * arms is marked a multiple exposure (left out of the units, counted apart),
 * as the recorder marks one served two arms.
 */
async function foldExposureRows(payload: Payload, target: Profile, req: PayloadRequest): Promise<void> {
  const { docs } = await payload.find({ collection: 'experiment-exposures', where: { profile: { equals: ref(target.id) } }, sort: 'firstAt', depth: 0, pagination: false, overrideAccess: true, req })
  const groups = new Map<string, ExposureRow[]>()
  for (const row of docs as unknown as ExposureRow[]) {
    const key = `${row.experiment}|${row.phase}`
    groups.set(key, [...(groups.get(key) ?? []), row])
  }
  for (const [first, ...others] of groups.values()) {
    if (!first || others.length === 0) continue
    const lastAt = [first, ...others].map((row) => row.lastAt ?? '').sort().at(-1)
    const multiple = [first, ...others].some((row) => row.multiple || row.arm !== first.arm)
    await payload.db.updateOne({
      collection: 'experiment-exposures',
      id: first.id,
      data: { count: [first, ...others].reduce((sum, row) => sum + (row.count ?? 0), 0), ...(lastAt ? { lastAt } : {}), multiple },
      req,
      returning: false,
    })
    await payload.db.deleteMany({ collection: 'experiment-exposures', where: { id: { in: others.map((row) => row.id) } }, req })
  }
}
