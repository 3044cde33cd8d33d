/**
 * Experiment results, read from per-arm sufficient statistics: what each
 * number means and when no verdict is given. The long-run behaviour (false
 * positive rates, coverage, SRM detection) is in experimentSimulations.test.ts.
 */
import { describe, expect, it } from 'vitest'

import {
  type ArmComparison,
  type ArmStatistics,
  ArmStatisticsSchema,
  binomialArmStatistics,
  chanceToBeatControl,
  confidenceSequence,
  DEFAULT_SEQUENTIAL_TUNING,
  effectOf,
  experimentStatistics,
  ExperimentStatisticsInputSchema,
  holmAdjusted,
  isEffect,
  mergeArmStatistics,
  type ResultsOptions,
  sampleRatioCheck,
  summarizeUnits,
  summaryOf,
  tTest,
} from '../../delivery/experiments'

const arm = (id: string, statistics: ArmStatistics, weight = 0.5) => ({ id, weight, statistics })
const results = (control: ArmStatistics, treatment: ArmStatistics, options: ResultsOptions = {}) =>
  experimentStatistics({ arms: [arm('control', control), arm('treatment', treatment)] }, options)

function estimated(comparison: ArmComparison | undefined) {
  if (!comparison?.estimable) throw new Error(`Expected an estimate, got ${JSON.stringify(comparison)}`)
  return comparison
}

/** NPS-style answers: +1 promoters, −1 detractors, 0 passives. */
const scores = (promoters: number, passives: number, detractors: number) => summarizeUnits([...Array(promoters).fill(1), ...Array(passives).fill(0), ...Array(detractors).fill(-1)])

describe('Per-arm sufficient statistics', () => {
  it('give the mean and the sample variance of the units they sum', () => {
    expect(summaryOf(summarizeUnits([1, 2, 3, 4]))).toEqual({ mean: 2.5, variance: expect.closeTo(5 / 3, 12), units: 4 })
  })

  it('merge over disjoint sets of units (days, shards) as if summed at once', () => {
    const monday = [3, 0, 12.5, 7]
    const tuesday = [0, 0, 49.9]
    const covariates = [1, 0, 10, 4, 0, 2, 30]
    const merged = mergeArmStatistics(summarizeUnits(monday, covariates.slice(0, 4)), summarizeUnits(tuesday, covariates.slice(4)))
    const atOnce = summarizeUnits([...monday, ...tuesday], covariates)
    expect(merged.units).toBe(atOnce.units)
    expect(merged.sum).toBeCloseTo(atOnce.sum, 10)
    expect(merged.sumOfSquares).toBeCloseTo(atOnce.sumOfSquares, 10)
    expect(merged.covariate!.sumOfProducts).toBeCloseTo(atOnce.covariate!.sumOfProducts, 10)
  })

  it('are refused when the sum of squares cannot come from the same units as the sum', () => {
    expect(ArmStatisticsSchema.safeParse({ units: 10, sum: 10, sumOfSquares: 5 }).success).toBe(false)
    expect(ArmStatisticsSchema.safeParse(binomialArmStatistics(10, 4)).success).toBe(true)
  })

  it('are all a million exposures need: four numbers an arm, not a million rows', () => {
    const input = {
      arms: [arm('control', binomialArmStatistics(500_000, 50_000)), arm('treatment', binomialArmStatistics(500_000, 51_500))],
    }
    expect(ExperimentStatisticsInputSchema.parse(input)).toEqual(input)
    expect(JSON.stringify(input).length).toBeLessThan(300)
    const comparison = estimated(experimentStatistics(input).arms[1]!.comparison)
    expect(comparison.effect).toBeCloseTo(0.03, 12)
    expect(comparison.sequential.interval[0]).toBeGreaterThan(0)
    expect(comparison.verdict).toBe('better')
  })
})

