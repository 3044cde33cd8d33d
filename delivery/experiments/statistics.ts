/**
 * An experiment's results for one metric: per arm, its units and metric
 * value, and against the control its lift (or difference) with a
 * fixed-horizon interval and Welch p-value, a peek-safe confidence sequence
 * (the default view), a Bayesian chance to beat control, Holm-adjusted
 * p-values when several arms compete, and a verdict; plus health checks.
 *
 * Everything is computed from per-arm sufficient statistics
 * (sufficientStatistics.ts): the work is a few arithmetic operations per arm,
 * whatever the number of exposures behind the sums.
 */
import { z } from 'zod'

import { chanceToBeatControl } from './bayesian'
import { EFFECT_SCALES, effectOf, type EffectScale, isEffect, type NoEffect } from './effects'
import { tTest } from './fixedHorizon'
import {
  DEFAULT_MAXIMUM_CONTROL_RELATIVE_ERROR,
  DEFAULT_MINIMUM_UNITS_PER_ARM,
  enoughDataForVerdict,
  multipleExposuresCheck,
  type MultipleExposuresCheck,
  sampleRatioCheck,
  type SampleRatioCheck,
} from './health'
import { holmAdjusted } from './multipleTesting'
import { confidenceSequence, DEFAULT_SEQUENTIAL_TUNING } from './sequential'
import { ArmStatisticsSchema, meanOf } from './sufficientStatistics'

export const ExperimentStatisticsInputSchema = z.object({
  /** The control first, then each treatment arm, with the weight it was assigned at. */
  arms: z
    .array(z.object({ id: z.string().min(1), weight: z.number().min(0), statistics: ArmStatisticsSchema }))
    .min(2),
  /** Units exposed to more than one arm (left out of every arm's statistics), when known. */
  unitsInSeveralArms: z.number().int().min(0).optional(),
})
export type ExperimentStatisticsInput = z.infer<typeof ExperimentStatisticsInputSchema>

export const INFERENCE_VIEWS = ['sequential', 'fixed-horizon'] as const
/** Sequential: confidence sequences, safe to read at any time (the default). Fixed-horizon: read once, at a planned sample size. */
export type InferenceView = (typeof INFERENCE_VIEWS)[number]

export const ResultsOptionsSchema = z.object({
  scale: z.enum(EFFECT_SCALES).default('relative'),
  /** False for metrics where less is better (bounces, cancellations). */
  higherIsBetter: z.boolean().default(true),
  /** 1 − the interval's coverage: 0.05 gives 95 % intervals. */
  alpha: z.number().gt(0).lt(1).default(0.05),
  view: z.enum(INFERENCE_VIEWS).default('sequential'),
  /** The total sample size at which the confidence sequence is tightest (GrowthBook's N*). */
  sequentialTuning: z.number().positive().default(DEFAULT_SEQUENTIAL_TUNING),
  minimumUnitsPerArm: z.number().int().min(2).default(DEFAULT_MINIMUM_UNITS_PER_ARM),
  /** For a lift: the control mean's largest relative standard error that still allows a verdict. */
  maximumControlRelativeError: z.number().positive().default(DEFAULT_MAXIMUM_CONTROL_RELATIVE_ERROR),
  /** Adjust with the pre-exposure covariate when the arms carry its sums (Deng et al. 2013). */
  cuped: z.boolean().default(true),
})
export type ResultsOptions = z.input<typeof ResultsOptionsSchema>

export type Verdict = 'better' | 'worse' | 'inconclusive' | 'too-little-data' | 'not-estimable'

export type Inference = {
  interval: readonly [number, number]
  pValue: number
  /** Holm-adjusted over the treatment arms when there are more than one; the p-value itself otherwise. */
  adjustedPValue: number
}

export type ArmComparison =
  | { estimable: false; reason: NoEffect['undefined']; verdict: 'not-estimable' }
  | {
      estimable: true
      /** The lift (relative scale) or difference (absolute scale) against control; CUPED-adjusted when θ ≠ 0. */
      effect: number
      standardError: number
      /** CUPED's θ (0: not adjusted). */
      theta: number
      fixedHorizon: Inference
      sequential: Inference
      chanceToBeatControl: number
      verdict: Verdict
    }

