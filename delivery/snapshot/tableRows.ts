/**
 * Rows straight from and to the tables of the SQL adapters (SQLite,
 * PostgreSQL), where the compile moves the most data: published blocks read
 * for a compile that reads many at once (the first compile of a database:
 * 10,000 blocks), and new page bundles written.
 *
 * Why: Payload's find spends almost all of a block's read in JavaScript —
 * drizzle's relational transform, then the afterRead field hooks of every
 * field in both locales — about 4 ms a block on this project's 2-core
 * machine, against a fraction of that for the SQL itself (CPU profile of a
 * 10,000-block first compile: 40 s, 2 s of it in SQLite). Here the six
 * tables of the `blocks` collection are read with one query each per chunk
 * of ids (on SQLite each child table's rows come back as one JSON array
 * built by SQLite: fetching rows one by one through the driver cost more
 * than everything else) and put back together by column name, the way
 * Payload's SQL adapters name them: `content_cta_url` is `content.cta.url`,
 * a `_locales` table holds the localized fields (one row per locale),
 * `_variants` the variants array, `_variants_channels` a variant's
 * channels, and `_rels` the relationships by path (`variants.2.audience`,
 * `ask.questions`).
 *
 * Elsewhere (MongoDB, whose documents come back whole) these answer
 * undefined or false and the caller uses Payload's API. An integration test
 * (delivery.test.ts) compiles every published block of the demo, plus one
 * with every kind of stored value and a newer draft, both ways on SQLite
 * and PostgreSQL and requires the same compiled blocks, so a field added to
 * blocks that this reader would miss fails a test rather than a compile.
 */