describe('The lift against control', () => {
  it('is (μT − μC) / μC, with the delta method’s variance (for rates: RR² times Katz’s variance of log RR)', () => {
    const [nC, nT, pC, pT] = [10_000, 8_000, 0.1, 0.115]
    const effect = effectOf(binomialArmStatistics(nC, nC * pC), binomialArmStatistics(nT, nT * pT), 'relative')
    if (!isEffect(effect)) throw new Error(effect.undefined)
    expect(effect.estimate).toBeCloseTo(0.15, 12)
    // Katz et al. 1978: Var(log RR) ≈ (1 − pT)/(nT pT) + (1 − pC)/(nC pC); sample variances add n/(n − 1).
    const katz = ((1 - pT) / (nT * pT)) * (nT / (nT - 1)) + ((1 - pC) / (nC * pC)) * (nC / (nC - 1))
    expect(effect.variance).toBeCloseTo((pT / pC) ** 2 * katz, 12)
  })

  it('reports the per-arm units and metric value, and the control has no comparison', () => {
    const read = results(binomialArmStatistics(4000, 400), binomialArmStatistics(4100, 451))
    expect(read.arms.map(({ id, units, mean }) => ({ id, units, mean }))).toEqual([
      { id: 'control', units: 4000, mean: 0.1 },
      { id: 'treatment', units: 4100, mean: 0.11 },
    ])
    expect(read.arms[0]!.comparison).toBeUndefined()
    expect(estimated(read.arms[1]!.comparison).effect).toBeCloseTo(0.1, 12)
  })

  it('is not estimated over a control mean that is not positive: scores such as NPS read the absolute difference', () => {
    const control = scores(200, 500, 300) // NPS −10
    const treatment = scores(280, 450, 270) // NPS +1
    expect(results(control, treatment).arms[1]!.comparison).toEqual({ estimable: false, reason: 'control-mean-not-positive', verdict: 'not-estimable' })
    const absolute = estimated(results(control, treatment, { scale: 'absolute' }).arms[1]!.comparison)
    expect(absolute.effect).toBeCloseTo(0.11, 12)
    expect(absolute.fixedHorizon.interval[0]).toBeLessThan(0.11)
    expect(absolute.fixedHorizon.interval[1]).toBeGreaterThan(0.11)
  })

  it('is not estimated without variation or without units', () => {
    expect(results(binomialArmStatistics(500, 0), binomialArmStatistics(500, 0)).arms[1]!.comparison).toMatchObject({ reason: 'no-variance' })
    expect(results(binomialArmStatistics(500, 50), binomialArmStatistics(1, 1)).arms[1]!.comparison).toMatchObject({ reason: 'too-few-units' })
  })

  it('is not improved by lower values unless the metric says less is better', () => {
    const fewerBounces = results(binomialArmStatistics(10_000, 4000), binomialArmStatistics(10_000, 3700), { higherIsBetter: false })
    expect(estimated(fewerBounces.arms[1]!.comparison)).toMatchObject({ verdict: 'better', chanceToBeatControl: expect.closeTo(1, 4) })
    const fewerSales = results(binomialArmStatistics(10_000, 4000), binomialArmStatistics(10_000, 3700))
    expect(estimated(fewerSales.arms[1]!.comparison)).toMatchObject({ verdict: 'worse', chanceToBeatControl: expect.closeTo(0, 4) })
  })
})

describe('The fixed-horizon test', () => {
  it('agrees with its interval: p < α exactly when the interval excludes 0', () => {
    for (const conversions of [500, 530, 545, 560, 575, 600, 450, 420]) {
      const effect = effectOf(binomialArmStatistics(5000, 500), binomialArmStatistics(5000, conversions), 'relative')
      if (!isEffect(effect)) throw new Error(effect.undefined)
      const test = tTest(effect)
      expect(test.pValue < 0.05).toBe(test.interval[0] > 0 || test.interval[1] < 0)
    }
  })
})