export type ArmResult = {
  id: string
  units: number
  /** The metric's mean per unit: conversion rate, count or value per unit. */
  mean: number
  /** Against the control; absent for the control itself. */
  comparison?: ArmComparison
}

export type ExperimentStatistics = {
  scale: EffectScale
  view: InferenceView
  alpha: number
  /** Holm's correction applies when more than one treatment arm is compared with control. */
  correction: 'holm' | 'none'
  arms: ArmResult[]
  health: {
    sampleRatio: SampleRatioCheck
    multipleExposures?: MultipleExposuresCheck
    /** Some comparison lacks the data for a verdict (units, or the control's precision for a lift). */
    tooLittleData: boolean
  }
}

/** The verdict a reader acts on: read from the chosen view's adjusted p-value, never below the minimum sample. */
function verdictOf(read: Inference, improves: boolean, enoughData: boolean, alpha: number): Verdict {
  if (!enoughData) return 'too-little-data'
  if (read.adjustedPValue >= alpha) return 'inconclusive'
  return improves ? 'better' : 'worse'
}

export function experimentStatistics(input: ExperimentStatisticsInput, options: ResultsOptions = {}): ExperimentStatistics {
  const settings = ResultsOptionsSchema.parse(options)
  const control = input.arms[0]!.statistics
  const treatments = input.arms.slice(1)

  const estimates = treatments.map((arm) => {
    const effect = effectOf(control, arm.statistics, settings.scale, settings.cuped)
    if (!isEffect(effect)) return effect
    return {
      effect,
      fixedHorizon: tTest(effect, settings.alpha),
      sequential: confidenceSequence(effect, control.units + arm.statistics.units, settings.alpha, settings.sequentialTuning),
    }
  })
  const correction = treatments.length > 1 ? 'holm' : 'none'
  const adjusted = (view: 'fixedHorizon' | 'sequential') => {
    const pValues = estimates.map((estimate) => ('undefined' in estimate ? null : estimate[view].pValue))
    return correction === 'holm' ? holmAdjusted(pValues) : pValues.map((p) => p ?? 1)
  }
  const fixedAdjusted = adjusted('fixedHorizon')
  const sequentialAdjusted = adjusted('sequential')
  const enoughData = treatments.map((arm) => enoughDataForVerdict(control, arm.statistics, settings.scale, settings))

  const comparisons = estimates.map((estimate, i): ArmComparison => {
    if ('undefined' in estimate) return { estimable: false, reason: estimate.undefined, verdict: 'not-estimable' }
    const { effect } = estimate
    const fixedHorizon = { interval: estimate.fixedHorizon.interval, pValue: estimate.fixedHorizon.pValue, adjustedPValue: fixedAdjusted[i]! }
    const sequential = { interval: estimate.sequential.interval, pValue: estimate.sequential.pValue, adjustedPValue: sequentialAdjusted[i]! }
    const improves = settings.higherIsBetter ? effect.estimate > 0 : effect.estimate < 0
    return {
      estimable: true,
      effect: effect.estimate,
      standardError: Math.sqrt(effect.variance),
      theta: effect.theta,
      fixedHorizon,
      sequential,
      chanceToBeatControl: chanceToBeatControl(effect, settings.higherIsBetter),
      verdict: verdictOf(settings.view === 'sequential' ? sequential : fixedHorizon, improves, enoughData[i]!, settings.alpha),
    }
  })

  const units = input.arms.map((arm) => arm.statistics.units)
  return {
    scale: settings.scale,
    view: settings.view,
    alpha: settings.alpha,
    correction,
    arms: input.arms.map((arm, i) => ({
      id: arm.id,
      units: arm.statistics.units,
      mean: meanOf(arm.statistics),
      ...(i === 0 ? {} : { comparison: comparisons[i - 1] }),
    })),
    health: {
      sampleRatio: sampleRatioCheck(
        units,
        input.arms.map((arm) => arm.weight),
      ),
      ...(input.unitsInSeveralArms === undefined
        ? {}
        : { multipleExposures: multipleExposuresCheck(input.unitsInSeveralArms, units.reduce((sum, count) => sum + count, 0)) }),
      tooLittleData: enoughData.includes(false),
    },
  }
}
