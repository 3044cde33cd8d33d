/**
 * Exposures are written off the request's critical path: a render adds its
 * exposures to this process's pending batch and returns; the batch is written
 * when it holds EXPOSURE_BATCH units or EXPOSURE_FLUSH_MS after its first
 * one, whichever comes first. One row per unit × experiment × phase (the
 * first exposure's time and channel; later ones add to its count); a retried
 * request finds its row and adds no other.
 *
 * Crash bound: while one batch is being written, the next fills; a render
 * that would take it past EXPOSURE_BATCH waits for the write in flight. So at
 * most EXPOSURE_MAX_LOSS = 2 × EXPOSURE_BATCH unit exposures are ever
 * unwritten, and a crash (kill -9) loses at most that many (first exposures
 * or counts); the test in test/integration/experiments.test.ts holds it.
 */
import type { Payload } from 'payload'

import type { Channel, ExperimentUnit } from '../../engine'
import { ensureProfile, keepExperimentArms } from '../customers'
import { processWide } from '../http'
import { upsertExposureRows } from './exposureRows'

export const EXPOSURE_BATCH = Number(process.env.TESSERA_EXPOSURE_BATCH ?? 200)
export const EXPOSURE_FLUSH_MS = Number(process.env.TESSERA_EXPOSURE_FLUSH_MS ?? 250)
export const EXPOSURE_MAX_LOSS = 2 * EXPOSURE_BATCH

/** One unit served one arm of one experiment phase. */
export type Exposure = {
  experiment: string
  phase: number
  arm: string
  unitKind: ExperimentUnit
  /** The id hashed: a customer or visitor id, or a store id. */
  unitId: string
  /** The person's profile, when the decision knew it. */
  profile?: string
  /** Whether the hashed id is a customer id (else a visitor id), for a profile made on first need. */
  byCustomer?: boolean
  channel: Channel
  locale: string
  segment: string
  store?: string
  at: string
}

type PendingExposure = Exposure & { count: number; lastAt: string }

type Recorder = {
  pending: Map<string, PendingExposure>
  inFlight: Map<string, PendingExposure>
  writing?: Promise<void>
  timer?: ReturnType<typeof setTimeout>
  written: number
  failures: number
}

const recorders = processWide('exposureRecorders', () => new WeakMap<Payload, Recorder>())
/** Per profile id, arms pending or in flight (a second render before the write keeps the first arm). */
const pendingByProfile = processWide('exposurePendingArms', () => new Map<string, Record<string, string>>())

function recorderOf(payload: Payload): Recorder {
  let recorder = recorders.get(payload)
  if (!recorder) {
    recorder = { pending: new Map(), inFlight: new Map(), written: 0, failures: 0 }
    recorders.set(payload, recorder)
  }
  return recorder
}

const pendingKey = (exposure: Exposure) => `${exposure.experiment}|${exposure.phase}|${exposure.profile ? `profile:${exposure.profile}` : `${exposure.unitKind}:${exposure.unitId}`}`

/** Arms this process served a profile that are not written yet: `key:phase` → arm. */
export function pendingArms(profileId: string): Readonly<Record<string, string>> | undefined {
  return pendingByProfile.get(profileId)
}

/** How many unit exposures are not written yet (pending and in flight): never above EXPOSURE_MAX_LOSS. */
export function unwrittenExposures(payload: Payload): number {
  const recorder = recorderOf(payload)
  return recorder.pending.size + recorder.inFlight.size
}

/**
 * Adds a render's exposures to the pending batch. Resolves at once unless the
 * pending batch is full while another is being written: then it waits for
 * that write, which is what bounds the loss on a crash.
 */
export async function recordExposures(payload: Payload, exposures: readonly Exposure[]): Promise<void> {
  if (exposures.length === 0) return
  const recorder = recorderOf(payload)
  for (const exposure of exposures) {
    while (recorder.pending.size >= EXPOSURE_BATCH && recorder.writing) await recorder.writing
    const key = pendingKey(exposure)
    const known = recorder.pending.get(key)
    if (known) {
      known.count += 1
      known.lastAt = exposure.at
      continue
    }
    recorder.pending.set(key, { ...exposure, count: 1, lastAt: exposure.at })
    if (exposure.profile && exposure.unitKind === 'person') {
      const arms = pendingByProfile.get(exposure.profile) ?? {}
      arms[`${exposure.experiment}:${exposure.phase}`] ??= exposure.arm
      pendingByProfile.set(exposure.profile, arms)
    }
    if (recorder.pending.size >= EXPOSURE_BATCH && !recorder.writing) startWrite(payload, recorder)
  }
  if (recorder.pending.size > 0 && !recorder.timer && !recorder.writing) {
    recorder.timer = setTimeout(() => startWrite(payload, recorder), EXPOSURE_FLUSH_MS)
    recorder.timer.unref?.()
  }
}

