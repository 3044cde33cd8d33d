/**
 * Survey scores with 95 % intervals, from the answers alone (pure).
 *
 * - NPS (0–10): each respondent scores +1 (promoter, 9–10), 0 (passive, 7–8)
 *   or −1 (detractor, 0–6); NPS = 100 · (p − d), with p and d the shares of
 *   promoters and detractors. Its variance is the variance of that per-person
 *   score, scaled: Var = 100² · [p + d − (p − d)²] / n (B. Rocks, "Interval
 *   estimation for the Net Promoter Score", The American Statistician 70(4),
 *   2016, the Wald interval); interval NPS ± z · √Var.
 * - CES (1–7) and any mean score: the mean ± z · s / √n, s the sample
 *   standard deviation (n − 1), the normal-approximation interval.
 * - CSAT (1–5): the share answering 4 or 5 ("top two boxes"), × 100, with
 *   the Wilson score interval (E. B. Wilson, JASA 22, 1927), sound for small n
 *   and shares near 0 or 100 %.
 *
 * z = Φ⁻¹(0.975) = 1.959963984540054.
 */
export const Z_95 = 1.959963984540054

export type Interval = { low: number; high: number }
export type NpsResult = { n: number; score: number; promoters: number; passives: number; detractors: number; variance: number } & Interval
export type MeanResult = { n: number; score: number; sd: number } & Interval
export type ShareResult = { n: number; score: number } & Interval

export function npsOf(scores: readonly number[]): NpsResult | undefined {
  const n = scores.length
  if (n === 0) return undefined
  const promoters = scores.filter((score) => score >= 9).length
  const detractors = scores.filter((score) => score <= 6).length
  const p = promoters / n
  const d = detractors / n
  const score = 100 * (p - d)
  const variance = (100 * 100 * (p + d - (p - d) ** 2)) / n
  const half = Z_95 * Math.sqrt(variance)
  return { n, score, promoters, passives: n - promoters - detractors, detractors, variance, low: score - half, high: score + half }
}

export function meanOf(scores: readonly number[]): MeanResult | undefined {
  const n = scores.length
  if (n === 0) return undefined
  const mean = scores.reduce((sum, score) => sum + score, 0) / n
  const sd = n > 1 ? Math.sqrt(scores.reduce((sum, score) => sum + (score - mean) ** 2, 0) / (n - 1)) : 0
  const half = Z_95 * (sd / Math.sqrt(n))
  return { n, score: mean, sd, low: mean - half, high: mean + half }
}

export function csatOf(scores: readonly number[]): ShareResult | undefined {
  const n = scores.length
  if (n === 0) return undefined
  const p = scores.filter((score) => score >= 4).length / n
  const z2 = Z_95 * Z_95
  const denominator = 1 + z2 / n
  const center = (p + z2 / (2 * n)) / denominator
  const half = (Z_95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator
  return { n, score: 100 * p, low: 100 * (center - half), high: 100 * (center + half) }
}

export type SurveyScore = { n: number; score: number } & Interval

/** The score of one kind of survey, with its interval. */
export function surveyScore(kind: 'nps' | 'ces' | 'csat', scores: readonly number[]): SurveyScore | undefined {
  const result = kind === 'nps' ? npsOf(scores) : kind === 'ces' ? meanOf(scores) : csatOf(scores)
  return result && { n: result.n, score: result.score, low: result.low, high: result.high }
}

/**
 * The NPS as an experiment metric: the per-respondent +1 / 0 / −1 score
 * (its mean × 100 is the NPS), for the experiments' sufficient statistics.
 */
export const npsPoints = (score: number): 1 | 0 | -1 => (score >= 9 ? 1 : score >= 7 ? 0 : -1)
