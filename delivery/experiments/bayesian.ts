/**
 * Chance to beat control, as GrowthBook's Bayesian engine reports it
 * ("Statistical Details", Bayesian engine): the effect estimate is
 * asymptotically normal, so with GrowthBook's default flat (improper) prior
 * the posterior of the effect is N(Δ̂, σ̂²_Δ), and the chance to win is
 * 1 − Φ_posterior(0) = Φ(Δ̂ / σ̂_Δ).
 */
import { normalCdf } from './distributions'
import { type Effect } from './effects'

/** P(the treatment is better than control): P(Δ > 0), or P(Δ < 0) when lower values are better. */
export function chanceToBeatControl(effect: Effect, higherIsBetter = true): number {
  const z = effect.estimate / Math.sqrt(effect.variance)
  return normalCdf(higherIsBetter ? z : -z)
}
