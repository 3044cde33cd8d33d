/**
 * Peek-safe inference: asymptotic confidence sequences (Waudby-Smith, Arbour,
 * Sinha, Kennedy & Ramdas, "Time-uniform central limit theory and asymptotic
 * confidence sequences", Annals of Statistics 2024; arXiv:2103.06476), as
 * GrowthBook's sequential testing implements them. The interval holds at
 * every sample size at once, so results may be read as often as anyone likes
 * and the experiment stopped on any look, with the false positive rate still
 * at most α. The price is width: wider than the fixed-horizon interval
 * everywhere, least so near the tuning sample size.
 */
import { type Effect } from './effects'

/** GrowthBook's default tuning: the total sample size at which the sequence is tightest. */
export const DEFAULT_SEQUENTIAL_TUNING = 5000

export type SequentialResult = {
  /** The (1 − α) confidence sequence at the current sample size. */
  interval: readonly [number, number]
  /** Always-valid p-value: below α exactly when the interval excludes 0. */
  pValue: number
}

/**
 * The mixing parameter ρ that makes the two-sided boundary tightest at N*
 * total units: ρ² = (−2 ln α + ln(−2 ln α + 1)) / N* (the approximately
 * optimal ρ of Waudby-Smith et al.; GrowthBook's gbstats `sequential_rho`).
 */
export function sequentialRho(alpha: number, tuning = DEFAULT_SEQUENTIAL_TUNING): number {
  const twiceLogInverseAlpha = -2 * Math.log(alpha)
  return Math.sqrt((twiceLogInverseAlpha + Math.log(twiceLogInverseAlpha + 1)) / tuning)
}

/**
 * The confidence sequence for an effect after `totalUnits` units in both
 * arms. With σ² = n · Var(Δ̂) the per-unit variance, the half-width is
 * σ √( 2(nρ² + 1) / (n²ρ²) · ln(√(nρ² + 1) / α) ) (Waudby-Smith et al. §2,
 * the asymptotic CS with the Gaussian-mixture boundary). The always-valid
 * p-value inverts it: the mixture's value is
 * exp(ρ² n Δ̂² / (2σ²(nρ² + 1))) / √(nρ² + 1), and p = min(1, 1 / value)
 * (as GrowthBook's gbstats computes it, citing eq. 155 of arXiv:2103.06476v7).
 */
export function confidenceSequence(effect: Effect, totalUnits: number, alpha = 0.05, tuning = DEFAULT_SEQUENTIAL_TUNING): SequentialResult {
  const rho = sequentialRho(alpha, tuning)
  const n = totalUnits
  const rhoSquaredN = n * rho * rho
  const unitVariance = effect.variance * n
  const halfWidth = Math.sqrt(unitVariance) * Math.sqrt(((2 * (rhoSquaredN + 1)) / (rhoSquaredN * n)) * Math.log(Math.sqrt(rhoSquaredN + 1) / alpha))
  const logMixture = (rhoSquaredN * n * effect.estimate * effect.estimate) / (2 * unitVariance * (rhoSquaredN + 1)) - 0.5 * Math.log(rhoSquaredN + 1)
  return {
    interval: [effect.estimate - halfWidth, effect.estimate + halfWidth],
    pValue: Math.min(1, Math.exp(-logMixture)),
  }
}
