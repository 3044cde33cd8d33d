/**
 * Health checks that say when results should not be trusted, whatever they
 * show: a sample ratio mismatch (the split is not the one configured: a bug
 * in assignment, exposure logging or bot filtering biases every metric),
 * units exposed to more than one arm, and arms with too little data to say
 * anything. The SRM and multiple-exposure thresholds are GrowthBook's defaults.
 */
import { chiSquareSurvival } from './distributions'
import { type EffectScale } from './effects'
import { type ArmStatistics, meanOf, varianceOf } from './sufficientStatistics'

/** GrowthBook's default SRM threshold: a split this unlikely under the weights is flagged. */
export const SRM_P_VALUE_THRESHOLD = 0.001
/** GrowthBook warns when more than 1 % of units saw more than one arm. */
export const MULTIPLE_EXPOSURES_THRESHOLD = 0.01
/** Our default: below this many units in an arm, no verdict (the normal approximations are not yet to be trusted). */
export const DEFAULT_MINIMUM_UNITS_PER_ARM = 100
/**
 * Our default: a lift needs the control mean known to ±10 % (its relative
 * standard error). The delta method's normal approximation of a ratio holds
 * only while the denominator's coefficient of variation is small (Hirschberg
 * & Lye 2010, "A Geometric Comparison of the Delta and Fieller Confidence
 * Intervals", The American Statistician 64); for a conversion rate p this
 * asks for about 100 (1 − p) conversions in the control.
 */
export const DEFAULT_MAXIMUM_CONTROL_RELATIVE_ERROR = 0.1

export type DataRequirements = { minimumUnitsPerArm: number; maximumControlRelativeError: number }

/** Whether a comparison has the data for a verdict: enough units in both arms and, for a lift, a precise enough control mean. */
export function enoughDataForVerdict(control: ArmStatistics, treatment: ArmStatistics, scale: EffectScale, requirements: DataRequirements): boolean {
  if (control.units < requirements.minimumUnitsPerArm || treatment.units < requirements.minimumUnitsPerArm) return false
  if (scale === 'absolute') return true
  const relativeError = Math.sqrt(varianceOf(control) / control.units) / Math.abs(meanOf(control))
  return relativeError <= requirements.maximumControlRelativeError
}

export type SampleRatioCheck = { chiSquare: number; degreesOfFreedom: number; pValue: number; mismatch: boolean }

/**
 * Pearson's χ² goodness of fit of the units per arm against the arms'
 * weights: χ² = Σ (Oᵢ − Eᵢ)² / Eᵢ with Eᵢ = N wᵢ / Σw, on k − 1 degrees of
 * freedom (Pearson 1900; for SRM, Fabijan et al. 2019, "Diagnosing Sample
 * Ratio Mismatch in Online Controlled Experiments", KDD). Units in an arm of
 * weight 0 cannot happen by chance: that is a mismatch with p = 0.
 */
export function sampleRatioCheck(units: readonly number[], weights: readonly number[], threshold = SRM_P_VALUE_THRESHOLD): SampleRatioCheck {
  const total = units.reduce((sum, count) => sum + count, 0)
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0)
  let chiSquare = 0
  let categories = 0
  for (let i = 0; i < units.length; i++) {
    const expected = (total * weights[i]!) / totalWeight
    if (expected === 0) {
      if (units[i]! > 0) return { chiSquare: Infinity, degreesOfFreedom: Math.max(1, units.length - 1), pValue: 0, mismatch: true }
      continue
    }
    chiSquare += (units[i]! - expected) ** 2 / expected
    categories++
  }
  const degreesOfFreedom = categories - 1
  if (total === 0 || degreesOfFreedom < 1) return { chiSquare: 0, degreesOfFreedom: Math.max(0, degreesOfFreedom), pValue: 1, mismatch: false }
  const pValue = chiSquareSurvival(chiSquare, degreesOfFreedom)
  return { chiSquare, degreesOfFreedom, pValue, mismatch: pValue < threshold }
}

export type MultipleExposuresCheck = { units: number; share: number; tooMany: boolean }

/** Units that saw more than one arm (and are left out of every arm), as a share of all exposed units. */
export function multipleExposuresCheck(unitsInSeveralArms: number, unitsInOneArm: number, threshold = MULTIPLE_EXPOSURES_THRESHOLD): MultipleExposuresCheck {
  const all = unitsInSeveralArms + unitsInOneArm
  const share = all === 0 ? 0 : unitsInSeveralArms / all
  return { units: unitsInSeveralArms, share, tooMany: share > threshold }
}