describe('Confidence sequences, the default view', () => {
  const effectWith = (estimate: number, standardError: number) => ({ scale: 'absolute' as const, estimate, variance: standardError ** 2, degreesOfFreedom: 1e9, theta: 0 })
  /** Half-width of the sequence over that of the fixed-horizon interval, for n units with unit variance 1. */
  const widthRatio = (n: number) => {
    const effect = effectWith(0, Math.sqrt(1 / n))
    return (confidenceSequence(effect, n).interval[1] - effect.estimate) / (tTest(effect).interval[1] - effect.estimate)
  }

  it('are wider than fixed-horizon intervals at every sample size, and least so near the tuning size', () => {
    for (const n of [200, 1000, 5000, 20_000, 100_000]) expect(widthRatio(n)).toBeGreaterThan(1)
    expect(widthRatio(DEFAULT_SEQUENTIAL_TUNING)).toBeLessThan(widthRatio(500))
    expect(widthRatio(DEFAULT_SEQUENTIAL_TUNING)).toBeLessThan(widthRatio(50_000))
    // At the tuning size the boundary sits 3.035 standard errors out for α = 0.05 (1.96 fixed-horizon).
    expect(widthRatio(DEFAULT_SEQUENTIAL_TUNING) * 1.959964).toBeCloseTo(3.035, 3)
  })

  it('give an always-valid p-value below α exactly when the sequence excludes 0', () => {
    for (const n of [300, 5000, 80_000]) {
      for (const z of [0, 1, 2, 2.9, 3.1, 3.5, 5, -3.2, -6]) {
        const standardError = Math.sqrt(2 / n)
        const sequence = confidenceSequence(effectWith(z * standardError, standardError), n)
        const excludesZero = sequence.interval[0] > 0 || sequence.interval[1] < 0
        expect(sequence.pValue < 0.05, `n = ${n}, z = ${z}`).toBe(excludesZero)
      }
    }
  })

  it('decide the verdict unless the fixed-horizon view is asked for', () => {
    const control = binomialArmStatistics(5000, 500)
    const treatment = binomialArmStatistics(5000, 590)
    const sequential = estimated(results(control, treatment).arms[1]!.comparison)
    expect(sequential.fixedHorizon.pValue).toBeLessThan(0.01)
    expect(sequential.sequential.pValue).toBeGreaterThan(0.05)
    expect(sequential.verdict).toBe('inconclusive')
    expect(estimated(results(control, treatment, { view: 'fixed-horizon' }).arms[1]!.comparison).verdict).toBe('better')
  })
})

describe('The chance to beat control', () => {
  it('is one half when the arms do equally well, and Φ(estimate / standard error) otherwise', () => {
    const effect = { scale: 'relative' as const, estimate: 0.03, variance: 0.02 ** 2, degreesOfFreedom: 1e6, theta: 0 }
    expect(chanceToBeatControl({ ...effect, estimate: 0 })).toBe(0.5)
    expect(chanceToBeatControl(effect)).toBeCloseTo(0.933193, 6) // Φ(1.5)
    expect(chanceToBeatControl(effect, false)).toBeCloseTo(1 - 0.933193, 6)
  })

  it('is about 1 − p / 2 with large samples (flat prior: posterior and sampling distribution coincide)', () => {
    const comparison = estimated(results(binomialArmStatistics(20_000, 2000), binomialArmStatistics(20_000, 2090)).arms[1]!.comparison)
    expect(comparison.chanceToBeatControl).toBeCloseTo(1 - comparison.fixedHorizon.pValue / 2, 3)
  })
})

describe('Holm–Bonferroni across arms', () => {
  it('adjusts step-down: the smallest p times m, the next times m − 1, never decreasing', () => {
    expect(holmAdjusted([0.01, 0.04, 0.03, 0.005]).map((p) => Number(p.toFixed(12)))).toEqual([0.03, 0.06, 0.06, 0.02])
    expect(holmAdjusted([0.4, 0.9])).toEqual([0.8, 0.9])
    expect(holmAdjusted([0.03])).toEqual([0.03])
  })

  it('counts an arm without an estimate as a hypothesis that is not rejected', () => {
    expect(holmAdjusted([0.01, null])).toEqual([0.02, 1])
  })

  it('applies when more than one treatment arm is compared: a win alone is no longer a win among three', () => {
    const control = binomialArmStatistics(10_000, 1000)
    const lucky = binomialArmStatistics(10_000, 1095)
    const alone = experimentStatistics({ arms: [arm('control', control), arm('lucky', lucky)] }, { view: 'fixed-horizon' })
    expect(alone.correction).toBe('none')
    const lone = estimated(alone.arms[1]!.comparison)
    expect(lone.fixedHorizon.adjustedPValue).toBe(lone.fixedHorizon.pValue)
    expect(lone.verdict).toBe('better')

    const among = experimentStatistics(
      { arms: [arm('control', control, 0.25), arm('lucky', lucky, 0.25), arm('b', binomialArmStatistics(10_000, 990), 0.25), arm('c', binomialArmStatistics(10_000, 1010), 0.25)] },
      { view: 'fixed-horizon' },
    )
    expect(among.correction).toBe('holm')
    const adjusted = estimated(among.arms[1]!.comparison)
    expect(adjusted.fixedHorizon.pValue).toBeCloseTo(lone.fixedHorizon.pValue, 12)
    expect(adjusted.fixedHorizon.adjustedPValue).toBeCloseTo(3 * lone.fixedHorizon.pValue, 12)
    expect(adjusted.verdict).toBe('inconclusive')
  })
})

