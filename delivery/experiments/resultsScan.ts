/**
 * The per-arm sums of resultsQuery.ts for a database without SQL (MongoDB),
 * read through Payload's API: the exposures of the phase page by page, the
 * metric's events, and the exposures of the units those events belong to.
 * The same rules as the SQL: a unit's y is built from its matching events in
 * [first exposure, first exposure + window); rows marked multiple are left
 * out; a person is reached through the profile on the row, else (a customer
 * recorded before they had a profile) through the customer id in its key.
 * It is correct on every adapter (the integration suite checks it equals the
 * SQL on SQLite and PostgreSQL); it reads every row, so at a million
 * exposures it takes seconds, not the SQL's fraction of one.
 */
import type { Payload, Where } from 'payload'

import { isSurveyMetric, surveyPoints, type MetricDefinition } from './metrics'
import { withSums, type Breakdown, type Phase, type SliceSums } from './slices'

const PAGE = 2000
const CHUNK = 250
const DAY_MS = 86_400_000

type ExposureDoc = { id: string | number; arm: string; channel?: string | null; segment?: string | null; store?: string | null; locale?: string | null; firstAt: string; profile?: unknown }
type EventDoc = { profile?: unknown; occurredAt: string; properties?: Record<string, unknown> | null; consents?: Record<string, unknown> | null }

const idOf = (value: unknown): string | number | undefined =>
  value === null || value === undefined ? undefined : typeof value === 'object' ? (value as { id?: string | number }).id : (value as string | number)

/** Every document matching `where`, page by page (a stable sort on id). */
async function* every<T>(payload: Payload, collection: 'experiment-exposures' | 'profile-events' | 'profiles', where: Where, select: Record<string, true>): AsyncGenerator<T> {
  for (let page = 1; ; page++) {
    const result = await payload.find({ collection, where, select, sort: 'id', limit: PAGE, page, depth: 0, overrideAccess: true })
    for (const doc of result.docs) yield doc as unknown as T
    if (!result.hasNextPage) return
  }
}

const phaseWhere = (experiment: Phase): Where[] => [{ experiment: { equals: experiment.key } }, { phase: { equals: experiment.phase } }, { multiple: { not_equals: true } }]

function dimensionOf(row: ExposureDoc, breakdown: Breakdown | undefined): string {
  if (!breakdown) return ''
  if (breakdown === 'channel-segment') return `${row.channel} × ${row.segment ?? 'none'}`
  return row[breakdown] ?? 'none'
}

const EXPOSURE_SELECT = { arm: true, channel: true, segment: true, store: true, locale: true, firstAt: true, profile: true } as const

export async function scanUnits(payload: Payload, experiment: Phase, breakdown?: Breakdown): Promise<SliceSums[]> {
  const counts = new Map<string, SliceSums>()
  for await (const row of every<ExposureDoc>(payload, 'experiment-exposures', { and: phaseWhere(experiment) }, EXPOSURE_SELECT)) {
    const dimension = dimensionOf(row, breakdown)
    const key = `${row.arm}|${dimension}`
    const slice = counts.get(key) ?? { arm: row.arm, dimension, units: 0, sum: 0, sumOfSquares: 0 }
    slice.units++
    counts.set(key, slice)
  }
  return [...counts.values()]
}

export async function scanMultipleExposures(payload: Payload, experiment: string, phase: number): Promise<number> {
  const { totalDocs } = await payload.count({ collection: 'experiment-exposures', where: { and: [{ experiment: { equals: experiment } }, { phase: { equals: phase } }, { multiple: { equals: true } }] }, overrideAccess: true })
  return totalDocs
}

/** The metric's events that count, by the unit they belong to (profile id, or store). */
async function matchingEvents(payload: Payload, metric: MetricDefinition, unitOf: (event: EventDoc) => string | undefined): Promise<Map<string, EventDoc[]>> {
  const where: Where[] = [{ type: { equals: metric.eventType } }, ...(metric.eventName ? [{ name: { equals: metric.eventName } }] : [])]
  const byUnit = new Map<string, EventDoc[]>()
  for await (const event of every<EventDoc>(payload, 'profile-events', { and: where }, { profile: true, occurredAt: true, properties: true, consents: true })) {
    if (metric.unsubscribesFrom && event.consents?.[metric.unsubscribesFrom] !== false) continue
    if (isSurveyMetric(metric.kind) && (event.properties?.outcome !== 'answered' || typeof event.properties?.score !== 'number')) continue
    const unit = unitOf(event)
    if (unit === undefined) continue
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), event])
  }
  return byUnit
}

