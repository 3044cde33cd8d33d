/**
 * Who a person is: the profile their visitor id, customer id or email leads
 * to, created on first need, and merged when their keys lead to two (a visitor
 * who turns out to be a known customer). Each change is one unit of work of
 * its own, committed before the events that need it are recorded: an empty
 * profile left by a crash is found again by the retry.
 */
import type { Payload, PayloadRequest } from 'payload'

import { changesCommitted } from '../sharing'
import { absorbProfile, adoptCustomerExposures } from './profileMerge'
import { createProfile, forget, lockOf, profileIdForKey, profileKey, readById, storeProfile, withProfileLocks, type Profile } from './profiles'
import { inUnitOfWork, isRaceLost, RaceLost } from './unitOfWork'

export type ProfileIdentity = { visitor?: string; customer?: string; email?: string }

function keysOf(identity: ProfileIdentity): string[] {
  return [
    ...(identity.customer ? [profileKey.customer(identity.customer)] : []),
    ...(identity.email ? [profileKey.email(identity.email)] : []),
    ...(identity.visitor ? [profileKey.visitor(identity.visitor)] : []),
  ]
}

/** The profiles these keys lead to, the one that absorbs the others first: the customer's, else the oldest. */
async function profilesOf(payload: Payload, keys: string[], req?: PayloadRequest): Promise<Profile[]> {
  const found = new Map<string, Profile>()
  for (const key of keys) {
    const id = await profileIdForKey(payload, key, req)
    if (id && !found.has(id)) {
      const profile = await readById(payload, id, req)
      if (profile) found.set(profile.id, profile)
    }
  }
  return [...found.values()].sort((a, b) => Number(Boolean(b.customerId)) - Number(Boolean(a.customerId)) || (Number(a.id) || 0) - (Number(b.id) || 0))
}

const knowsAll = (profile: Profile, identity: ProfileIdentity, keys: string[]) =>
  keys.every((key) => profile.keys.includes(key)) && (!identity.customer || Boolean(profile.customerId)) && (!identity.email || Boolean(profile.email))

/** The profile of this identity, created if none exists; when its keys lead to two profiles, they are merged. */
export async function ensureProfile(payload: Payload, identity: ProfileIdentity, attempt = 1): Promise<Profile> {
  const keys = keysOf(identity)
  if (keys.length === 0) throw new Error('A profile needs a visitor id, a customer id or an email')
  const found = await profilesOf(payload, keys)
  if (found.length === 1 && knowsAll(found[0]!, identity, keys)) return found[0]!
  try {
    // The keys are locked too: two first events of one new person create one profile.
    return await withProfileLocks([...found.map((profile) => lockOf.profile(profile.id)), ...keys.map(lockOf.key)], async () => {
      const { profile, absorbed } = await inUnitOfWork(payload, async ({ req }) => {
        const profiles = await profilesOf(payload, keys, req)
        if (profiles.map((profile) => profile.id).join() !== found.map((profile) => profile.id).join()) throw new RaceLost(`the profiles of ${keys.join(', ')}`)
        let target =
          profiles[0] ?? (await createProfile(payload, keys, { ...(identity.customer ? { customerId: identity.customer } : {}), ...(identity.email ? { email: identity.email.trim().toLowerCase() } : {}) }, req))
        for (const other of profiles.slice(1)) target = await absorbProfile(payload, target, other, req)
        if (!knowsAll(target, identity, keys)) {
          const keysBefore = [...target.keys]
          target.keys = [...new Set([...target.keys, ...keys])]
          if (identity.customer) target.customerId ??= identity.customer
          if (identity.email) target.email ??= identity.email.trim().toLowerCase()
          await storeProfile(payload, target, req, keysBefore)
        }
        await adoptCustomerExposures(payload, target, req)
        return { profile: target, absorbed: profiles.slice(1) }
      })
      forget(payload, profile, ...absorbed)
      if (absorbed.length > 0) changesCommitted(payload)
      return profile
    })
  } catch (error) {
    // Another unit (here or in another process) created or merged one of these profiles meanwhile.
    if (isRaceLost(error) && attempt < 3) return ensureProfile(payload, identity, attempt + 1)
    throw error
  }
}
