/**
 * Bounded in-process memories (lru-cache): every cache states its bound, and
 * drops the least recently used entry past it. Timed ones expire on the wall
 * clock (like the expiry dates they stand for) and read it on every lookup.
 */
import { LRUCache } from 'lru-cache'

const WALL_CLOCK = { now: () => Date.now() }

/** At most `max` entries, each kept for `ttlMs` (a `set` may give its own). */
export function timedMemory<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(max: number, ttlMs: number): LRUCache<K, V> {
  return new LRUCache<K, V>({ max, ttl: ttlMs, ttlResolution: 0, perf: WALL_CLOCK })
}

/** At most `max` entries, kept until pushed out. */
export function boundedMemory<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(max: number): LRUCache<K, V> {
  return new LRUCache<K, V>({ max })
}

/** At most `maxSize` in total by `sizeOf` (e.g. bytes), least recently used dropped first; an entry larger than the bound is not kept. */
export function sizedMemory<K extends NonNullable<unknown>, V extends NonNullable<unknown>>(maxSize: number, sizeOf: (value: V) => number): LRUCache<K, V> {
  return new LRUCache<K, V>({ maxSize, sizeCalculation: (value) => Math.max(1, sizeOf(value)) })
}