/** A unit's y from its events in the window, or undefined when none is in it (it adds nothing). */
function valueOf(metric: MetricDefinition, row: ExposureDoc, events: readonly EventDoc[]): number | undefined {
  const from = Date.parse(row.firstAt)
  const until = from + metric.windowDays * DAY_MS
  const inWindow = events.filter((event) => {
    const at = Date.parse(event.occurredAt)
    return at >= from && at < until
  })
  if (inWindow.length === 0) return undefined
  switch (metric.kind) {
    case 'binomial':
      return 1
    case 'count':
      return inWindow.length
    case 'mean':
      return inWindow.reduce((sum, event) => sum + (Number(event.properties?.value) || 0), 0)
    default: {
      const kind = metric.kind
      return inWindow.reduce((sum, event) => sum + surveyPoints(kind, event.properties!.score as number), 0) / inWindow.length
    }
  }
}

/** Exposure rows of the phase matching `where` (one field `in` a list of values), chunk by chunk. */
async function rowsWhere(payload: Payload, experiment: Phase, field: string, values: readonly unknown[], extra: Where[] = []): Promise<ExposureDoc[]> {
  const rows: ExposureDoc[] = []
  for (let start = 0; start < values.length; start += CHUNK) {
    const where: Where = { and: [...phaseWhere(experiment), { [field]: { in: values.slice(start, start + CHUNK) } }, ...extra] }
    for await (const row of every<ExposureDoc>(payload, 'experiment-exposures', where, { ...EXPOSURE_SELECT, dedupeKey: true })) rows.push(row)
  }
  return rows
}

export async function scanSums(payload: Payload, experiment: Phase, metric: MetricDefinition, units: readonly SliceSums[], breakdown?: Breakdown): Promise<SliceSums[]> {
  const byStore = experiment.unit === 'store'
  const events = await matchingEvents(payload, metric, (event) => {
    if (!byStore) return idOf(event.profile)?.toString()
    const store = event.properties?.store
    return typeof store === 'string' ? store : undefined
  })
  const keys = [...events.keys()]
  const reached: { row: ExposureDoc; events: EventDoc[] }[] = []
  if (byStore) {
    for (const row of await rowsWhere(payload, experiment, 'store', keys)) reached.push({ row, events: events.get(String(row.store)) ?? [] })
  } else {
    const profileIds = keys.map((key) => (/^\d+$/.test(key) ? Number(key) : key))
    for (const row of await rowsWhere(payload, experiment, 'profile', profileIds)) reached.push({ row, events: events.get(String(idOf(row.profile))) ?? [] })
    const withoutProfile = await payload.count({ collection: 'experiment-exposures', where: { and: [...phaseWhere(experiment), { profile: { exists: false } }] }, overrideAccess: true })
    if (withoutProfile.totalDocs > 0 && profileIds.length > 0) {
      const eventsByKey = new Map<string, EventDoc[]>()
      for (let start = 0; start < profileIds.length; start += CHUNK) {
        const where: Where = { and: [{ id: { in: profileIds.slice(start, start + CHUNK) } }, { customerId: { exists: true } }] }
        for await (const profile of every<{ id: string | number; customerId?: string | null }>(payload, 'profiles', where, { customerId: true })) {
          if (profile.customerId) eventsByKey.set(`${experiment.key}|${experiment.phase}|customer:${profile.customerId}`, events.get(String(profile.id)) ?? [])
        }
      }
      for (const row of await rowsWhere(payload, experiment, 'dedupeKey', [...eventsByKey.keys()], [{ profile: { exists: false } }])) {
        reached.push({ row, events: eventsByKey.get((row as ExposureDoc & { dedupeKey: string }).dedupeKey) ?? [] })
      }
    }
  }
  const summed = new Map<string, SliceSums>()
  for (const { row, events: unitEvents } of reached) {
    const y = valueOf(metric, row, unitEvents)
    if (y === undefined) continue
    const dimension = dimensionOf(row, breakdown)
    const key = `${row.arm}|${dimension}`
    const slice = summed.get(key) ?? { arm: row.arm, dimension, units: 0, sum: 0, sumOfSquares: 0 }
    slice.units++
    slice.sum += y
    slice.sumOfSquares += y * y
    summed.set(key, slice)
  }
  return withSums(metric, units, [...summed.values()])
}
