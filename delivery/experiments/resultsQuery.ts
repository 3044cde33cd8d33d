/**
 * Per-arm sufficient statistics summed by the database, in two passes that
 * each touch an index: units per arm (and dimension) from the exposures of
 * one experiment phase, then Σy and Σy² over the units that have matching
 * events in their window (a unit without any has y = 0 and adds nothing to
 * either sum). A million exposures cost one grouped scan of the experiment's
 * rows; events are read only where they match.
 *
 * SQLite (libsql) and PostgreSQL run the same plan in their own dialect.
 * MongoDB is not supported here (results answer 501 there).
 */
import type { Payload } from 'payload'

import type { ExperimentUnit } from '../../engine'
import type { MetricDefinition } from './metrics'

export const BREAKDOWNS = ['channel', 'segment', 'store', 'locale', 'channel-segment'] as const
export type Breakdown = (typeof BREAKDOWNS)[number]

/** Sums of one arm in one slice (`dimension` is '' for the whole experiment). */
export type SliceSums = { arm: string; dimension: string; units: number; sum: number; sumOfSquares: number }

type Dialect = 'sqlite' | 'postgres'
type Row = Record<string, unknown>

export class ResultsUnsupported extends Error {}

function dialectOf(payload: Payload): Dialect {
  const name = (payload.db as { name?: string }).name ?? ''
  if (name.includes('sqlite')) return 'sqlite'
  if (name.includes('postgres')) return 'postgres'
  throw new ResultsUnsupported(`Results are computed in SQL; the ${name || 'current'} database adapter is not supported.`)
}

/** Runs one parameterized query (`?` placeholders) on the adapter's own driver. */
async function query(payload: Payload, dialect: Dialect, text: string, params: unknown[]): Promise<Row[]> {
  if (dialect === 'sqlite') {
    const client = (payload.db as unknown as { client: { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Row[] }> } }).client
    return (await client.execute({ sql: text, args: params })).rows
  }
  let index = 0
  const pool = (payload.db as unknown as { pool: { query: (text: string, params: unknown[]) => Promise<{ rows: Row[] }> } }).pool
  return (await pool.query(text.replace(/\?/g, () => `$${++index}`), params)).rows
}

function dimensionSql(breakdown: Breakdown | undefined): string {
  switch (breakdown) {
    case undefined:
      return `''`
    case 'channel-segment':
      return `x.channel || ' × ' || COALESCE(x.segment, 'none')`
    default:
      return `COALESCE(x.${breakdown}, 'none')`
  }
}

/** The window's end after a first exposure, in the dialect. */
const windowEnd = (dialect: Dialect, days: number) =>
  dialect === 'sqlite' ? `strftime('%Y-%m-%dT%H:%M:%fZ', x.first_at, '+${days} days')` : `x.first_at + interval '${days} days'`

/** What one matching event contributes to its unit's y, before summing per unit. */
function perUnitValue(metric: MetricDefinition, dialect: Dialect): string {
  switch (metric.kind) {
    case 'binomial':
      return '1'
    case 'count':
      return 'COUNT(*)'
    case 'mean':
      return dialect === 'sqlite' ? `COALESCE(SUM(CAST(json_extract(ev.properties, '$.value') AS REAL)), 0)` : `COALESCE(SUM((ev.properties->>'value')::float8), 0)`
  }
}

function eventFilter(metric: MetricDefinition, dialect: Dialect, params: unknown[]): string {
  const clauses = ['ev.type = ?']
  params.push(metric.eventType)
  if (metric.eventName) {
    clauses.push('ev.name = ?')
    params.push(metric.eventName)
  }
  if (metric.unsubscribesFrom) {
    clauses.push(dialect === 'sqlite' ? `json_extract(ev.consents, '$."' || ? || '"') = 0` : `(ev.consents->>?) = 'false'`)
    params.push(metric.unsubscribesFrom)
  }
  return clauses.join(' AND ')
}

/** Units and sums per arm (and per value of a breakdown) for one metric of one experiment phase. */
export async function sliceSums(payload: Payload, experiment: { key: string; phase: number; unit: ExperimentUnit }, metric: MetricDefinition, breakdown?: Breakdown): Promise<SliceSums[]> {
  const { key, phase, unit } = experiment
  const dialect = dialectOf(payload)
  const dimension = dimensionSql(breakdown)
  const notMultiple = dialect === 'sqlite' ? 'COALESCE(x.multiple, 0) = 0' : 'COALESCE(x.multiple, false) = false'
  const unitRows = await query(
    payload,
    dialect,
    `SELECT x.arm AS arm, ${dimension} AS dimension, COUNT(*) AS units FROM experiment_exposures x WHERE x.experiment = ? AND x.phase = ? AND ${notMultiple} GROUP BY 1, 2`,
    [key, phase],
  )
  const params: unknown[] = []
  const filter = eventFilter(metric, dialect, params)
  // Persons' events are theirs by profile; a store's are the events that name it (properties.store).
  const storeOf = dialect === 'sqlite' ? `json_extract(ev.properties, '$.store')` : `(ev.properties->>'store')`
  const sumRows = await query(
    payload,
    dialect,
    `SELECT arm, dimension, SUM(y) AS total, SUM(y * y) AS squares FROM (
       SELECT x.id, x.arm AS arm, ${dimension} AS dimension, ${perUnitValue(metric, dialect)} AS y
       FROM experiment_exposures x JOIN profile_events ev
         ON ${unit === 'person' ? 'ev.profile_id = x.profile_id' : `${storeOf} = x.store`}
       WHERE x.experiment = ? AND x.phase = ? AND ${notMultiple} AND ${filter}
         AND ev.occurred_at >= x.first_at AND ev.occurred_at < ${windowEnd(dialect, metric.windowDays)}
       GROUP BY x.id
     ) per_unit GROUP BY 1, 2`,
    [key, phase, ...params],
  )
  const sums = new Map(sumRows.map((row) => [`${row.arm}|${row.dimension}`, row]))
  return unitRows.map((row) => {
    const summed = sums.get(`${row.arm}|${row.dimension}`)
    return { arm: String(row.arm), dimension: String(row.dimension), units: Number(row.units), sum: Number(summed?.total ?? 0), sumOfSquares: Number(summed?.squares ?? 0) }
  })
}

/** People served more than one arm of this phase: rows marked so, and profiles (merged ones included) holding rows in two arms. */
export async function multipleExposures(payload: Payload, experiment: string, phase: number): Promise<number> {
  const dialect = dialectOf(payload)
  const marked = dialect === 'sqlite' ? 'COALESCE(multiple, 0) = 1' : 'COALESCE(multiple, false) = true'
  const [row] = await query(
    payload,
    dialect,
    `SELECT (SELECT COUNT(*) FROM experiment_exposures WHERE experiment = ? AND phase = ? AND ${marked})
          + (SELECT COUNT(*) FROM (SELECT profile_id FROM experiment_exposures WHERE experiment = ? AND phase = ? AND profile_id IS NOT NULL GROUP BY profile_id HAVING COUNT(DISTINCT arm) > 1) two) AS n`,
    [experiment, phase, experiment, phase],
  )
  return Number(row?.n ?? 0)
}
