/**
 * The responses an edge may serve again without deciding again: only those
 * the contract lets a shared cache store (public, `Vary` naming every header
 * the decision could read), kept exactly as a shared cache would key them:
 * the snapshot served, the request URL and the value of every header in
 * their `Vary`. An entry lasts until the decision could change with the clock
 * (contract/freshness.ts) and at most the public max-age; a new snapshot
 * empties the memory. Personalized, private and debug responses are never
 * kept (the handler decides what is offered). Bounded: least recently used
 * dropped first.
 */
import { LRUCache } from 'lru-cache'

import { notModified } from '../contract'

/** A request header by its lower-case name (null or undefined when absent). */
export type HeaderReader = (name: string) => string | null | undefined

/** A remembered answer, ready to send: headers include ETag, Content-Length and X-Tessera-Edge. */
export type RememberedAnswer = { status: 200 | 304; headers: Record<string, string>; body: Uint8Array | null }

type Entry = { headers: Record<string, string>; notModifiedHeaders: Record<string, string>; etag: string; body: Uint8Array; until: number }

const ABSENT = '\u0001'
/** Keys longer than this (huge cookies) are not kept: their entries would rarely be hit again. */
const MAX_KEY_LENGTH = 4096

export class ResponseMemory {
  /** The snapshot the entries were decided from: any other empties the memory. */
  private owner?: object
  /** Per request URL, the lower-case header names its response varies on. */
  private readonly varyOf = new LRUCache<string, readonly string[]>({ max: 2000 })
  private readonly entries: LRUCache<string, Entry>

  constructor(options: { maxBytes?: number } = {}) {
    this.entries = new LRUCache({ maxSize: options.maxBytes ?? 32 * 2 ** 20, sizeCalculation: (entry, key) => entry.body.byteLength + key.length + 512 })
  }

  private key(url: string, vary: readonly string[], header: HeaderReader): string {
    let key = url
    for (const name of vary) key += `\n${header(name) ?? ABSENT}`
    return key
  }

  /** The answer kept for this GET or HEAD, if there is one still exact for `owner` at `now`. */
  recall(owner: object, method: string, url: string, header: HeaderReader, now: number): RememberedAnswer | undefined {
    if (owner !== this.owner || (method !== 'GET' && method !== 'HEAD')) return undefined
    const vary = this.varyOf.get(url)
    if (!vary) return undefined
    const key = this.key(url, vary, header)
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (now >= entry.until) {
      this.entries.delete(key)
      return undefined
    }
    const ifNoneMatch = header('if-none-match')
    if (notModified(ifNoneMatch ?? null, entry.etag)) return { status: 304, headers: entry.notModifiedHeaders, body: null }
    return { status: 200, headers: entry.headers, body: method === 'HEAD' ? null : entry.body }
  }

  /**
   * Keeps a 200 answer to a GET, as sent (`headers`: every response header,
   * lower-case names), until `until` (epoch ms). `vary` is its Vary header's
   * names; `header` reads the request it answered.
   */
  remember(owner: object, url: string, header: HeaderReader, headers: Record<string, string>, body: Uint8Array, until: number): void {
    const etag = headers.etag
    if (!etag) return
    if (owner !== this.owner) {
      this.entries.clear()
      this.varyOf.clear()
      this.owner = owner
    }
    const vary = (headers.vary ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean)
    const key = this.key(url, vary, header)
    if (key.length > MAX_KEY_LENGTH) return
    const { 'content-type': _type, 'content-length': _length, ...notModifiedHeaders } = headers
    this.varyOf.set(url, vary)
    this.entries.set(key, { headers: { ...headers, 'content-length': String(body.byteLength) }, notModifiedHeaders, etag, body, until })
  }
}
