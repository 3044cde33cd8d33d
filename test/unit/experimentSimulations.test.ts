/**
 * How the statistics behave over many experiments, simulated with seeded
 * draws (deterministic runs): A/A tests rarely declare a winner, intervals
 * hold the true effect as often as they say, peeking at the sequential view
 * is safe while peeking at the fixed-horizon one is not, CUPED narrows
 * intervals without moving them, and the SRM check fires on a skewed split
 * but hardly ever on a fair one.
 */
import { describe, expect, it } from 'vitest'

import { type ArmStatistics, experimentStatistics, sampleRatioCheck, summarizeUnits } from '../../delivery/experiments'
import { assign, prepareExperiment } from '../../engine'
import { compiledExperiment } from '../support/experimentBuilders'
import { fixedHorizonFalsePositiveRate, intervalCoverage, type Metric, peekingFalsePositiveRate, sampleRatioMismatchRate } from '../support/experimentSimulations'
import { type SeededRandom, seededRandom } from '../support/seededRandom'

const conversion: Metric = { kind: 'binomial', rate: 0.1 }
const netPromoterScore: Metric = { kind: 'score', promoters: 0.3, detractors: 0.2 }

describe('A/A tests read once (fixed horizon)', () => {
  it('declare a difference in 3.5–6.5 % of 1,000 experiments on a conversion rate (lift)', () => {
    const rate = fixedHorizonFalsePositiveRate({ seed: 1, experiments: 1000, unitsPerArm: 2000, metric: conversion, results: {} })
    expect(rate).toBeGreaterThanOrEqual(0.035)
    expect(rate).toBeLessThanOrEqual(0.065)
  })

  it('declare a difference in 3.5–6.5 % of 1,000 experiments on an NPS-style score (difference)', () => {
    const rate = fixedHorizonFalsePositiveRate({ seed: 2, experiments: 1000, unitsPerArm: 2000, metric: netPromoterScore, results: { scale: 'absolute' } })
    expect(rate).toBeGreaterThanOrEqual(0.035)
    expect(rate).toBeLessThanOrEqual(0.065)
  })
})

describe('A/A tests read after every 100 units, up to 10,000', () => {
  const peeking = { experiments: 1000, unitsPerLook: 100, looks: 100 }

  it('declare a difference in at most 5 % of experiments with confidence sequences (the default view)', () => {
    expect(peekingFalsePositiveRate({ seed: 3, ...peeking, metric: conversion, results: {} })).toBeLessThanOrEqual(0.05)
    expect(peekingFalsePositiveRate({ seed: 4, ...peeking, metric: netPromoterScore, results: { scale: 'absolute' } })).toBeLessThanOrEqual(0.05)
  })

  it('declare one far more often with fixed-horizon p-values: why they are not the default', () => {
    expect(peekingFalsePositiveRate({ seed: 3, ...peeking, metric: conversion, results: { view: 'fixed-horizon' } })).toBeGreaterThan(0.15)
  })
})

describe('Intervals on a true lift of 10 %', () => {
  const lift = { experiments: 1000, unitsPerArm: 2000, control: conversion, treatment: { kind: 'binomial', rate: 0.11 } as Metric, trueEffect: 0.1 }

  it('hold it in about 95 % of experiments (delta method, fixed horizon)', () => {
    const coverage = intervalCoverage({ seed: 5, ...lift, results: { view: 'fixed-horizon' } })
    expect(coverage).toBeGreaterThanOrEqual(0.935)
    expect(coverage).toBeLessThanOrEqual(0.965)
  })

  it('hold it in at least 95 % of experiments (confidence sequences)', () => {
    expect(intervalCoverage({ seed: 6, ...lift, results: { view: 'sequential' } })).toBeGreaterThanOrEqual(0.95)
  })
})

