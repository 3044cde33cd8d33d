/**
 * Published blocks read straight from their tables, for compiles that read
 * many blocks at once (the first compile of a database: 10,000 blocks).
 *
 * Why: Payload's find spends almost all of a block's read in JavaScript —
 * drizzle's relational transform, then the afterRead field hooks of every
 * field in both locales — about 4 ms a block on this project's 2-core
 * machine, against a fraction of that for the SQL itself (CPU profile of a
 * 10,000-block first compile: 40 s, 2 s of it in SQLite). Here the six
 * tables of the `blocks` collection are read with one query each (per chunk
 * of ids) and put back together by column name, the way Payload's SQL
 * adapters name them: `content_cta_url` is `content.cta.url`, a `_locales`
 * table holds the localized fields (one row per locale), `_variants` the
 * variants array, `_variants_channels` a variant's channels, and `_rels`
 * the relationships by path (`variants.2.audience`, `ask.questions`).
 *
 * Only on the SQL adapters (SQLite, PostgreSQL): elsewhere (MongoDB, whose
 * documents come back whole) it answers undefined and the caller uses
 * Payload's find. A unit of the integration suite compiles every block of
 * the demo and of the benchmark's workload both ways and requires the same
 * compiled blocks, so a field added to blocks that this reader would miss
 * fails a test rather than a compile.
 */
import { asc, getTableColumns, inArray } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import type { BlockDoc } from './documents'

type Row = Record<string, unknown>
type Table = Record<string, unknown>
type SqlAdapter = { drizzle: { select: () => { from: (table: Table) => { where: (condition: unknown) => { orderBy: (...columns: unknown[]) => Promise<Row[]> } } } }; tables: Record<string, Table>; defaultIDType?: string }

const TABLES = ['blocks', 'blocks_locales', 'blocks_variants', 'blocks_variants_locales', 'blocks_variants_channels', 'blocks_rels'] as const
/** Columns that are bookkeeping, not fields. */
const ROW_KEYS = new Set(['_order', '_parentID', '_locale', 'parent', 'order', 'path'])

function sqlAdapter(payload: Payload): SqlAdapter | undefined {
  const db = payload.db as unknown as Partial<SqlAdapter>
  if (!db.drizzle || !db.tables || TABLES.some((name) => !db.tables![name])) return undefined
  return db as SqlAdapter
}

/** Whether this database can be read by readBlockRows. */
export function canReadBlockRows(payload: Payload): boolean {
  return sqlAdapter(payload) !== undefined
}

/** `content_offer_validUntil` → ['content', 'offer', 'validUntil']; system columns (`_status`) stay whole. */
const fieldPath = (key: string): string[] => (key.startsWith('_') ? [key] : key.split('_'))

function put(target: Row, path: readonly string[], value: unknown): void {
  let node = target
  for (const part of path.slice(0, -1)) {
    const next = node[part]
    if (next === null || typeof next !== 'object') node[part] = {}
    node = node[part] as Row
  }
  node[path[path.length - 1]!] = value
}

/**
 * Dates as Payload's find gives them (ISO 8601, UTC): SQLite stores that very
 * text; PostgreSQL's timestamp columns come back as `2026-12-04 18:58:00.123+00`.
 */
function withIsoDates(table: Table, rows: Row[]): Row[] {
  const dates = Object.entries(getTableColumns(table as never)).filter(([, column]) => /Timestamp/.test((column as { columnType?: string }).columnType ?? '')).map(([key]) => key)
  if (dates.length === 0) return rows
  for (const row of rows) for (const key of dates) if (typeof row[key] === 'string') row[key] = new Date(row[key]).toISOString()
  return rows
}

/** A row's fields as a nested object (ids and values as the adapter's columns map them). */
function fieldsOf(row: Row, into: Row = {}): Row {
  for (const [key, value] of Object.entries(row)) if (!ROW_KEYS.has(key)) put(into, fieldPath(key), value)
  return into
}

