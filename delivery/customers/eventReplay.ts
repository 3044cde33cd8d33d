/**
 * The repair for databases without transactions (SQLite here; MongoDB without
 * a replica set). A batch stores its events as not yet applied, stores their
 * profiles, then marks the events applied. A crash (or a failed write) in
 * between leaves events that are stored, and answered `duplicate` to a retry,
 * but perhaps not in their profile. Replaying them one by one could count some
 * twice (the profile may already hold them), so their profiles are rebuilt
 * from all their events instead: right however far the batch got, and right
 * again if the repair itself is interrupted.
 *
 * It runs at start (payload.config.ts) and before the next batch after a
 * failure. It holds each profile's lock, so in this process a batch still
 * under way is never taken for a broken one; several processes writing to one
 * such database are not safe (use PostgreSQL or a MongoDB replica set).
 */
import type { Payload } from 'payload'

import { processWide } from '../http'
import { repairProfile } from './profileRebuild'
import { ref } from './profiles'

type ReplayState = { needed: boolean; running?: Promise<number> }
const states = processWide('eventReplay', () => new WeakMap<Payload, ReplayState>())

function stateOf(payload: Payload): ReplayState {
  let state = states.get(payload)
  if (!state) states.set(payload, (state = { needed: true }))
  return state
}

/** Something may have stopped between storing events and applying them: repair before the next batch. */
export function replayNeeded(payload: Payload): void {
  stateOf(payload).needed = true
}

/**
 * Repairs if a failure (or the start of this process) may have left events
 * unapplied. A repair that fails is logged and tried again next time: it must
 * not stop new events from being recorded.
 */
export async function replayIfNeeded(payload: Payload): Promise<void> {
  if (!stateOf(payload).needed) return
  await replayUnappliedEvents(payload).catch((error: unknown) => payload.logger.error({ err: error, msg: 'Events: the repair of unapplied events failed; it is tried again before the next batch' }))
}

const PAGE = 100

/** Rebuilds every profile with events stored but not applied; returns how many were repaired. */
export async function replayUnappliedEvents(payload: Payload): Promise<number> {
  const state = stateOf(payload)
  state.running ??= (async () => {
    state.needed = false
    const seen = new Set<string>()
    let repaired = 0
    for (;;) {
      // Events of profiles repaired in this run that are unapplied again belong to a batch under way.
      const { docs } = await payload.find({
        collection: 'profile-events',
        where: { applied: { equals: false }, ...(seen.size > 0 ? { profile: { not_in: [...seen].map(ref) } } : {}) },
        limit: PAGE,
        depth: 0,
        overrideAccess: true,
        select: { profile: true },
      })
      const profiles = [...new Set(docs.map((doc) => String(typeof doc.profile === 'object' ? doc.profile.id : doc.profile)))]
      if (profiles.length === 0) break
      for (const id of profiles) {
        seen.add(id)
        if (await repairProfile(payload, id)) repaired += 1
      }
    }
    if (repaired > 0) payload.logger.warn({ msg: `Events: rebuilt ${repaired} profile(s) from events a failure had left unapplied` })
    return repaired
  })()
    .catch((error: unknown) => {
      state.needed = true
      throw error
    })
    .finally(() => {
      state.running = undefined
    })
  return state.running
}
