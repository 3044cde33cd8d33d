/**
 * What results are computed from: per arm, a handful of sums, never the rows.
 * Every metric reduces to them: binomial (converted within N days: values 0
 * or 1), count per unit, mean value (revenue; NPS answers as +1/0/−1). A
 * database sums them in one pass (COUNT, SUM(y), SUM(y²), and for CUPED
 * SUM(x), SUM(x²), SUM(x·y) of a pre-exposure covariate x), so a result with a
 * million exposures costs the same as one with a hundred.
 */
import { z } from 'zod'

export const CovariateSumsSchema = z.object({
  /** Σx over the arm's units: the pre-exposure value of the metric (or any behaviour before exposure). */
  sum: z.number(),
  /** Σx² */
  sumOfSquares: z.number().min(0),
  /** Σx·y, with y the unit's metric value after exposure. */
  sumOfProducts: z.number(),
})
export type CovariateSums = z.infer<typeof CovariateSumsSchema>

export const ArmStatisticsSchema = z
  .object({
    /** Units exposed in the arm (each counted once). */
    units: z.number().int().min(0),
    /** Σy over the arm's units; units without any event count with y = 0. */
    sum: z.number(),
    /** Σy² */
    sumOfSquares: z.number().min(0),
    covariate: CovariateSumsSchema.optional(),
  })
  // Cauchy–Schwarz: (Σy)² ≤ n·Σy². Sums that break it were not summed from one set of units.
  .refine((arm) => arm.sum * arm.sum <= arm.units * arm.sumOfSquares * (1 + 1e-9) + 1e-9, 'The sum of squares is too small for the sum: these sums do not come from the same units.')
export type ArmStatistics = z.infer<typeof ArmStatisticsSchema>

/** A sample mean with its variance (of one unit's value, not of the mean) and size. */
export type MeanSummary = { mean: number; variance: number; units: number }

/** Sample mean ȳ = Σy / n. */
export const meanOf = (arm: ArmStatistics): number => (arm.units === 0 ? 0 : arm.sum / arm.units)

/**
 * Sample covariance of two values per unit from their sums, with Bessel's
 * correction: (Σab − Σa·Σb / n) / (n − 1). With a = b it is the variance,
 * clamped at 0 against rounding.
 */
export function covarianceFromSums(units: number, sumA: number, sumB: number, sumOfProducts: number): number {
  if (units < 2) return 0
  return (sumOfProducts - (sumA * sumB) / units) / (units - 1)
}

/** Sample variance s² = (Σy² − (Σy)² / n) / (n − 1). */
export const varianceOf = (arm: ArmStatistics): number => Math.max(0, covarianceFromSums(arm.units, arm.sum, arm.sum, arm.sumOfSquares))

export const summaryOf = (arm: ArmStatistics): MeanSummary => ({ mean: meanOf(arm), variance: varianceOf(arm), units: arm.units })

/**
 * The sufficient statistics of a list of unit values (and, for CUPED, their
 * pre-exposure covariates, in the same order). For tests and small samples;
 * at scale the database sums.
 */
export function summarizeUnits(values: readonly number[], covariates?: readonly number[]): ArmStatistics {
  let sum = 0
  let sumOfSquares = 0
  for (const value of values) {
    sum += value
    sumOfSquares += value * value
  }
  if (!covariates) return { units: values.length, sum, sumOfSquares }
  const covariate = { sum: 0, sumOfSquares: 0, sumOfProducts: 0 }
  covariates.forEach((x, i) => {
    covariate.sum += x
    covariate.sumOfSquares += x * x
    covariate.sumOfProducts += x * values[i]!
  })
  return { units: values.length, sum, sumOfSquares, covariate }
}

/** The statistics of two disjoint sets of units together (days, shards, stores). */
export function mergeArmStatistics(a: ArmStatistics, b: ArmStatistics): ArmStatistics {
  const merged: ArmStatistics = { units: a.units + b.units, sum: a.sum + b.sum, sumOfSquares: a.sumOfSquares + b.sumOfSquares }
  if (a.covariate && b.covariate) {
    merged.covariate = {
      sum: a.covariate.sum + b.covariate.sum,
      sumOfSquares: a.covariate.sumOfSquares + b.covariate.sumOfSquares,
      sumOfProducts: a.covariate.sumOfProducts + b.covariate.sumOfProducts,
    }
  }
  return merged
}

/** A binomial metric's statistics: each converted unit has y = 1, so Σy² = Σy. */
export const binomialArmStatistics = (units: number, conversions: number): ArmStatistics => ({ units, sum: conversions, sumOfSquares: conversions })
