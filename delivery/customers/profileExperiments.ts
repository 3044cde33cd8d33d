/**
 * The experiment arms a person was first served, kept on their profile
 * (`key:phase` → arm) so that they keep them on every touchpoint and after
 * they identify (a merge keeps the first arm: profileMerge.ts).
 */
import type { Payload } from 'payload'

import { forget, lockOf, readById, storeProfile, withProfileLocks } from './profiles'
import { inUnitOfWork } from './unitOfWork'

/**
 * Keeps `arms` on the profile where it has none yet for that phase; answers
 * the arm each phase holds afterwards (another arm there means the person was
 * served two arms: a multiple exposure).
 */
export async function keepExperimentArms(payload: Payload, profileId: string, arms: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  return withProfileLocks([lockOf.profile(profileId)], async () => {
    const { kept, profile } = await inUnitOfWork(payload, async ({ req }) => {
      const profile = await readById(payload, profileId, req)
      if (!profile) return { kept: { ...arms }, profile }
      const current = profile.experiments ?? {}
      const missing = Object.entries(arms).filter(([phase]) => current[phase] === undefined)
      if (missing.length > 0) {
        profile.experiments = { ...current, ...Object.fromEntries(missing) }
        await storeProfile(payload, profile, req)
      }
      return { kept: { ...profile.experiments }, profile }
    })
    forget(payload, profile)
    return kept
  })
}