describe('CUPED with a pre-exposure covariate', () => {
  // y = 2 + 0.8 x + noise with x ~ N(10, 2²) and noise ~ N(0, 1.5²): corr(x, y)² = 2.56 / 4.81, θ = 0.8.
  const CORRELATION_SQUARED = 2.56 / 4.81
  function armWithCovariate(random: SeededRandom, units: number, shift: number): ArmStatistics {
    const values: number[] = []
    const covariates: number[] = []
    for (let i = 0; i < units; i++) {
      const before = random.normal(10, 2)
      covariates.push(before)
      values.push(2 + 0.8 * before + random.normal(0, 1.5) + shift)
    }
    return summarizeUnits(values, covariates)
  }
  const read = (control: ArmStatistics, treatment: ArmStatistics, cuped: boolean, scale: 'relative' | 'absolute' = 'absolute') => {
    const comparison = experimentStatistics(
      {
        arms: [
          { id: 'control', weight: 0.5, statistics: control },
          { id: 'treatment', weight: 0.5, statistics: treatment },
        ],
      },
      { cuped, scale, view: 'fixed-horizon' },
    ).arms[1]!.comparison
    if (!comparison?.estimable) throw new Error('no estimate')
    return comparison
  }

  it('estimates θ = Cov(x, y) / Var(x) and shrinks the standard error by √(1 − ρ²)', () => {
    const random = seededRandom(7)
    const control = armWithCovariate(random, 2000, 0)
    const treatment = armWithCovariate(random, 2000, 0.5)
    const adjusted = read(control, treatment, true)
    const unadjusted = read(control, treatment, false)
    expect(adjusted.theta).toBeCloseTo(0.8, 1)
    expect(unadjusted.theta).toBe(0)
    expect(adjusted.standardError / unadjusted.standardError).toBeCloseTo(Math.sqrt(1 - CORRELATION_SQUARED), 1)
  })

  it('keeps intervals honest: they hold the true difference and the true lift in about 95 % of 400 experiments', () => {
    const random = seededRandom(8)
    let difference = 0
    let lift = 0
    const experiments = 400
    for (let i = 0; i < experiments; i++) {
      const control = armWithCovariate(random, 500, 0)
      const treatment = armWithCovariate(random, 500, 0.5)
      const [low, high] = read(control, treatment, true).fixedHorizon.interval
      if (low <= 0.5 && 0.5 <= high) difference++
      const [lowLift, highLift] = read(control, treatment, true, 'relative').fixedHorizon.interval
      if (lowLift <= 0.05 && 0.05 <= highLift) lift++ // the control mean is 2 + 0.8 · 10 = 10
    }
    for (const covered of [difference / experiments, lift / experiments]) {
      expect(covered).toBeGreaterThanOrEqual(0.925)
      expect(covered).toBeLessThanOrEqual(0.975)
    }
  })
})

describe('The sample ratio check', () => {
  it('fires on most true 52/48 splits of 10,000 units tested against 50/50', () => {
    expect(sampleRatioMismatchRate({ seed: 9, experiments: 1000, units: 10_000, truth: [0.52, 0.48], weights: [0.5, 0.5] })).toBeGreaterThanOrEqual(0.7)
  })

  it('fires on at most 0.5 % of fair splits, even and uneven', () => {
    expect(sampleRatioMismatchRate({ seed: 10, experiments: 1000, units: 10_000, truth: [0.5, 0.5], weights: [0.5, 0.5] })).toBeLessThanOrEqual(0.005)
    expect(sampleRatioMismatchRate({ seed: 11, experiments: 1000, units: 10_000, truth: [0.2, 0.3, 0.5], weights: [0.2, 0.3, 0.5] })).toBeLessThanOrEqual(0.005)
  })

  it('fires on at most 0.5 % of the splits our own assignment makes (1,000 experiment keys, 2,000 visitors each)', () => {
    const visitors = Array.from({ length: 2000 }, (_, i) => `visitor-${i}`)
    const context = { channel: 'web' as const, memberIds: new Set<string>() }
    let fired = 0
    for (let e = 0; e < 1000; e++) {
      const key = `experiment-${e}`
      const prepared = prepareExperiment(compiledExperiment({ key, seed: key, arms: [{ id: 'control', weight: 0.4 }, { id: 'treatment', weight: 0.6 }] }))
      const units = [0, 0]
      for (const visitor of visitors) {
        const assignment = assign(prepared, visitor, 0, context)
        if (assignment.enrolled) units[assignment.armIndex]!++
      }
      if (sampleRatioCheck(units, [0.4, 0.6]).mismatch) fired++
    }
    expect(fired / 1000).toBeLessThanOrEqual(0.005)
  })
})
