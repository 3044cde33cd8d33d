/** Percentiles of a list of durations, and the timing of one call. */

/** Nearest-rank percentile (p in 0–100) of samples, sorted here unless `sorted` says they are. */
export function percentile(samples: ArrayLike<number>, p: number, { sorted = false } = {}): number {
  if (samples.length === 0) return Number.NaN
  const ordered = sorted ? samples : Float64Array.from(samples).sort()
  return ordered[Math.min(ordered.length - 1, Math.max(0, Math.ceil((p / 100) * ordered.length) - 1))]!
}

export async function timed<T>(work: () => Promise<T> | T): Promise<{ result: T; ms: number }> {
  const started = performance.now()
  const result = await work()
  return { result, ms: performance.now() - started }
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits
