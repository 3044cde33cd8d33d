/**
 * Bucketing compatible with GrowthBook's SDK (hash version 2): given the same
 * seed, weights and coverage, a GrowthBook SDK puts a unit id in the same arm.
 * Ported from GrowthBook's `hash`, `getBucketRanges`, `chooseVariation` and
 * `inRange` (packages/sdk-js/src/util.ts), checked against the SDK itself in
 * test/unit/experimentAssignment.test.ts.
 *
 * Text is hashed as UTF-16 code units, as the SDK's `charCodeAt` loop does
 * (not UTF-8 bytes): that is what keeps non-ASCII ids in the SDK's bucket.
 * Ids are not normalized: "é" precomposed and "e" + combining accent are two
 * ids, as they are for GrowthBook.
 *
 * Nothing here allocates per call: the FNV state after the seed is computed
 * once, the id is hashed onward from it, and the second pass hashes the
 * decimal digits of the first hash without making a string.
 */

/** FNV-1a 32-bit offset basis and prime (Fowler–Noll–Vo, IETF draft-eastlake-fnv). */
const FNV_OFFSET_BASIS = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** Hash version 2 buckets: a hash lands on one of 10,000 points in [0, 1). */
const BUCKETS = 10_000

/**
 * Continues an FNV-1a hash over the UTF-16 code units of `text`. The SDK
 * multiplies by the prime as a sum of shifts; `Math.imul` is the same product
 * modulo 2³², which is all FNV keeps.
 */
export function fnv1aContinue(state: number, text: string): number {
  let hash = state
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME)
  return hash >>> 0
}

/** FNV-1a 32 of `text` from the offset basis (GrowthBook's `hashFnv32a`). */
export const fnv1a = (text: string): number => fnv1aContinue(FNV_OFFSET_BASIS, text)

/** FNV-1a 32 of an unsigned integer's decimal digits: `fnv1a(String(value))` without the string. */
function fnv1aOfDecimal(value: number): number {
  let divisor = 1
  while (divisor * 10 <= value) divisor *= 10
  let hash = FNV_OFFSET_BASIS
  for (; divisor >= 1; divisor /= 10) {
    const digit = Math.floor(value / divisor) % 10
    hash = Math.imul(hash ^ (48 + digit), FNV_PRIME)
  }
  return hash >>> 0
}

/** A hash seed with its FNV state precomputed: hashing an id under it costs one pass over the id. */
export type HashSeed = { readonly seed: string; readonly state: number }

export const hashSeed = (seed: string): HashSeed => ({ seed, state: fnv1a(seed) })

/**
 * GrowthBook hash version 2: `(fnv(fnv(seed + id) + '') % 10000) / 10000`, a
 * point in [0, 1) whose second pass removes the bias of version 1.
 */
export function bucketOf(seed: HashSeed, unitId: string): number {
  const first = fnv1aContinue(seed.state, unitId)
  return (fnv1aOfDecimal(first) % BUCKETS) / BUCKETS
}

/** Where each arm's units land: [start, end) per arm, in arm order. */
export type BucketRanges = readonly (readonly [start: number, end: number])[]

/**
 * GrowthBook's `getBucketRanges`: arm i owns [Σw<i, Σw<i + coverage·wᵢ).
 * Coverage shrinks each arm's range from its start, so raising coverage keeps
 * enrolled units where they were. The float arithmetic follows the SDK's
 * order exactly: a rounding difference would move the units on a boundary.
 */
export function bucketRanges(weights: readonly number[], coverage: number): BucketRanges {
  const clamped = Math.min(1, Math.max(0, coverage))
  let cumulative = 0
  return weights.map((weight) => {
    const start = cumulative
    cumulative += weight
    return [start, start + clamped * weight] as const
  })
}

/** GrowthBook's `chooseVariation`: the arm whose range holds the bucket, or -1 (outside coverage). */
export function armAt(bucket: number, ranges: BucketRanges): number {
  for (let i = 0; i < ranges.length; i++) {
    const range = ranges[i]!
    if (bucket >= range[0] && bucket < range[1]) return i
  }
  return -1
}
