/**
 * A batch of exposure rows in one statement per 200 rows: insert, or add to
 * the row a retry or another process already wrote (ON CONFLICT on the
 * unit × experiment × phase key, SQLite and PostgreSQL alike). The first
 * exposure's time and channel stay; counts add up; a second arm marks the
 * row as a multiple exposure.
 */
import type { Payload } from 'payload'

import { sqlDialect, sqlQuery } from './resultsQuery'

/** One row to write: a unit's exposures of one experiment phase in this batch. */
export type ExposureRowData = {
  dedupeKey: string
  experiment: string
  phase: number
  arm: string
  unitKind: string
  unit: string
  resolvedProfile?: string
  channel: string
  locale: string
  segment: string
  store?: string
  /** The first exposure's time; `lastAt` the latest's. */
  at: string
  lastAt: string
  count: number
  multiple: boolean
}

const CHUNK = 200
const COLUMNS = ['dedupe_key', 'experiment', 'phase', 'arm', 'unit_kind', 'unit', 'profile_id', 'channel', 'locale', 'segment', 'store', 'first_at', 'last_at', 'count', 'multiple'] as const

/** False when the database has no SQL (MongoDB): the caller writes through Payload. */
export async function upsertExposureRows(payload: Payload, rows: readonly ExposureRowData[]): Promise<boolean> {
  const dialect = sqlDialect(payload)
  if (!dialect) return false
  const multiple =
    dialect === 'sqlite'
      ? 'CASE WHEN experiment_exposures.multiple = 1 OR excluded.multiple = 1 OR experiment_exposures.arm <> excluded.arm THEN 1 ELSE 0 END'
      : 'experiment_exposures.multiple OR excluded.multiple OR experiment_exposures.arm <> excluded.arm'
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK)
    const params: unknown[] = []
    for (const row of chunk) {
      const profile = row.resolvedProfile && /^\d+$/.test(row.resolvedProfile) ? Number(row.resolvedProfile) : null
      const flag = dialect === 'sqlite' ? (row.multiple ? 1 : 0) : row.multiple
      params.push(row.dedupeKey, row.experiment, row.phase, row.arm, row.unitKind, row.unit, profile, row.channel, row.locale, row.segment, row.store ?? null, row.at, row.lastAt, row.count, flag)
    }
    const values = chunk.map(() => `(${COLUMNS.map(() => '?').join(', ')})`).join(', ')
    await sqlQuery(
      payload,
      dialect,
      `INSERT INTO experiment_exposures (${COLUMNS.join(', ')}) VALUES ${values}
       ON CONFLICT (dedupe_key) DO UPDATE SET count = experiment_exposures.count + excluded.count, last_at = excluded.last_at, multiple = ${multiple}`,
      params,
    )
  }
  return true
}
