/**
 * Per-arm sufficient statistics summed by the database, in two passes that
 * each touch an index: units per arm (and dimension) from the exposures of
 * one experiment phase, then Σy and Σy² over the units that have matching
 * events in their window (a unit without any has y = 0 and adds nothing to
 * either sum). A million exposures cost one grouped scan of the experiment's
 * rows; events are read only where they match.
 *
 * SQLite (libsql) and PostgreSQL run the same plan in their own dialect.
 * Other adapters (MongoDB) get the same sums from resultsScan.ts, which reads
 * the rows through Payload's API (correct everywhere, slower at scale).
 */
import type { Payload } from 'payload'

import { isSurveyMetric, type MetricDefinition } from './metrics'
import { scanMultipleExposures, scanSums, scanUnits } from './resultsScan'
import { withSums, type Breakdown, type Phase, type SliceSums } from './slices'

export { BREAKDOWNS, type Breakdown, type SliceSums } from './slices'

export type Dialect = 'sqlite' | 'postgres'
type Row = Record<string, unknown>


/** The SQL dialect of the database, or undefined (MongoDB). */
export function sqlDialect(payload: Payload): Dialect | undefined {
  const name = (payload.db as { name?: string }).name ?? ''
  if (name.includes('sqlite')) return 'sqlite'
  if (name.includes('postgres')) return 'postgres'
  return undefined
}


/** Runs one parameterized query (`?` placeholders) on the adapter's own driver. */
export async function sqlQuery(payload: Payload, dialect: Dialect, text: string, params: unknown[]): Promise<Row[]> {
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
  // Survey kinds: the mean of the respondent's answers in points (metrics.ts surveyPoints).
  const score = dialect === 'sqlite' ? `CAST(json_extract(ev.properties, '$.score') AS REAL)` : `(ev.properties->>'score')::float8`
  switch (metric.kind) {
    case 'nps':
      return `AVG(CASE WHEN ${score} >= 9 THEN 100.0 WHEN ${score} >= 7 THEN 0.0 ELSE -100.0 END)`
    case 'csat':
      return `AVG(CASE WHEN ${score} >= 4 THEN 100.0 ELSE 0.0 END)`
    case 'ces':
      return `AVG(${score})`
  }
}

function eventFilter(metric: MetricDefinition, dialect: Dialect, params: unknown[]): string {
  const clauses = ['ev.type = ?']
  params.push(metric.eventType)
  if (metric.eventName) {
    clauses.push('ev.name = ?')
    params.push(metric.eventName)
  }
  if (isSurveyMetric(metric.kind)) clauses.push(dialect === 'sqlite' ? `json_extract(ev.properties, '$.outcome') = 'answered'` : `(ev.properties->>'outcome') = 'answered'`)
  if (metric.unsubscribesFrom) {
    clauses.push(dialect === 'sqlite' ? `json_extract(ev.consents, '$."' || ? || '"') = 0` : `(ev.consents->>?) = 'false'`)
    params.push(metric.unsubscribesFrom)
  }
  return clauses.join(' AND ')
}


// `multiple` is never null (the recorder writes it, Payload defaults it), so the comparison can seek the (experiment, phase, multiple, arm) index.
const notMultiple = (dialect: Dialect) => (dialect === 'sqlite' ? 'x.multiple = 0' : 'x.multiple = false')

/** Units per arm (and per value of a breakdown) of one experiment phase: the same for every metric. */
export async function sliceUnits(payload: Payload, experiment: Phase, breakdown?: Breakdown): Promise<SliceSums[]> {
  const dialect = sqlDialect(payload)
  if (!dialect) return scanUnits(payload, experiment, breakdown)
  const rows = await sqlQuery(
    payload,
    dialect,
    // Without a breakdown, grouping by the arm alone walks the index in order (no temporary b-tree: 5× faster at 1,000,000 rows).
    breakdown
      ? `SELECT x.arm AS arm, ${dimensionSql(breakdown)} AS dimension, COUNT(*) AS units FROM experiment_exposures x WHERE x.experiment = ? AND x.phase = ? AND ${notMultiple(dialect)} GROUP BY 1, 2`
      : `SELECT x.arm AS arm, COUNT(*) AS units FROM experiment_exposures x WHERE x.experiment = ? AND x.phase = ? AND ${notMultiple(dialect)} GROUP BY x.arm`,
    [experiment.key, experiment.phase],
  )
  return rows.map((row) => ({ arm: String(row.arm), dimension: String(row.dimension ?? ''), units: Number(row.units), sum: 0, sumOfSquares: 0 }))
}