function startWrite(payload: Payload, recorder: Recorder): void {
  if (recorder.timer) clearTimeout(recorder.timer)
  recorder.timer = undefined
  if (recorder.writing || recorder.pending.size === 0) return
  recorder.inFlight = recorder.pending
  recorder.pending = new Map()
  recorder.writing = writeBatch(payload, [...recorder.inFlight.values()])
    .then((written) => {
      recorder.written += written
    })
    .catch((error: unknown) => {
      recorder.failures += 1
      payload.logger.error({ msg: `Exposures: a batch of ${recorder.inFlight.size} could not be written`, err: error })
    })
    .finally(() => {
      for (const exposure of recorder.inFlight.values()) if (exposure.profile) pendingByProfile.delete(exposure.profile)
      recorder.inFlight = new Map()
      recorder.writing = undefined
      if (recorder.pending.size >= EXPOSURE_BATCH) startWrite(payload, recorder)
      else if (recorder.pending.size > 0 && !recorder.timer) {
        recorder.timer = setTimeout(() => startWrite(payload, recorder), EXPOSURE_FLUSH_MS)
        recorder.timer.unref?.()
      }
    })
}

/** Writes everything pending now (tests, benchmarks, and a server that stops cleanly). */
export async function flushExposures(payload: Payload): Promise<void> {
  const recorder = recorderOf(payload)
  while (recorder.writing || recorder.pending.size > 0) {
    if (recorder.writing) await recorder.writing
    else startWrite(payload, recorder)
  }
}

/** Forgets what is pending without writing it: what a crash does (the loss-bound test). */
export function dropUnwrittenExposures(payload: Payload): number {
  const recorder = recorderOf(payload)
  const dropped = recorder.pending.size
  if (recorder.timer) clearTimeout(recorder.timer)
  recorder.timer = undefined
  recorder.pending = new Map()
  return dropped
}

type ExposureRow = { id: number | string; dedupeKey: string; arm: string; count?: number | null; multiple?: boolean | null }
export type ResolvedExposure = PendingExposure & { unit: string; dedupeKey: string; resolvedProfile?: string; multiple: boolean }

/**
 * The unit a row is about. A person hashed on a customer id is that customer
 * (`customer:<id>`, on every touchpoint, whether or not a profile exists yet:
 * the hash of that id keeps their arm). A person known only by a visitor id
 * is their profile (`profile:<id>`, made on first need with the consent they
 * gave), which keeps their first arm for when they identify. A store is itself.
 */
async function unitOf(payload: Payload, exposure: PendingExposure): Promise<{ unit: string; profile?: string }> {
  if (exposure.unitKind === 'store') return { unit: `store:${exposure.unitId}` }
  if (exposure.byCustomer) return { unit: `customer:${exposure.unitId}`, ...(exposure.profile ? { profile: exposure.profile } : {}) }
  const profile = exposure.profile ?? (await ensureProfile(payload, { visitor: exposure.unitId })).id
  return { unit: `profile:${profile}`, profile }
}

async function writeBatch(payload: Payload, batch: PendingExposure[]): Promise<number> {
  const rows = new Map<string, ResolvedExposure>()
  for (const exposure of batch) {
    const { unit, profile } = await unitOf(payload, exposure)
    const dedupeKey = `${exposure.experiment}|${exposure.phase}|${unit}`
    const known = rows.get(dedupeKey)
    if (known) {
      known.count += exposure.count
      if (exposure.lastAt > known.lastAt) known.lastAt = exposure.lastAt
      if (known.arm !== exposure.arm) known.multiple = true
    } else rows.set(dedupeKey, { ...exposure, unit, dedupeKey, multiple: false, ...(profile ? { resolvedProfile: profile } : {}) })
  }
  await addToStoredRows(payload, rows)

  // Each person's first arms go on their profile; a profile holding another arm for a phase is a multiple exposure.
  const armsByProfile = new Map<string, Record<string, string>>()
  for (const row of rows.values()) {
    if (!row.resolvedProfile) continue
    const arms = armsByProfile.get(row.resolvedProfile) ?? {}
    arms[`${row.experiment}:${row.phase}`] ??= row.arm
    armsByProfile.set(row.resolvedProfile, arms)
  }
  for (const [profile, arms] of armsByProfile) {
    const kept = await keepExperimentArms(payload, profile, arms)
    for (const row of rows.values()) if (row.resolvedProfile === profile && kept[`${row.experiment}:${row.phase}`] !== row.arm) row.multiple = true
  }

  if (!(await upsertExposureRows(payload, [...rows.values()]))) await writeRowsOneByOne(payload, rows)
  return rows.size
}

