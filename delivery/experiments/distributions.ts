/**
 * The distribution functions experiment statistics need, from stdlib (ports
 * of Cephes and Boost, accurate far into the tails). Checked against SciPy in
 * test/unit/experimentStatisticsGolden.test.ts. Tails are computed directly,
 * never as 1 − cdf, so that small p-values keep their digits.
 */
import gammainc from '@stdlib/math-base-special-gammainc'
import normalCdfOf from '@stdlib/stats-base-dists-normal-cdf'
import normalQuantileOf from '@stdlib/stats-base-dists-normal-quantile'
import studentTCdfOf from '@stdlib/stats-base-dists-t-cdf'
import studentTQuantileOf from '@stdlib/stats-base-dists-t-quantile'

/** Φ(x), the standard normal CDF. */
export const normalCdf = (x: number): number => normalCdfOf(x, 0, 1)

/** Φ⁻¹(p), the standard normal quantile. */
export const normalQuantile = (p: number): number => normalQuantileOf(p, 0, 1)

/** P(T ≤ x) for Student's t with `degreesOfFreedom` (any positive real). */
export const studentTCdf = (x: number, degreesOfFreedom: number): number => studentTCdfOf(x, degreesOfFreedom)

/** The p-quantile of Student's t with `degreesOfFreedom`. */
export const studentTQuantile = (p: number, degreesOfFreedom: number): number => studentTQuantileOf(p, degreesOfFreedom)

/** P(|T| ≥ |t|): the two-sided tail, as twice the lower tail of −|t|. */
export const studentTTwoSided = (t: number, degreesOfFreedom: number): number => Math.min(1, 2 * studentTCdfOf(-Math.abs(t), degreesOfFreedom))

/**
 * P(X ≥ x) for X ~ χ²(k): the regularized upper incomplete gamma Q(k/2, x/2)
 * (Abramowitz & Stegun §26.4; NIST DLMF §8.2).
 */
export const chiSquareSurvival = (x: number, degreesOfFreedom: number): number => (x <= 0 ? 1 : gammainc(x / 2, degreesOfFreedom / 2, true, true))
