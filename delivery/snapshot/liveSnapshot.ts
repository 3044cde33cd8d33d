/**
 * The snapshot a render node serves, held in memory. Loaded once, then
 * refreshed by a background check of the active version every few seconds
 * (never a database round trip per request); a compile in this process
 * swaps it in at once. Bundles are immutable, so they are cached by hash.
 */
import type { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'

import { type DeliveryManifest, type PageBundle, PageBundleSchema } from '../../engine'
import { activeVersion, compileSnapshot, recordCompileFailure, type CompiledSnapshot } from './compileSnapshot'
import { onDestroy, processWide, sizedMemory } from '../http'

/**
 * Bound: page bundles kept in memory per database, by their size as JSON (a
 * miss reloads one bundle by hash), least recently used dropped first. A
 * count would not bound memory: a bundle of a 50-slot page with ten variants
 * per block in two languages is about 250 kB.
 */
const BUNDLE_CACHE_BYTES = Number(process.env.TESSERA_BUNDLE_CACHE_MB ?? 32) * 2 ** 20
const POLL_MS = Number(process.env.TESSERA_SNAPSHOT_POLL_MS ?? 2000)
const COMPILE_DEBOUNCE_MS = Number(process.env.TESSERA_COMPILE_DEBOUNCE_MS ?? 150)

type LiveState = {
  manifest?: DeliveryManifest
  bundles: LRUCache<string, PageBundle>
  loading?: Promise<DeliveryManifest | undefined>
  poller?: ReturnType<typeof setInterval>
  compiling?: Promise<void>
  compileAgain: boolean
  compileTimer?: ReturnType<typeof setTimeout>
  triggers: Set<string>
  /** Told of each new live version (server-sent events to screens: liveUpdates.ts). */
  listeners: Set<(version: string) => void>
}

const states = processWide('liveSnapshot', () => new WeakMap<Payload, LiveState>())

function stateOf(payload: Payload): LiveState {
  let state = states.get(payload)
  if (!state) {
    state = { bundles: sizedMemory(BUNDLE_CACHE_BYTES, (bundle: PageBundle) => JSON.stringify(bundle).length), compileAgain: false, triggers: new Set(), listeners: new Set() }
    states.set(payload, state)
    // The poll and a pending compile end with the instance, before its database closes.
    const stopping = state
    onDestroy(payload, async () => {
      stopLiveSnapshot(payload)
      await stopping.compiling?.catch(() => {})
    })
  }
  return state
}

function activate(state: LiveState, manifest: DeliveryManifest, bundles?: Map<string, PageBundle>) {
  const changed = state.manifest !== undefined && state.manifest.version !== manifest.version
  state.manifest = manifest
  for (const [hash, bundle] of bundles ?? []) state.bundles.set(hash, bundle)
  if (changed) for (const listener of state.listeners) listener(manifest.version)
}

/** Calls `listener` with each new live version this process serves (a compile here, or the poll seeing another's); returns the unsubscribe. */
export function onLiveVersion(payload: Payload, listener: (version: string) => void): () => void {
  const state = stateOf(payload)
  state.listeners.add(listener)
  return () => state.listeners.delete(listener)
}

async function loadManifest(payload: Payload, version: string): Promise<DeliveryManifest | undefined> {
  const { docs } = await payload.find({
    collection: 'delivery-snapshots',
    where: { version: { equals: version } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]?.manifest as DeliveryManifest | undefined
}

async function refresh(payload: Payload, state: LiveState): Promise<void> {
  const version = await activeVersion(payload)
  if (!version || version === state.manifest?.version) return
  const manifest = await loadManifest(payload, version)
  if (manifest) activate(state, manifest)
}

function startPolling(payload: Payload, state: LiveState) {
  if (state.poller || POLL_MS <= 0) return
  state.poller = setInterval(() => {
    refresh(payload, state).catch((error) => payload.logger.warn({ msg: `Snapshot refresh failed: ${String(error)}` }))
  }, POLL_MS)
  state.poller.unref?.()
}

/** The active manifest; compiles a first snapshot if the database has none. */
export async function liveManifest(payload: Payload): Promise<DeliveryManifest | undefined> {
  const state = stateOf(payload)
  if (state.manifest) return state.manifest
  state.loading ??= (async () => {
    const version = await activeVersion(payload)
    const manifest = version ? await loadManifest(payload, version) : undefined
    if (manifest) activate(state, manifest)
    else await compileNow(payload, 'first request with no snapshot')
    startPolling(payload, state)
    return state.manifest
  })().finally(() => {
    state.loading = undefined
  })
  return state.loading
}

/** The bundle of one page of a manifest, or undefined if the page is not published. */
export async function liveBundle(payload: Payload, manifest: DeliveryManifest, slug: string): Promise<PageBundle | undefined> {
  const entry = Object.hasOwn(manifest.pages, slug) ? manifest.pages[slug] : undefined
  return entry ? bundleByHash(payload, entry.bundle) : undefined
}

/** A stored bundle by its content hash (immutable: kept in memory once read), or undefined if there is none. */
export async function bundleByHash(payload: Payload, hash: string): Promise<PageBundle | undefined> {
  const state = stateOf(payload)
  const cached = state.bundles.get(hash)
  if (cached) return cached
  const { docs } = await payload.find({
    collection: 'delivery-bundles',
    where: { hash: { equals: hash } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const bundle = storedBundle(docs[0]?.bundle)
  if (bundle) state.bundles.set(hash, bundle)
  return bundle
}

/**
 * A bundle as read back from the database, its keys in the compiler's order:
 * PostgreSQL's jsonb sorts an object's keys its own way, and a node that
 * reads a bundle must render the very bytes the node that compiled it does
 * (the compiler keeps validation's output). A stored bundle this schema no
 * longer reads is served as stored.
 */
export function storedBundle(value: unknown): PageBundle | undefined {
  if (value === null || value === undefined) return undefined
  const parsed = PageBundleSchema.safeParse(value)
  if (!parsed.success) return value as PageBundle
  // Validation orders a shaped object's keys, not a record's. The records here are keyed by ids (integers on the SQL
  // adapters, which JavaScript orders itself; kept as written by MongoDB), by locale (en, fr: jsonb's order too), and
  // by rendition name, which the compiler sorts by name (compileMedia) and jsonb by length: sorted again here.
  for (const media of Object.values(parsed.data.media)) media.sizes = Object.fromEntries(Object.entries(media.sizes).sort(([a], [b]) => (a < b ? -1 : 1)))
  return parsed.data
}

/** Compiles now (after any compile under way) and serves the result at once. */
export async function compileNow(payload: Payload, trigger = 'manual'): Promise<CompiledSnapshot | undefined> {
  const state = stateOf(payload)
  while (state.compiling) await state.compiling
  let result: CompiledSnapshot | undefined
  state.compiling = (async () => {
    try {
      result = await compileSnapshot(payload, trigger)
      activate(state, result.manifest, result.bundles)
    } catch (error) {
      await recordCompileFailure(payload, trigger, error)
    }
  })().finally(() => {
    state.compiling = undefined
  })
  await state.compiling
  return result
}

/**
 * Asks for a compile soon: publishes in quick succession (an import, a seed)
 * are coalesced into one compile, which runs after their transactions commit.
 */
export function requestCompile(payload: Payload, trigger: string): void {
  if (process.env.TESSERA_COMPILE_ON_PUBLISH === 'off') return
  const state = stateOf(payload)
  state.triggers.add(trigger)
  if (state.compileTimer) clearTimeout(state.compileTimer)
  state.compileTimer = setTimeout(() => {
    state.compileTimer = undefined
    const triggers = [...state.triggers].slice(0, 5).join(', ')
    state.triggers.clear()
    void compileNow(payload, triggers)
  }, COMPILE_DEBOUNCE_MS)
}

/** Resolves when no compile is pending or running (tests, shutdown). */
export async function deliveryIdle(payload: Payload): Promise<void> {
  const state = stateOf(payload)
  while (state.compileTimer || state.compiling) {
    if (state.compiling) await state.compiling
    else await new Promise((resolve) => setTimeout(resolve, COMPILE_DEBOUNCE_MS))
  }
}

/** Stops background work for this Payload instance. */
export function stopLiveSnapshot(payload: Payload): void {
  const state = states.get(payload)
  if (state?.poller) clearInterval(state.poller)
  if (state?.compileTimer) clearTimeout(state.compileTimer)
  if (state) state.poller = state.compileTimer = undefined
}
