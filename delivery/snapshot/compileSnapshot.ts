/**
 * Reads everything published, compiles it into a delivery snapshot, stores it
 * and makes it the active version. Incremental: compiled blocks are kept in
 * memory by id and last change, so a publish re-reads only what changed
 * (plus the light list of what exists). Page bundles are stored by content
 * hash, so unchanged pages share their bundle between versions.
 */
import { createHash } from 'node:crypto'

import type { Payload } from 'payload'

import { type CompiledBlock, DEFAULT_LOCALE, type DeliveryManifest, DeliveryManifestSchema, LOCALES, type Media, type PageBundle, PageBundleSchema } from '../../engine'
import {
  CompileError,
  compileBlock,
  compileMedia,
  compilePage,
  compileSegment,
  compilePurposes,
  compileStores,
  slotBlockIds,
  sortSegments,
  type BlockDoc,
  type MediaDoc,
  type PageDoc,
  type SegmentDoc,
  type PurposeDoc,
  type StoreDoc,
} from './compileDocuments'
import { insertBundleRows, readBlockRows, readBlockStamps } from './tableRows'
import { readExperiments } from './compileExperiments'
import { processWide } from '../http'
import { compileQuestions, compileScores, type QuestionDoc, type ScoreDoc } from './compileQuestions'
import { changesCommitted, emitChange } from '../sharing'

/** Bump when compiled output changes shape or meaning: older compiled blocks are then not reused. */
export const COMPILER_VERSION = 1

/** How many snapshots to keep (older ones, and bundles only they used, are pruned). */
const KEEP_SNAPSHOTS = 10
const FETCH_CHUNK = 250

export type CompiledSnapshot = {
  manifest: DeliveryManifest
  bundles: Map<string, PageBundle>
  /** False when the content compiled to the version already active. */
  changed: boolean
  durationMs: number
}

type CompilerMemory = { blocks: Map<string, CompiledBlock>; warmed: boolean }
const memories = processWide('compilerMemory', () => new WeakMap<Payload, CompilerMemory>())

function memoryOf(payload: Payload): CompilerMemory {
  let memory = memories.get(payload)
  if (!memory) {
    memory = { blocks: new Map(), warmed: false }
    memories.set(payload, memory)
  }
  return memory
}

const hashOf = (json: string) => createHash('sha256').update(json).digest('hex').slice(0, 24)

export function contentHash(value: unknown): string {
  return hashOf(JSON.stringify(value))
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size))
  return result
}

async function readSegments(payload: Payload) {
  const { docs } = await payload.find({ collection: 'segments', locale: 'all', depth: 0, pagination: false, overrideAccess: true })
  return sortSegments(docs.map((doc) => compileSegment(doc as unknown as SegmentDoc)))
}

async function readPublishedPages(payload: Payload): Promise<PageDoc[]> {
  const { docs } = await payload.find({
    collection: 'pages',
    where: { _status: { equals: 'published' } },
    locale: 'all',
    depth: 0,
    draft: false,
    pagination: false,
    overrideAccess: true,
  })
  return docs as unknown as PageDoc[]
}

/**
 * A process that starts (or restarts) begins with the blocks of the active
 * snapshot: they were compiled from the same documents, and carry the time of
 * the change they were compiled from, so only what changed since is re-read.
 */
async function warmFromActiveSnapshot(payload: Payload, memory: CompilerMemory): Promise<void> {
  memory.warmed = true
  const version = await activeVersion(payload)
  if (!version) return
  const { docs } = await payload.find({ collection: 'delivery-snapshots', where: { version: { equals: version } }, limit: 1, depth: 0, overrideAccess: true })
  const manifest = docs[0]?.manifest as DeliveryManifest | undefined
  if (!manifest || manifest.compiler !== COMPILER_VERSION) return
  const hashes = Object.values(manifest.pages).map((page) => page.bundle)
  for (const chunk of chunks(hashes, FETCH_CHUNK)) {
    // The adapter's own find: the Local API deep-copies every document it returns, tens of MB of bundles here.
    const { docs: bundles } = (await payload.db.find({ collection: 'delivery-bundles', where: { hash: { in: chunk } }, pagination: false, limit: 0, req: {} })) as unknown as { docs: { bundle: unknown }[] }
    for (const doc of bundles) {
      for (const block of Object.values((doc.bundle as PageBundle).blocks)) if (!memory.blocks.has(block.id)) memory.blocks.set(block.id, block)
    }
  }
}