describe('Health checks', () => {
  it('flag a sample ratio mismatch on a 52/48 split of 10,000 units, not on 50.5/49.5', () => {
    expect(sampleRatioCheck([5200, 4800], [0.5, 0.5])).toMatchObject({ chiSquare: expect.closeTo(16, 9), mismatch: true })
    expect(sampleRatioCheck([5050, 4950], [0.5, 0.5])).toMatchObject({ mismatch: false })
    const read = results(binomialArmStatistics(5200, 520), binomialArmStatistics(4800, 480))
    expect(read.health.sampleRatio.mismatch).toBe(true)
  })

  it('test the split against the weights, and call units in an arm of weight 0 a mismatch', () => {
    expect(sampleRatioCheck([8030, 1970], [0.8, 0.2]).mismatch).toBe(false)
    expect(sampleRatioCheck([5000, 5000], [0.8, 0.2]).mismatch).toBe(true)
    expect(sampleRatioCheck([5000, 4990, 3], [0.5, 0.5, 0])).toMatchObject({ pValue: 0, mismatch: true })
    expect(sampleRatioCheck([5000, 4990, 0], [0.5, 0.5, 0])).toMatchObject({ degreesOfFreedom: 1, mismatch: false })
  })

  it('flag more than 1 % of units exposed to several arms', () => {
    const control = binomialArmStatistics(5000, 500)
    const treatment = binomialArmStatistics(4900, 500)
    const read = (unitsInSeveralArms: number) =>
      experimentStatistics({ arms: [arm('control', control), arm('treatment', treatment)], unitsInSeveralArms }).health.multipleExposures
    expect(read(151)).toMatchObject({ units: 151, share: expect.closeTo(0.015, 3), tooMany: true })
    expect(read(80)).toMatchObject({ tooMany: false })
    expect(results(control, treatment).health.multipleExposures).toBeUndefined()
  })

  it('give no verdict below the minimum units per arm, yet show the numbers', () => {
    const read = (options: ResultsOptions = {}) =>
      results(binomialArmStatistics(60, 30), binomialArmStatistics(60, 50), { scale: 'absolute', view: 'fixed-horizon', ...options })
    expect(read().health.tooLittleData).toBe(true)
    const comparison = estimated(read().arms[1]!.comparison)
    expect(comparison.fixedHorizon.pValue).toBeLessThan(0.001)
    expect(comparison.verdict).toBe('too-little-data')
    expect(estimated(read({ minimumUnitsPerArm: 50 }).arms[1]!.comparison).verdict).toBe('better')
  })

  it('give no verdict on a lift over a control rate known only roughly, however many units', () => {
    // 20 conversions in the control: its rate is known to ±22 %.
    const read = results(binomialArmStatistics(20_000, 20), binomialArmStatistics(20_000, 60))
    expect(estimated(read.arms[1]!.comparison).verdict).toBe('too-little-data')
    expect(read.health.tooLittleData).toBe(true)
    expect(estimated(results(binomialArmStatistics(20_000, 20), binomialArmStatistics(20_000, 60), { scale: 'absolute' }).arms[1]!.comparison).verdict).toBe('better')
  })
})