import { asc, getTableColumns, getTableName, inArray, sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import type { BlockDoc } from './documents'

type Row = Record<string, unknown>
type Table = Record<string, unknown>
type Column = { name: string; columnType?: string; mapFromDriverValue: (value: unknown) => unknown }
type Query = { where: (condition: unknown) => { orderBy: (...columns: unknown[]) => Promise<Row[]> } }
type SqlAdapter = {
  name?: string
  drizzle: {
    select: () => { from: (table: Table) => Query }
    values?: (query: unknown) => Promise<unknown[][]>
    insert: (table: Table) => { values: (rows: Row[]) => Promise<unknown> }
  }
  tables: Record<string, Table>
  defaultIDType?: string
}

const TABLES = ['blocks', 'blocks_locales', 'blocks_variants', 'blocks_variants_locales', 'blocks_variants_channels', 'blocks_rels'] as const
/** Columns that are bookkeeping, not fields. */
const ROW_KEYS = new Set(['_order', '_parentID', '_locale', 'parent', 'order', 'path'])

function sqlAdapter(payload: Payload): SqlAdapter | undefined {
  const db = payload.db as unknown as Partial<SqlAdapter>
  if (!db.drizzle || !db.tables || TABLES.some((name) => !db.tables![name])) return undefined
  return db as SqlAdapter
}

/** `content_offer_validUntil` → ['content', 'offer', 'validUntil']; system columns (`_status`) stay whole. */
const fieldPath = (key: string): string[] => (key.startsWith('_') ? [key] : key.split('_'))

/** A table's columns: drizzle's key, the SQL name, the path of the field it holds, and how a stored value becomes the field's. */
type Described = { key: string; name: string; path: string[]; field: boolean; date: boolean; column: Column }
const described = new WeakMap<Table, Described[]>()
function columnsOf(table: Table): Described[] {
  let columns = described.get(table)
  if (!columns) {
    columns = Object.entries(getTableColumns(table as never) as Record<string, Column>).map(([key, column]) => ({
      key,
      name: column.name,
      path: fieldPath(key),
      field: !ROW_KEYS.has(key),
      date: /Timestamp/.test(column.columnType ?? ''),
      column,
    }))
    described.set(table, columns)
  }
  return columns
}

function put(target: Row, path: readonly string[], value: unknown): void {
  let node = target
  for (let index = 0; index < path.length - 1; index++) {
    const part = path[index]!
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
  const dates = columnsOf(table).filter((column) => column.date)
  if (dates.length === 0) return rows
  for (const row of rows) for (const { key } of dates) if (typeof row[key] === 'string') row[key] = new Date(row[key]).toISOString()
  return rows
}

/** A row's fields as a nested object (ids and values as the adapter's columns map them). */
function fieldsOf(table: Table, row: Row): Row {
  const into: Row = {}
  for (const column of columnsOf(table)) if (column.field) put(into, column.path, row[column.key])
  return into
}

/** A locale row's fields under each field's path, keyed by its locale: `content.headline.fr`. */
function putLocalized(table: Table, target: Row, row: Row): void {
  const locale = String(row._locale)
  for (const column of columnsOf(table)) if (column.field && column.key !== 'id') put(target, [...column.path, locale], row[column.key])
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

type Tables = { main: Row[]; locales: Row[]; variants: Row[]; rels: Row[]; variantLocales: Row[]; channels: Row[] }

/** Every table through drizzle's query builder, one query at a time (PostgreSQL's adapter may hand a compile one client). */
async function selectTables(db: SqlAdapter, keys: unknown[]): Promise<Tables> {
  const t = db.tables
  const select = async (table: Table, column: string, values: unknown[], ...order: string[]) =>
    withIsoDates(table, await db.drizzle.select().from(table).where(inArray(table[column] as never, values as never)).orderBy(...order.map((name) => asc(table[name] as never))))
  const main = await select(t.blocks!, 'id', keys, 'id')
  const locales = await select(t.blocks_locales!, '_parentID', keys, '_parentID', '_locale')
  const variants = await select(t.blocks_variants!, '_parentID', keys, '_parentID', '_order')
  const rels = await select(t.blocks_rels!, 'parent', keys, 'parent', 'order')
  const variantIds = variants.map((variant) => variant.id)
  const variantLocales = variantIds.length === 0 ? [] : await select(t.blocks_variants_locales!, '_parentID', variantIds, '_parentID', '_locale')
  const channels = variantIds.length === 0 ? [] : await select(t.blocks_variants_channels!, 'parent', variantIds, 'parent', 'order')
  return { main, locales, variants, rels, variantLocales, channels }
}

/**
 * SQLite: each child table's rows of the chunk as one JSON array
 * (json_group_array, built inside SQLite), decoded here and mapped by
 * drizzle's own columns, then ordered as the query builder would order them.
 */
async function aggregatedTables(db: SqlAdapter, keys: unknown[]): Promise<Tables> {
  const t = db.tables
  const values = db.drizzle.values!.bind(db.drizzle)
  const ids = sql.join(keys.map((key) => sql`${key}`), sql`, `)
  const name = (table: Table) => sql.identifier(getTableName(table as never))
  const read = async (table: Table, from: ReturnType<typeof sql>, ...order: string[]): Promise<Row[]> => {
    const columns = columnsOf(table)
    const cells = sql.join(columns.map((column) => sql`c.${sql.identifier(column.name)}`), sql`, `)
    const rows: Row[] = []
    // libsql's rows are indexed, not iterable.
    for (const result of await values(sql`select json_group_array(json_array(${cells})) from ${from}`)) {
      for (const cellsOfRow of JSON.parse(String(result[0] ?? '[]')) as unknown[][]) {
        const row: Row = {}
        for (let index = 0; index < columns.length; index++) {
          const value = cellsOfRow[index]
          row[columns[index]!.key] = value === null || value === undefined ? null : columns[index]!.column.mapFromDriverValue(value)
        }
        rows.push(row)
      }
    }
    return rows.sort((a, b) => {
      for (const key of order) {
        const left = a[key] as string | number
        const right = b[key] as string | number
        if (left !== right) return left < right ? -1 : 1
      }
      return 0
    })
  }
  const variantsTable = t.blocks_variants!
  const main = await db.drizzle.select().from(t.blocks!).where(inArray(t.blocks!.id as never, keys as never)).orderBy(asc(t.blocks!.id as never))
  const child = (table: Table, parent: string) => sql`${name(table)} c where c.${sql.identifier(parent)} in (${ids})`
  const grandchild = (table: Table, parent: string) => sql`${name(table)} c join ${name(variantsTable)} v on v.id = c.${sql.identifier(parent)} where v._parent_id in (${ids})`
  const locales = await read(t.blocks_locales!, child(t.blocks_locales!, '_parent_id'), '_parentID', '_locale')
  const variants = await read(variantsTable, child(variantsTable, '_parent_id'), '_parentID', '_order')
  const rels = await read(t.blocks_rels!, child(t.blocks_rels!, 'parent_id'), 'parent', 'order')
  const variantLocales = await read(t.blocks_variants_locales!, grandchild(t.blocks_variants_locales!, '_parent_id'), '_parentID', '_locale')
  const channels = await read(t.blocks_variants_channels!, grandchild(t.blocks_variants_channels!, 'parent_id'), 'parent', 'order')
  return { main, locales, variants, rels, variantLocales, channels }
}

/**
 * When each published block of these ids last changed (epoch ms), straight
 * from the `blocks` table; undefined when the database is not one of the SQL
 * adapters.
 */
export async function readBlockStamps(payload: Payload, ids: readonly string[]): Promise<Map<string, number> | undefined> {
  const db = sqlAdapter(payload)
  if (!db) return undefined
  const stamps = new Map<string, number>()
  if (ids.length === 0) return stamps
  const blocks = db.tables.blocks!
  const keys = db.defaultIDType === 'number' ? ids.map(Number) : [...ids]
  const rows = await (db.drizzle as unknown as { select: (fields: Record<string, unknown>) => { from: (table: Table) => Query } })
    .select({ id: blocks.id, updatedAt: blocks.updatedAt, status: blocks._status })
    .from(blocks)
    .where(inArray(blocks.id as never, keys as never))
    .orderBy(asc(blocks.id as never))
  for (const row of rows) if (row.status === 'published') stamps.set(String(row.id), Date.parse(String(row.updatedAt)))
  return stamps
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
  const { main, locales, variants, rels, variantLocales, channels } = db.name === 'sqlite' && db.drizzle.values ? await aggregatedTables(db, keys) : await selectTables(db, keys)

  const localesOf = groupBy(locales, '_parentID')
  const variantsOf = groupBy(variants, '_parentID')
  const relsOf = groupBy(rels, 'parent')
  const variantLocalesOf = groupBy(variantLocales, '_parentID')
  const channelsOf = groupBy(channels, 'parent')

  return main
    .filter((row) => row._status === 'published')
    .map((row) => {
      const doc = fieldsOf(t.blocks!, row)
      for (const locale of localesOf.get(row.id) ?? []) putLocalized(t.blocks_locales!, doc, locale)
      doc.variants = (variantsOf.get(row.id) ?? []).map((variantRow) => {
        const variant = fieldsOf(t.blocks_variants!, variantRow)
        for (const locale of variantLocalesOf.get(variantRow.id) ?? []) putLocalized(t.blocks_variants_locales!, variant, locale)
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

/**
 * New page bundles written straight into their table, 50 rows a statement,
 * each bundle's JSON as the compile already serialized it (the adapter's
 * create would serialize it again, through the Local API's field hooks):
 * true when done, false when the database is not one of the SQL adapters.
 */
export async function insertBundleRows(payload: Payload, rows: readonly { hash: string; page: string; json: string }[]): Promise<boolean> {
  const db = payload.db as unknown as Partial<SqlAdapter>
  const table = db.tables?.delivery_bundles
  if (!db.drizzle || !table) return false
  const now = new Date().toISOString()
  for (let start = 0; start < rows.length; start += 50) {
    // The JSON goes in as a bound parameter: an SQL value, so the column does not encode it a second time.
    await db.drizzle.insert(table).values(rows.slice(start, start + 50).map((row) => ({ hash: row.hash, page: row.page, bundle: sql`${row.json}`, createdAt: now, updatedAt: now })))
  }
  return true
}
