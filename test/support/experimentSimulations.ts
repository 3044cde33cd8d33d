/**
 * Simulated experiments for the statistics' specification: seeded, drawn as
 * per-arm sufficient statistics (a binomial count, or counts of +1 and −1
 * answers) so that a thousand experiments take milliseconds, and read
 * through the same `experimentStatistics` a results page uses.
 */
import { type ArmStatistics, binomialArmStatistics, experimentStatistics, mergeArmStatistics, type ResultsOptions, sampleRatioCheck } from '../../delivery/experiments'
import { type SeededRandom, seededRandom } from './seededRandom'

export type Metric =
  /** Converted or not, with this probability. */
  | { kind: 'binomial'; rate: number }
  /** An NPS-style score: +1 (promoter), −1 (detractor), 0 otherwise. */
  | { kind: 'score'; promoters: number; detractors: number }

/** The sums of `units` units' values. */
export function drawArm(random: SeededRandom, metric: Metric, units: number): ArmStatistics {
  if (metric.kind === 'binomial') return binomialArmStatistics(units, random.binomial(units, metric.rate))
  const promoters = random.binomial(units, metric.promoters)
  const detractors = random.binomial(units - promoters, metric.detractors / (1 - metric.promoters))
  return { units, sum: promoters - detractors, sumOfSquares: promoters + detractors }
}

const twoArms = (control: ArmStatistics, treatment: ArmStatistics) => ({
  arms: [
    { id: 'control', weight: 0.5, statistics: control },
    { id: 'treatment', weight: 0.5, statistics: treatment },
  ],
})

const declared = (verdict: string | undefined) => verdict === 'better' || verdict === 'worse'

/** Share of A/A experiments (both arms the same metric) read once at the end that declare a winner or loser. */
export function fixedHorizonFalsePositiveRate(options: { seed: number; experiments: number; unitsPerArm: number; metric: Metric; results: ResultsOptions }): number {
  const random = seededRandom(options.seed)
  let positives = 0
  for (let i = 0; i < options.experiments; i++) {
    const results = experimentStatistics(
      twoArms(drawArm(random, options.metric, options.unitsPerArm), drawArm(random, options.metric, options.unitsPerArm)),
      { ...options.results, view: 'fixed-horizon' },
    )
    if (declared(results.arms[1]!.comparison?.verdict)) positives++
  }
  return positives / options.experiments
}

/**
 * Share of A/A experiments that declare a winner or loser at any look, when
 * results are read after every `unitsPerLook` units (half in each arm).
 */
export function peekingFalsePositiveRate(options: {
  seed: number
  experiments: number
  unitsPerLook: number
  looks: number
  metric: Metric
  results: ResultsOptions
}): number {
  const random = seededRandom(options.seed)
  let positives = 0
  for (let i = 0; i < options.experiments; i++) {
    let control: ArmStatistics = { units: 0, sum: 0, sumOfSquares: 0 }
    let treatment: ArmStatistics = { units: 0, sum: 0, sumOfSquares: 0 }
    for (let look = 0; look < options.looks; look++) {
      control = mergeArmStatistics(control, drawArm(random, options.metric, options.unitsPerLook / 2))
      treatment = mergeArmStatistics(treatment, drawArm(random, options.metric, options.unitsPerLook / 2))
      if (declared(experimentStatistics(twoArms(control, treatment), options.results).arms[1]!.comparison?.verdict)) {
        positives++
        break
      }
    }
  }
  return positives / options.experiments
}

/**
 * Share of experiments whose sample ratio check fires, when each of `units`
 * units lands in an arm with probabilities `truth` and the check tests `weights`.
 */
export function sampleRatioMismatchRate(options: { seed: number; experiments: number; units: number; truth: readonly number[]; weights: readonly number[] }): number {
  const random = seededRandom(options.seed)
  let fired = 0
  for (let i = 0; i < options.experiments; i++) {
    // A multinomial draw as a chain of binomials.
    let left = options.units
    let probabilityLeft = 1
    const counts = options.truth.map((probability, arm) => {
      const count = arm === options.truth.length - 1 ? left : random.binomial(left, Math.min(1, probability / probabilityLeft))
      left -= count
      probabilityLeft -= probability
      return count
    })
    if (sampleRatioCheck(counts, options.weights).mismatch) fired++
  }
  return fired / options.experiments
}

/**
 * Share of experiments whose interval (of the chosen view) holds the true
 * effect, when the treatment's metric differs from the control's.
 */
export function intervalCoverage(options: {
  seed: number
  experiments: number
  unitsPerArm: number
  control: Metric
  treatment: Metric
  trueEffect: number
  results: ResultsOptions & { view: 'sequential' | 'fixed-horizon' }
}): number {
  const random = seededRandom(options.seed)
  let covered = 0
  for (let i = 0; i < options.experiments; i++) {
    const results = experimentStatistics(twoArms(drawArm(random, options.control, options.unitsPerArm), drawArm(random, options.treatment, options.unitsPerArm)), options.results)
    const comparison = results.arms[1]!.comparison
    if (!comparison?.estimable) continue
    const [low, high] = options.results.view === 'sequential' ? comparison.sequential.interval : comparison.fixedHorizon.interval
    if (low <= options.trueEffect && options.trueEffect <= high) covered++
  }
  return covered / options.experiments
}
