/**
 * The effect of a treatment arm against the control, with its variance: the
 * estimate every inference (fixed-horizon, sequential, Bayesian) starts from.
 * GrowthBook's "Statistical Details" documentation describes the same
 * estimators; ours follow the references given at each formula.
 *
 * With CUPED (Deng, Xu, Kohavi & Walker 2013, "Improving the Sensitivity of
 * Online Controlled Experiments by Utilizing Pre-Experiment Data", WSDM), each
 * arm's mean is adjusted by θ times its pre-exposure covariate mean, with θ
 * pooled over both arms. Randomization makes the covariate's expected
 * difference zero, so the estimate stays unbiased and its variance shrinks by
 * the squared correlation of metric and covariate. Without a covariate θ = 0
 * and every formula below reduces to the unadjusted one.
 */
import { type ArmStatistics, covarianceFromSums, meanOf, varianceOf } from './sufficientStatistics'

export const EFFECT_SCALES = ['relative', 'absolute'] as const
/** Relative: lift (μT − μC) / μC, for metrics with a positive control mean. Absolute: μT − μC (scores such as NPS). */
export type EffectScale = (typeof EFFECT_SCALES)[number]

export type Effect = {
  scale: EffectScale
  estimate: number
  /** Variance of the estimate (its standard error squared). */
  variance: number
  /** Welch–Satterthwaite degrees of freedom of the two arms' (adjusted) variances. */
  degreesOfFreedom: number
  /** CUPED's θ; 0 without a covariate. */
  theta: number
}

/** Why an effect cannot be estimated: too few units, no variation at all, or a lift over a control mean that is not positive. */
export type NoEffect = { scale: EffectScale; undefined: 'too-few-units' | 'no-variance' | 'control-mean-not-positive' }

/**
 * Welch–Satterthwaite degrees of freedom for the difference of two means,
 * given each arm's variance of the mean (s²/n) and size (Welch 1947,
 * Biometrika 34; Satterthwaite 1946).
 */
export function welchSatterthwaite(controlVarianceOfMean: number, controlUnits: number, treatmentVarianceOfMean: number, treatmentUnits: number): number {
  const total = controlVarianceOfMean + treatmentVarianceOfMean
  return (total * total) / ((controlVarianceOfMean * controlVarianceOfMean) / (controlUnits - 1) + (treatmentVarianceOfMean * treatmentVarianceOfMean) / (treatmentUnits - 1))
}

/** θ = Cov(X, Y) / Var(X) over the units of both arms (Deng et al. 2013, eq. 4, as GrowthBook's CUPED documentation cites it); 0 when either arm lacks the covariate or it never varies. */
export function cupedTheta(control: ArmStatistics, treatment: ArmStatistics): number {
  if (!control.covariate || !treatment.covariate) return 0
  const units = control.units + treatment.units
  const sumY = control.sum + treatment.sum
  const sumX = control.covariate.sum + treatment.covariate.sum
  const varianceX = covarianceFromSums(units, sumX, sumX, control.covariate.sumOfSquares + treatment.covariate.sumOfSquares)
  if (!(varianceX > 0)) return 0
  return covarianceFromSums(units, sumX, sumY, control.covariate.sumOfProducts + treatment.covariate.sumOfProducts) / varianceX
}

/** One arm's means and (co)variances per unit, for the formulas below. */
type ArmMoments = { units: number; meanY: number; meanX: number; varianceY: number; varianceX: number; covarianceXY: number }

function momentsOf(arm: ArmStatistics): ArmMoments {
  const covariate = arm.covariate
  return {
    units: arm.units,
    meanY: meanOf(arm),
    varianceY: varianceOf(arm),
    meanX: covariate && arm.units > 0 ? covariate.sum / arm.units : 0,
    varianceX: covariate ? Math.max(0, covarianceFromSums(arm.units, covariate.sum, covariate.sum, covariate.sumOfSquares)) : 0,
    covarianceXY: covariate ? covarianceFromSums(arm.units, covariate.sum, arm.sum, covariate.sumOfProducts) : 0,
  }
}

/** Var(Y − θX) per unit = s²_Y + θ² s²_X − 2θ s_XY (Deng et al. 2013, §3), clamped at 0 against rounding. */
const adjustedVariance = (arm: ArmMoments, theta: number): number => Math.max(0, arm.varianceY + theta * theta * arm.varianceX - 2 * theta * arm.covarianceXY)

/**
 * The effect of `treatment` against `control` on a scale, CUPED-adjusted when
 * both arms carry covariate sums and `cuped` is on.
 */
export function effectOf(control: ArmStatistics, treatment: ArmStatistics, scale: EffectScale, cuped = true): Effect | NoEffect {
  if (control.units < 2 || treatment.units < 2) return { scale, undefined: 'too-few-units' }
  const theta = cuped ? cupedTheta(control, treatment) : 0
  const c = momentsOf(control)
  const t = momentsOf(treatment)
  const controlVariance = adjustedVariance(c, theta)
  const treatmentVariance = adjustedVariance(t, theta)
  if (controlVariance === 0 && treatmentVariance === 0) return { scale, undefined: 'no-variance' }
  const degreesOfFreedom = welchSatterthwaite(controlVariance / c.units, c.units, treatmentVariance / t.units, t.units)
  // The difference of adjusted means (Ȳ_T − θX̄_T) − (Ȳ_C − θX̄_C) (Deng et al. 2013, §3).
  const difference = t.meanY - c.meanY - theta * (t.meanX - c.meanX)

  if (scale === 'absolute') {
    return { scale, estimate: difference, variance: controlVariance / c.units + treatmentVariance / t.units, degreesOfFreedom, theta }
  }
  if (!(c.meanY > 0)) return { scale, undefined: 'control-mean-not-positive' }
  // Lift g(β) = difference / Ȳ_C; its variance by the delta method ∇gᵀ Λ ∇g with the arms independent
  // (Deng, Knoblich & Lu 2018, "Applying the Delta Method in Metric Analytics", KDD; GrowthBook's
  // "CUPED technical details", mean metric, relative case). The gradient for the treatment's
  // (Ȳ_T, X̄_T) is [1, −θ] / Ȳ_C; for the control's (Ȳ_C, X̄_C) it is [a, θ] / Ȳ_C with
  // a = −(Ȳ_T − θ(X̄_T − X̄_C)) / Ȳ_C. With θ = 0 this is the familiar
  // s²_T / (n_T Ȳ_C²) + s²_C Ȳ_T² / (n_C Ȳ_C⁴).
  const a = -(t.meanY - theta * (t.meanX - c.meanX)) / c.meanY
  const controlTerm = (a * a * c.varianceY + 2 * a * theta * c.covarianceXY + theta * theta * c.varianceX) / c.units
  const variance = (treatmentVariance / t.units + Math.max(0, controlTerm)) / (c.meanY * c.meanY)
  return { scale, estimate: difference / c.meanY, variance, degreesOfFreedom, theta }
}

export const isEffect = (effect: Effect | NoEffect): effect is Effect => !('undefined' in effect)
