/**
 * Publish cost: compiling a snapshot from the database for 1,000 and 10,000
 * blocks (cold: every block read and compiled; warm: one block changed, the
 * incremental path), with the time spent reading separated from compiling.
 *
 *   npx tsx bench/compile.ts [--blocks 1000,10000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'

import { compileSnapshot } from '../delivery/compileSnapshot'
import { createTesseraConfig } from '../payload.config'
import { random, syntheticBlock, syntheticSegments } from './syntheticContent'

process.env.TESSERA_COMPILE_ON_PUBLISH = 'off'

const SLOTS_PER_PAGE = 50
const VARIANTS_PER_BLOCK = 10

let rowCounter = 0
/** Array rows need ids when written below the Local API (Payload normally adds them). */
function withRowIds<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((item) =>
      item && typeof item === 'object' && !Array.isArray(item)
        ? { id: (++rowCounter).toString(16).padStart(24, '0'), ...withRowIds(item) }
        : withRowIds(item),
    ) as T
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withRowIds(item)])) as T
  }
  return value
}

async function fill(payload: Payload, blocks: number): Promise<string> {
  const segments = syntheticSegments(40)
  const segmentIds: string[] = []
  for (const segment of segments) {
    const { id: _ignored, ...data } = segment
    const created = await payload.db.create({ collection: 'segments', data: withRowIds(data) as never, req: {} as never })
    segmentIds.push(String(created.id))
  }
  const next = random(7)
  const ids: (number | string)[] = []
  for (let index = 0; index < blocks; index++) {
    const { id: _ignored, content, variants, ...block } = syntheticBlock(index, VARIANTS_PER_BLOCK, segmentIds, next)
    // The database adapter writes one locale at a time; English is enough for timing.
    const en = JSON.parse(JSON.stringify({ content, variants }), (key, value) =>
      value && typeof value === 'object' && 'en' in value && Object.keys(value).every((k) => k === 'en' || k === 'fr') ? value.en : value,
    )
    const created = await payload.db.create({
      collection: 'blocks',
      data: withRowIds({ ...block, ...en, variants: en.variants.map(({ id: _id, ...variant }: { id: string }) => variant), _status: 'published' }) as never,
      req: { locale: 'en' } as never,
    })
    ids.push(created.id)
  }
  for (let page = 0; page * SLOTS_PER_PAGE < blocks; page++) {
    await payload.db.create({
      collection: 'pages',
      data: {
        slug: `page-${page}`,
        title: `Page ${page}`,
        channel: 'web',
        slots: withRowIds(ids.slice(page * SLOTS_PER_PAGE, (page + 1) * SLOTS_PER_PAGE).map((block) => ({ block }))),
        _status: 'published',
      } as never,
      req: { locale: 'en' } as never,
    })
  }
  return String(ids[0])
}

export type CompileMeasurement = { blocks: number; coldMs: number; warmMs: number; pages: number }

export async function measureCompile(blocks: number): Promise<CompileMeasurement> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tessera-bench-'))
  const databaseUri = `file:${path.join(scratch, 'bench.db')}`
  const payload = await getPayload({ config: createTesseraConfig({ databaseUri, mediaDir: path.join(scratch, 'media') }), key: databaseUri })
  try {
    const firstBlock = await fill(payload, blocks)
    const cold = await compileSnapshot(payload, 'bench: cold')
    await payload.db.updateOne({
      collection: 'blocks',
      id: firstBlock,
      data: { content: { headline: 'Changed' }, updatedAt: new Date().toISOString() } as never,
      req: { locale: 'en' } as never,
    })
    const warm = await compileSnapshot(payload, 'bench: one block changed')
    return { blocks, coldMs: cold.durationMs, warmMs: warm.durationMs, pages: Object.keys(cold.manifest.pages).length }
  } finally {
    await payload.destroy()
    rmSync(scratch, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flag = process.argv.indexOf('--blocks')
  const sizes = (flag > 0 ? process.argv[flag + 1]! : '1000,10000').split(',').map(Number)
  for (const size of sizes) {
    const result = await measureCompile(size)
    console.log(`${size} blocks (${result.pages} pages): cold compile ${result.coldMs} ms, one block changed ${result.warmMs} ms`)
  }
  process.exit(0)
}
