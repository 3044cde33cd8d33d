/**
 * With more than one treatment arm, the chance that some arm looks better
 * than control by luck grows with the number of arms. Holm's step-down
 * procedure (Holm 1979, "A Simple Sequentially Rejective Multiple Test
 * Procedure", Scandinavian Journal of Statistics 6) keeps the family-wise
 * error rate at α and is uniformly more powerful than Bonferroni.
 */

/**
 * Holm-adjusted p-values, in the order given: with p₍₁₎ ≤ … ≤ p₍ₘ₎,
 * p̃₍ᵢ₎ = max_{j ≤ i} min(1, (m − j + 1) p₍ⱼ₎). Rejecting where p̃ < α is Holm's
 * procedure. A missing p-value (an arm without an estimate) counts as 1, so
 * it still counts among the m hypotheses.
 */
export function holmAdjusted(pValues: readonly (number | null)[]): number[] {
  const m = pValues.length
  const order = pValues.map((p, index) => ({ p: p ?? 1, index })).sort((a, b) => a.p - b.p)
  const adjusted = new Array<number>(m)
  let running = 0
  order.forEach(({ p, index }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p))
    adjusted[index] = running
  })
  return adjusted
}
