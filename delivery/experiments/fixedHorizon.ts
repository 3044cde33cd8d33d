/**
 * Fixed-horizon inference: a two-sided t-test and interval on an effect,
 * valid when the results are read once, at a sample size chosen in advance.
 * On the absolute scale this is Welch's unequal-variance t-test (Welch 1947;
 * the p-value SciPy's `ttest_ind(equal_var=False)` gives); on the relative
 * scale the same test on the lift with its delta-method standard error, as
 * GrowthBook's frequentist engine does ("Statistical Details": p-value and
 * confidence interval), so that p-value and interval always agree.
 */
import { studentTQuantile, studentTTwoSided } from './distributions'
import { type Effect, welchSatterthwaite } from './effects'
import { type MeanSummary } from './sufficientStatistics'

export type TestResult = {
  /** t = estimate / standard error. */
  t: number
  pValue: number
  /** The (1 − α) interval: estimate ± t_{1−α/2, ν} · standard error. */
  interval: readonly [number, number]
}

/** p = 2 (1 − F_t(|Δ̂ / σ̂_Δ|, ν)) and Δ̂ ± F_t⁻¹(1 − α/2, ν) σ̂_Δ (GrowthBook, "Statistical Details", frequentist engine). */
export function tTest(effect: Effect, alpha = 0.05): TestResult {
  const standardError = Math.sqrt(effect.variance)
  const t = effect.estimate / standardError
  const halfWidth = studentTQuantile(1 - alpha / 2, effect.degreesOfFreedom) * standardError
  return { t, pValue: studentTTwoSided(t, effect.degreesOfFreedom), interval: [effect.estimate - halfWidth, effect.estimate + halfWidth] }
}

/**
 * Welch's two-sided t-test of treatment against control from summary
 * statistics (each arm's mean, variance of one unit's value, and size).
 */
export function welchTest(control: MeanSummary, treatment: MeanSummary, alpha = 0.05): TestResult & { degreesOfFreedom: number } {
  const controlVarianceOfMean = control.variance / control.units
  const treatmentVarianceOfMean = treatment.variance / treatment.units
  const effect: Effect = {
    scale: 'absolute',
    estimate: treatment.mean - control.mean,
    variance: controlVarianceOfMean + treatmentVarianceOfMean,
    degreesOfFreedom: welchSatterthwaite(controlVarianceOfMean, control.units, treatmentVarianceOfMean, treatment.units),
    theta: 0,
  }
  return { ...tTest(effect, alpha), degreesOfFreedom: effect.degreesOfFreedom }
}