/** A locale row's fields under each field's path, keyed by its locale: `content.headline.fr`. */
function putLocalized(target: Row, row: Row): void {
  const locale = String(row._locale)
  for (const [key, value] of Object.entries(row)) if (!ROW_KEYS.has(key) && key !== 'id') put(target, [...fieldPath(key), locale], value)
}

function groupBy(rows: Row[], key: string): Map<unknown, Row[]> {
  const groups = new Map<unknown, Row[]>()
  for (const row of rows) {
    const group = groups.get(row[key])
    if (group) group.push(row)
    else groups.set(row[key], [row])
  }
  return groups
}

/** The related id of a `_rels` row: its one non-empty `<collection>ID` column. */
function relatedId(row: Row): unknown {
  for (const [key, value] of Object.entries(row)) if (key.endsWith('ID') && key !== '_parentID' && value !== null && value !== undefined) return value
  return undefined
}

/**
 * The published blocks with these ids, as Payload's find with `locale: 'all'`
 * and `depth: 0` returns them (for compileBlock), or undefined when the
 * database is not one of the SQL adapters.
 */
export async function readBlockRows(payload: Payload, ids: readonly string[]): Promise<BlockDoc[] | undefined> {
  const db = sqlAdapter(payload)
  if (!db) return undefined
  if (ids.length === 0) return []
  const t = db.tables
  const keys = db.defaultIDType === 'number' ? ids.map(Number) : [...ids]
  // One query at a time: PostgreSQL's adapter may hand every query of a compile the same client.
  const select = async (table: Table, column: string, values: unknown[], ...order: string[]) =>
    withIsoDates(table, await db.drizzle.select().from(table).where(inArray(table[column] as never, values as never)).orderBy(...order.map((name) => asc(table[name] as never))))

  const mains = await select(t.blocks!, 'id', keys, 'id')
  const locales = await select(t.blocks_locales!, '_parentID', keys, '_parentID', '_locale')
  const variants = await select(t.blocks_variants!, '_parentID', keys, '_parentID', '_order')
  const rels = await select(t.blocks_rels!, 'parent', keys, 'parent', 'order')
  const variantIds = variants.map((variant) => variant.id)
  const variantLocales = variantIds.length === 0 ? [] : await select(t.blocks_variants_locales!, '_parentID', variantIds, '_parentID', '_locale')
  const channels = variantIds.length === 0 ? [] : await select(t.blocks_variants_channels!, 'parent', variantIds, 'parent', 'order')

  const localesOf = groupBy(locales, '_parentID')
  const variantsOf = groupBy(variants, '_parentID')
  const relsOf = groupBy(rels, 'parent')
  const variantLocalesOf = groupBy(variantLocales, '_parentID')
  const channelsOf = groupBy(channels, 'parent')

  return mains
    .filter((row) => row._status === 'published')
    .map((row) => {
      const doc = fieldsOf(row)
      for (const locale of localesOf.get(row.id) ?? []) putLocalized(doc, locale)
      doc.variants = (variantsOf.get(row.id) ?? []).map((variantRow) => {
        const variant = fieldsOf(variantRow)
        for (const locale of variantLocalesOf.get(variantRow.id) ?? []) putLocalized(variant, locale)
        variant.channels = (channelsOf.get(variantRow.id) ?? []).map((channel) => channel.value)
        variant.audience = []
        return variant
      })
      const variantList = doc.variants as Row[]
      for (const rel of relsOf.get(row.id) ?? []) {
        const path = String(rel.path).split('.')
        // `variants.<index>.<field>`: the variant at that position; anything else is a path from the block.
        const owner = path[0] === 'variants' && path.length === 3 ? variantList[Number(path[1])] : doc
        const field = path[0] === 'variants' && path.length === 3 ? [path[2]!] : path
        if (!owner) continue
        let list = field.reduce<unknown>((node, part) => (node as Row | undefined)?.[part], owner)
        if (!Array.isArray(list)) {
          list = []
          put(owner, field, list)
        }
        ;(list as unknown[]).push(relatedId(rel))
      }
      return doc as unknown as BlockDoc
    })
}
