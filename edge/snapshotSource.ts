/**
 * The snapshot an edge serves, held in memory: the origin's manifest (with
 * its public keys and render settings) and page bundles by hash. The manifest
 * is revalidated with If-None-Match once its revalidation interval has passed
 * (on the next request, in the background: edge isolates have no timers of
 * their own), and a new version is swapped in atomically only once the
 * bundles it names are at hand. While the origin is unreachable, the last
 * good version keeps being served. Bundles never change, so they are also
 * kept in the platform's cache where there is one (workerd, Deno).
 */
import { LRUCache } from 'lru-cache'

import { bundlePath, DistributedBundleSchema, type DistributedManifest, DistributedManifestSchema, MANIFEST_PATH, type PublicKeySet } from '../contract'
import type { PageBundle } from '../engine'

export type SnapshotSourceOptions = {
  /** The origin's base URL, e.g. https://cms.example.com. */
  origin: string
  /** An API key with the delivery scope. */
  deliveryKey: string
  /** Seconds between manifest revalidations (default 5). */
  revalidateSeconds?: number
  /** Bound: bundles kept in memory (default 500, least recently used dropped first). */
  bundlesInMemory?: number
  /** Bundles fetched ahead when a new version arrives, so that it can be served whole if the origin goes away (default 200). */
  prefetchBundles?: number
}

export type LiveSnapshot = DistributedManifest & { etag: string }

type PlatformCache = { match: (key: string) => Promise<Response | undefined>; put: (key: string, response: Response) => Promise<void> }

/** The Cache API where the runtime has one (workerd's and Deno's `caches`); Node has none. */
async function platformCache(): Promise<PlatformCache | undefined> {
  const caches = (globalThis as { caches?: { open?: (name: string) => Promise<PlatformCache> } }).caches
  if (!caches?.open) return undefined
  try {
    return await caches.open('tessera-bundles')
  } catch {
    return undefined
  }
}

export class SnapshotSource {
  private live?: LiveSnapshot
  private checkedAt = 0
  private revalidating?: Promise<void>
  private readonly bundles: LRUCache<string, PageBundle>
  private readonly cache = platformCache()
  private readonly revalidateMs: number
  /** The last failure to reach the origin, for the logs (once per outage). */
  lastError?: string

  constructor(private readonly options: SnapshotSourceOptions) {
    this.revalidateMs = (options.revalidateSeconds ?? 5) * 1000
    this.bundles = new LRUCache({ max: options.bundlesInMemory ?? 500 })
  }

  private url(path: string) {
    return `${this.options.origin.replace(/\/$/, '')}${path}`
  }

  private headers(extra: Record<string, string> = {}) {
    return { authorization: `Bearer ${this.options.deliveryKey}`, ...extra }
  }

  /** The version being served, first loading one if there is none yet (undefined while the origin has never answered). */
  async current(): Promise<LiveSnapshot | undefined> {
    if (!this.live) await this.revalidate()
    else if (Date.now() - this.checkedAt >= this.revalidateMs) void this.revalidate()
    return this.live
  }

  /** The version being served, without waiting (undefined before the first one); starts a revalidation when one is due. */
  peek(): LiveSnapshot | undefined {
    if (this.live && Date.now() - this.checkedAt >= this.revalidateMs) void this.revalidate()
    return this.live
  }

  /** The public keys of the version being served (empty before the first one: nothing verifies). */
  keys(): PublicKeySet {
    return this.live?.keys ?? { keys: [] }
  }

  /** The background revalidation under way, if any (an adapter hands it to `waitUntil`). */
  pending(): Promise<void> | undefined {
    return this.revalidating
  }

  /** Asks the origin whether the manifest changed; swaps in a new version, or keeps the last good one. */
  revalidate(): Promise<void> {
    this.revalidating ??= this.fetchManifest().finally(() => {
      this.revalidating = undefined
    })
    return this.revalidating
  }

  private async fetchManifest(): Promise<void> {
    try {
      const response = await fetch(this.url(MANIFEST_PATH), { headers: this.headers(this.live ? { 'if-none-match': this.live.etag } : {}) })
      this.checkedAt = Date.now()
      if (response.status === 304) return
      if (!response.ok) throw new Error(`the origin answered ${response.status} for the manifest`)
      const parsed = DistributedManifestSchema.safeParse(await response.json())
      if (!parsed.success) throw new Error(`the origin's manifest does not parse: ${parsed.error.issues[0]?.message}`)
      const next: LiveSnapshot = { ...parsed.data, etag: response.headers.get('etag') ?? '' }
      await this.prefetch(next)
      this.live = next
      this.lastError = undefined
    } catch (error) {
      // Keep serving what we have; ask again after the interval.
      this.checkedAt = Date.now()
      const message = error instanceof Error ? error.message : String(error)
      if (message !== this.lastError) console.warn(`tessera edge: keeping snapshot ${this.live?.manifest.version ?? '(none)'}: ${message}`)
      this.lastError = message
    }
  }

  /** Fetches the new version's bundles not in memory yet (up to the bound), so the swap brings a version that can be served whole. */
  private async prefetch(next: LiveSnapshot): Promise<void> {
    const missing = [...new Set(Object.values(next.manifest.pages).map((page) => page.bundle))].filter((hash) => !this.bundles.has(hash))
    const wanted = missing.slice(0, this.options.prefetchBundles ?? 200)
    for (let start = 0; start < wanted.length; start += 8) {
      const loaded = await Promise.all(wanted.slice(start, start + 8).map((hash) => this.loadBundle(hash)))
      if (loaded.some((bundle) => !bundle)) throw new Error('a bundle of the new version could not be fetched')
    }
  }

  /** A bundle by hash: from memory, the platform's cache, or the origin. */
  async bundle(hash: string): Promise<PageBundle | undefined> {
    return this.bundles.get(hash) ?? (await this.loadBundle(hash))
  }

  private async loadBundle(hash: string): Promise<PageBundle | undefined> {
    const cache = await this.cache
    const key = this.url(bundlePath(hash))
    let response = await cache?.match(key).catch(() => undefined)
    const fromCache = Boolean(response)
    if (!response) {
      response = await fetch(key, { headers: this.headers() }).catch(() => undefined)
      if (!response?.ok) return undefined
    }
    const parsed = DistributedBundleSchema.safeParse(await response.clone().json())
    if (!parsed.success) return undefined
    this.bundles.set(hash, parsed.data)
    // The edge's own store (never served to a visitor as is): immutable under its hash.
    if (cache && !fromCache) {
      await cache.put(key, new Response(JSON.stringify(parsed.data), { headers: { 'content-type': 'application/json', 'cache-control': 'max-age=31536000, immutable' } })).catch(() => {})
    }
    return parsed.data
  }
}