/** Published blocks among `ids`, compiled; unchanged ones come from memory. */
async function readBlocks(payload: Payload, ids: string[]): Promise<Map<string, CompiledBlock>> {
  const memory = memoryOf(payload)
  if (!memory.warmed) await warmFromActiveSnapshot(payload, memory)
  const current = new Map<string, number>()
  for (const chunk of chunks(ids, FETCH_CHUNK * 4)) {
    const stamps = await readBlockStamps(payload, chunk)
    if (stamps) {
      for (const [id, updatedAt] of stamps) current.set(id, updatedAt)
      continue
    }
    const { docs } = await payload.find({
      collection: 'blocks',
      where: { and: [{ id: { in: chunk } }, { _status: { equals: 'published' } }] },
      select: { updatedAt: true },
      depth: 0,
      draft: false,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs) current.set(String(doc.id), Date.parse(doc.updatedAt))
  }

  const stale = [...current].filter(([id, updatedAt]) => memory.blocks.get(id)?.updatedAt !== updatedAt).map(([id]) => id)
  for (const chunk of chunks(stale, FETCH_CHUNK)) {
    // Straight from the tables on SQLite and PostgreSQL (tableRows.ts: a tenth of the time); Payload's find elsewhere.
    const rows = await readBlockRows(payload, chunk)
    if (rows) {
      for (const doc of rows) memory.blocks.set(String(doc.id), compileBlock(doc))
      continue
    }
    const { docs } = await payload.find({
      collection: 'blocks',
      where: { id: { in: chunk } },
      locale: 'all',
      depth: 0,
      draft: false,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs) memory.blocks.set(String(doc.id), compileBlock(doc as unknown as BlockDoc))
  }

  const blocks = new Map<string, CompiledBlock>()
  for (const id of current.keys()) {
    const block = memory.blocks.get(id)
    if (block) blocks.set(id, block)
  }
  return blocks
}

async function readMedia(payload: Payload, blocks: Iterable<CompiledBlock>): Promise<Map<string, Media>> {
  const ids = new Set<string>()
  for (const block of blocks) {
    for (const content of [block.content, ...block.variants.map((variant) => variant.content)]) {
      for (const locale of LOCALES) {
        const image = content[locale]?.image
        if (image) ids.add(image)
      }
    }
  }
  const media = new Map<string, Media>()
  for (const chunk of chunks([...ids], FETCH_CHUNK)) {
    const { docs } = await payload.find({
      collection: 'media',
      where: { id: { in: chunk } },
      locale: 'all',
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs) media.set(String(doc.id), compileMedia(doc as unknown as MediaDoc))
  }
  return media
}

/** Compiles what is published now, without storing anything. */
export async function compileFromDatabase(payload: Payload): Promise<{ manifest: DeliveryManifest; bundles: Map<string, PageBundle>; blockCount: number; json: Map<string, string> }> {
  const segments = await readSegments(payload)
  const { docs: storeDocs } = await payload.find({ collection: 'stores', depth: 0, pagination: false, overrideAccess: true })
  const stores = compileStores(storeDocs as unknown as StoreDoc[])
  const { docs: purposeDocs } = await payload.find({ collection: 'consent-purposes', locale: 'all', depth: 0, pagination: false, overrideAccess: true })
  const purposes = compilePurposes(purposeDocs as unknown as PurposeDoc[])
  const purposeSlugs = new Map(purposeDocs.map((doc) => [String(doc.id), doc.slug]))
  const pages = await readPublishedPages(payload)
  const blocks = await readBlocks(payload, [...new Set(pages.flatMap(slotBlockIds))])
  const media = await readMedia(payload, blocks.values())
  const { experiments, holdoutPercent } = await readExperiments(payload)

  const bundles = new Map<string, PageBundle>()
  /** Each bundle's JSON, as hashed: what is stored. */
  const serialized = new Map<string, string>()
  const pageIndex: DeliveryManifest['pages'] = {}
  for (const page of [...pages].sort((a, b) => (a.slug < b.slug ? -1 : 1))) {
    const compiled = compilePage(page, blocks, media, purposeSlugs)
    const parsed = PageBundleSchema.safeParse(compiled)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new CompileError(`Page “${page.slug}”: ${issue?.path.join('.')}: ${issue?.message}`)
    }
    // What is stored and hashed is validation's output: its keys in the schema's order, as every node that reads the
    // bundle back (and every edge) has them, so that all of them render the same bytes. When that output is exactly
    // the compiled bundle, the compiled one is kept (its blocks are the compiler memory's own, shared by every page
    // and version) rather than a second copy of each.
    const json = JSON.stringify(parsed.data)
    const hash = hashOf(json)
    bundles.set(hash, JSON.stringify(compiled) === json ? (compiled as PageBundle) : parsed.data)
    serialized.set(hash, json)
    pageIndex[page.slug] = { bundle: hash, channel: page.channel }
  }

  const { docs: questionDocs } = await payload.find({ collection: 'questions', locale: 'all', depth: 0, pagination: false, overrideAccess: true })
  const questions = compileQuestions(questionDocs as unknown as QuestionDoc[], purposeSlugs)
  const { docs: scoreDocs } = await payload.find({ collection: 'interest-scores', depth: 0, pagination: false, overrideAccess: true })
  const scores = compileScores(scoreDocs as unknown as ScoreDoc[])
  const content = {
    compiler: COMPILER_VERSION,
    defaultLocale: DEFAULT_LOCALE,
    locales: [...LOCALES],
    segments,
    pages: pageIndex,
    stores,
    purposes,
    ...(experiments.length > 0 ? { experiments } : {}),
    ...(holdoutPercent > 0 ? { holdoutPercent } : {}),
    ...(questions.length > 0 ? { questions } : {}),
    ...(scores.length > 0 ? { scores } : {}),
  }
  const manifest = DeliveryManifestSchema.parse({ version: contentHash(content), compiledAt: new Date().toISOString(), ...content })
  return { manifest, bundles, blockCount: blocks.size, json: serialized }
}

async function storeBundles(payload: Payload, manifest: DeliveryManifest, bundles: Map<string, PageBundle>, json: Map<string, string> = new Map()): Promise<void> {
  const hashes = [...bundles.keys()]
  const existing = new Set<string>()
  for (const chunk of chunks(hashes, FETCH_CHUNK)) {
    const { docs } = await payload.find({
      collection: 'delivery-bundles',
      where: { hash: { in: chunk } },
      select: { hash: true },
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs) existing.add(doc.hash)
  }
  // Written by the adapter itself: the bundles were validated above (PageBundleSchema), and the Local API's create
  // (hooks, validation and deep copies of each bundle's JSON) took 4 s for the 200 bundles of 10,000 blocks.
  const fresh = [...bundles].filter(([hash]) => !existing.has(hash))
  if (await insertBundleRows(payload, fresh.map(([hash, bundle]) => ({ hash, page: bundle.slug, json: json.get(hash) ?? JSON.stringify(bundle) })))) return
  const now = new Date().toISOString()
  for (const [hash, bundle] of fresh) {
    await payload.db.create({ collection: 'delivery-bundles', data: { hash, page: bundle.slug, bundle, createdAt: now, updatedAt: now }, returning: false })
  }
}

async function pruneOldSnapshots(payload: Payload): Promise<void> {
  const { docs } = await payload.find({
    collection: 'delivery-snapshots',
    sort: '-compiledAt',
    pagination: false,
    select: { version: true, manifest: true },
    overrideAccess: true,
  })
  const kept = docs.slice(0, KEEP_SNAPSHOTS)
  const stale = docs.slice(KEEP_SNAPSHOTS)
  if (stale.length === 0) return
  await payload.delete({ collection: 'delivery-snapshots', where: { id: { in: stale.map((doc) => doc.id) } }, overrideAccess: true })
  const used = new Set(kept.flatMap((doc) => Object.values((doc.manifest as DeliveryManifest).pages).map((page) => page.bundle)))
  const { docs: bundles } = await payload.find({ collection: 'delivery-bundles', select: { hash: true }, pagination: false, overrideAccess: true })
  const orphans = bundles.filter((bundle) => !used.has(bundle.hash)).map((bundle) => bundle.id)
  if (orphans.length > 0) await payload.delete({ collection: 'delivery-bundles', where: { id: { in: orphans } }, overrideAccess: true })
}

export async function activeVersion(payload: Payload): Promise<string | undefined> {
  const status = await payload.findGlobal({ slug: 'delivery-status', depth: 0, overrideAccess: true })
  return status.activeVersion ?? undefined
}

/** Forgets compiled blocks (benchmarks measure a cold compile with it). */
export function forgetCompiledBlocks(payload: Payload, { warm = false } = {}): void {
  memories.set(payload, { blocks: new Map(), warmed: !warm })
}

/** Compiles, stores and activates a snapshot. Throws CompileError on bad content. */
export async function compileSnapshot(payload: Payload, trigger = 'manual'): Promise<CompiledSnapshot> {
  const started = performance.now()
  const { manifest, bundles, blockCount, json } = await compileFromDatabase(payload)
  const previous = await activeVersion(payload)
  const changed = previous !== manifest.version

  if (changed) {
    await storeBundles(payload, manifest, bundles, json)
    const { totalDocs } = await payload.count({ collection: 'delivery-snapshots', where: { version: { equals: manifest.version } }, overrideAccess: true })
    if (totalDocs === 0) {
      await payload.create({
        collection: 'delivery-snapshots',
        data: {
          version: manifest.version,
          compiledAt: manifest.compiledAt,
          manifest,
          pages: Object.keys(manifest.pages).length,
          blocks: blockCount,
          segments: manifest.segments.length,
          durationMs: Math.round(performance.now() - started),
        },
        overrideAccess: true,
      })
    }
  }
  const durationMs = Math.round(performance.now() - started)
  await payload.updateGlobal({
    slug: 'delivery-status',
    data: {
      ...(changed ? { activeVersion: manifest.version, activatedAt: new Date().toISOString() } : {}),
      lastCompile: { status: 'ok', at: new Date().toISOString(), durationMs, trigger, error: null },
    },
    overrideAccess: true,
  })
  if (changed) {
    // Told after it is live (a crash just before loses this one message; the next publish tells the version anew).
    await emitChange(payload, 'snapshot.published', { version: manifest.version, compiledAt: manifest.compiledAt, pages: Object.keys(manifest.pages).length, trigger }, { unique: [manifest.version, String(Date.now())] })
    changesCommitted(payload)
    await pruneOldSnapshots(payload)
  }
  return { manifest, bundles, changed, durationMs }
}

/** Records a failed compile where editors see it; the active version stays. */
export async function recordCompileFailure(payload: Payload, trigger: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error)
  payload.logger.error({ msg: `Delivery compile failed (${trigger}); the previous snapshot stays live: ${message}` })
  await payload
    .updateGlobal({
      slug: 'delivery-status',
      data: { lastCompile: { status: 'failed', at: new Date().toISOString(), trigger, error: message } },
      overrideAccess: true,
    })
    .catch(() => {})
}