/**
 * Σy and Σy² per arm for one metric, added to `units` (from sliceUnits with
 * the same breakdown). Driven from the matching events (few) into the
 * exposures by profile (indexed); SQLite is told the order (CROSS JOIN),
 * PostgreSQL's planner finds it.
 */
export async function sliceSums(payload: Payload, experiment: Phase, metric: MetricDefinition, units: readonly SliceSums[], breakdown?: Breakdown): Promise<SliceSums[]> {
  const dialect = sqlDialect(payload)
  if (!dialect) return scanSums(payload, experiment, metric, units, breakdown)
  const params: unknown[] = []
  const filter = eventFilter(metric, dialect, params)
  const storeOf = dialect === 'sqlite' ? `json_extract(ev.properties, '$.store')` : `(ev.properties->>'store')`
  const dimension = dimensionSql(breakdown)
  const window = `ev.occurred_at >= x.first_at AND ev.occurred_at < ${windowEnd(dialect, metric.windowDays)}`
  const perUnit = (from: string) =>
    `SELECT x.id, x.arm AS arm, ${dimension} AS dimension, ${perUnitValue(metric, dialect)} AS y FROM ${from}
     WHERE ${filter} AND ${unindexed('x.experiment')} = ? AND ${unindexed('x.phase')} = ? AND ${notMultiple(dialect)} AND ${window} GROUP BY x.id`
  const join = dialect === 'sqlite' ? 'CROSS JOIN' : 'JOIN'
  // SQLite otherwise reaches each event's exposure through the (experiment, phase) index, scanning
  // every exposure of the phase once per event (events × exposures: 14 s at 10,000 exposures);
  // a unary + keeps those columns out of index choice, so the join takes the profile (or key) index.
  const unindexed = (column: string) => (dialect === 'sqlite' ? `+${column}` : column)
  // Persons: by the profile the exposure names, else (a customer first reached before they had a profile) by the customer id in the row's key.
  const byProfile = perUnit(`profile_events ev ${join} experiment_exposures x ON x.profile_id = ev.profile_id`)
  const byCustomer = perUnit(`profile_events ev ${join} profiles p ON p.id = ev.profile_id ${join} experiment_exposures x ON x.dedupe_key = CAST(? AS text) || p.customer_id AND x.profile_id IS NULL`)
  const phaseParams = [...params, experiment.key, experiment.phase]
  // The second way in is needed only when the phase holds rows without a profile (one index seek tells).
  const customerRows = experiment.unit === 'person' && (await rowsWithoutProfile(payload, dialect, experiment))
  const [inner, innerParams] =
    experiment.unit === 'store'
      ? [perUnit(`profile_events ev ${join} experiment_exposures x ON x.store = ${storeOf}`), phaseParams]
      : customerRows
        ? [`${byProfile} UNION ALL ${byCustomer}`, [...phaseParams, `${experiment.key}|${experiment.phase}|customer:`, ...phaseParams]]
        : [byProfile, phaseParams]
  const rows = await sqlQuery(payload, dialect, `SELECT arm, dimension, COUNT(*) AS respondents, SUM(y) AS total, SUM(y * y) AS squares FROM (${inner}) per_unit GROUP BY 1, 2`, innerParams)
  return withSums(
    metric,
    units,
    rows.map((row) => ({ arm: String(row.arm), dimension: String(row.dimension), units: Number(row.respondents), sum: Number(row.total ?? 0), sumOfSquares: Number(row.squares ?? 0) })),
  )
}


async function rowsWithoutProfile(payload: Payload, dialect: Dialect, experiment: Phase): Promise<boolean> {
  const [row] = await sqlQuery(payload, dialect, `SELECT 1 AS found FROM experiment_exposures WHERE profile_id IS NULL AND experiment = ? AND phase = ? LIMIT 1`, [experiment.key, experiment.phase])
  return row !== undefined
}

/**
 * People served more than one arm of this phase: the rows marked so. The
 * recorder keeps one row per person and phase and marks it when a second arm
 * reaches it (a later id of the same profile, the arm kept on the profile, a
 * merge folding two profiles' rows: exposureRecorder.ts, profileMerge.ts),
 * so counting the marks is one index seek, not a grouping of every row.
 */
export async function multipleExposures(payload: Payload, experiment: string, phase: number): Promise<number> {
  const dialect = sqlDialect(payload)
  if (!dialect) return scanMultipleExposures(payload, experiment, phase)
  const [row] = await sqlQuery(payload, dialect, `SELECT COUNT(*) AS n FROM experiment_exposures x WHERE x.experiment = ? AND x.phase = ? AND x.multiple = ${dialect === 'sqlite' ? '1' : 'true'}`, [experiment, phase])
  return Number(row?.n ?? 0)
}