/**
 * One row per person and phase: a person whose profile already holds a row of
 * the phase under another unit (a visitor who has identified since, now hashed
 * on their customer id but kept on their first arm) adds to that row, so they
 * count as one unit, not one per id they were known by.
 */
async function addToStoredRows(payload: Payload, rows: Map<string, ResolvedExposure>): Promise<void> {
  const profiles = [...new Set([...rows.values()].flatMap((row) => (row.resolvedProfile ? [row.resolvedProfile] : [])))]
  if (profiles.length === 0) return
  const stored = new Map<string, { dedupeKey: string; unit: string }>()
  for (let start = 0; start < profiles.length; start += 250) {
    const { docs } = await payload.find({
      collection: 'experiment-exposures',
      where: { profile: { in: profiles.slice(start, start + 250).map((id) => (/^\d+$/.test(id) ? Number(id) : id)) } },
      select: { dedupeKey: true, experiment: true, phase: true, profile: true, unit: true, firstAt: true },
      sort: 'firstAt',
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs as unknown as { dedupeKey: string; experiment: string; phase: number; profile: string | number | { id: string | number }; unit: string }[]) {
      const profile = typeof doc.profile === 'object' ? doc.profile.id : doc.profile
      const key = `${String(profile)}|${doc.experiment}|${doc.phase}`
      if (!stored.has(key)) stored.set(key, { dedupeKey: doc.dedupeKey, unit: doc.unit })
    }
  }
  for (const [dedupeKey, row] of [...rows]) {
    const existing = row.resolvedProfile ? stored.get(`${row.resolvedProfile}|${row.experiment}|${row.phase}`) : undefined
    if (!existing || existing.dedupeKey === dedupeKey) continue
    rows.delete(dedupeKey)
    const known = rows.get(existing.dedupeKey)
    if (!known) {
      rows.set(existing.dedupeKey, { ...row, dedupeKey: existing.dedupeKey, unit: existing.unit })
      continue
    }
    known.count += row.count
    if (row.lastAt > known.lastAt) known.lastAt = row.lastAt
    if (known.arm !== row.arm || row.multiple) known.multiple = true
  }
}

/** Without SQL (MongoDB): find, then create or add to each row through Payload. */
async function writeRowsOneByOne(payload: Payload, rows: Map<string, ResolvedExposure>): Promise<void> {
  const keys = [...rows.keys()]
  const existing = new Map<string, ExposureRow>()
  for (let start = 0; start < keys.length; start += 250) {
    const { docs } = await payload.find({ collection: 'experiment-exposures', where: { dedupeKey: { in: keys.slice(start, start + 250) } }, depth: 0, pagination: false, overrideAccess: true })
    for (const doc of docs as unknown as ExposureRow[]) existing.set(doc.dedupeKey, doc)
  }
  for (const [dedupeKey, row] of rows) {
    const stored = existing.get(dedupeKey) ?? (await createRow(payload, row))
    if (stored === 'created') continue
    await payload.update({
      collection: 'experiment-exposures',
      id: stored.id,
      data: { count: (stored.count ?? 0) + row.count, lastAt: row.lastAt, ...(stored.arm !== row.arm || row.multiple ? { multiple: true } : {}) },
      overrideAccess: true,
    })
  }
}

/** Creates the row, or (another process created it meanwhile) answers the stored one to add to. */
async function createRow(payload: Payload, row: ResolvedExposure): Promise<ExposureRow | 'created'> {
  try {
    await payload.create({
      collection: 'experiment-exposures',
      data: {
        dedupeKey: row.dedupeKey,
        experiment: row.experiment,
        phase: row.phase,
        arm: row.arm,
        unitKind: row.unitKind,
        unit: row.unit,
        ...(row.resolvedProfile ? { profile: /^\d+$/.test(row.resolvedProfile) ? Number(row.resolvedProfile) : row.resolvedProfile } : {}),
        channel: row.channel,
        locale: row.locale,
        segment: row.segment,
        ...(row.store ? { store: row.store } : {}),
        firstAt: row.at,
        lastAt: row.lastAt,
        count: row.count,
        multiple: row.multiple,
      } as never,
      overrideAccess: true,
    })
    return 'created'
  } catch (error) {
    const { docs } = await payload.find({ collection: 'experiment-exposures', where: { dedupeKey: { equals: row.dedupeKey } }, limit: 1, depth: 0, overrideAccess: true })
    if (!docs[0]) throw error
    return docs[0] as unknown as ExposureRow
  }
}
