/**
 * Survey answers as experiment metrics: a respondent's points, the arm's mean
 * and variance from the sufficient statistics equal the dashboards' NPS,
 * CSAT and CES and the NPS variance 100²·[p + d − (p − d)²] (hand-computed
 * examples); the metric reads its survey's answers whatever event the form said.
 */
import { describe, expect, it } from 'vitest'

import { metricsOf, surveyPoints } from '../../delivery/experiments'
import { csatOf, meanOf, npsOf } from '../../delivery/customers'

/** Mean and (population) variance of the points, as the results compute them from Σy, Σy² and n. */
function fromSums(points: number[]): { mean: number; variance: number } {
  const n = points.length
  const sum = points.reduce((total, y) => total + y, 0)
  const squares = points.reduce((total, y) => total + y * y, 0)
  return { mean: sum / n, variance: squares / n - (sum / n) ** 2 }
}

describe('survey metrics', () => {
  it('scores an NPS respondent +100, 0 or −100; the arm’s mean is its NPS, the variance Rocks’ formula', () => {
    // 10 respondents: 5 promoters (9, 10), 3 passives (7, 8), 2 detractors (0, 6): NPS = 100 · (0.5 − 0.2) = 30.
    const scores = [9, 10, 10, 9, 9, 7, 8, 8, 0, 6]
    expect(scores.map((score) => surveyPoints('nps', score))).toEqual([100, 100, 100, 100, 100, 0, 0, 0, -100, -100])
    const { mean, variance } = fromSums(scores.map((score) => surveyPoints('nps', score)))
    expect(mean).toBeCloseTo(30, 12)
    // 100² · [p + d − (p − d)²] = 10,000 · (0.5 + 0.2 − 0.09) = 6,100 per respondent; the dashboard's divides by n.
    expect(variance).toBeCloseTo(6100, 9)
    expect(npsOf(scores)!.score).toBeCloseTo(mean, 12)
    expect(npsOf(scores)!.variance * scores.length).toBeCloseTo(variance, 9)
  })

  it('scores CSAT as the top-two-box share and CES as the mean score, as the dashboards do', () => {
    const csat = [5, 4, 3, 1, 5]
    expect(fromSums(csat.map((score) => surveyPoints('csat', score))).mean).toBeCloseTo(60, 12)
    expect(csatOf(csat)!.score).toBeCloseTo(60, 12)
    const ces = [7, 6, 2, 5]
    expect(fromSums(ces.map((score) => surveyPoints('ces', score))).mean).toBe(5)
    expect(meanOf(ces)!.score).toBe(5)
  })

  it('reads the survey’s own answers, whatever event type and name the form held', () => {
    const [metric] = metricsOf({ primaryMetric: { label: 'NPS', kind: 'nps', eventType: 'conversion', eventName: 'purchase', windowDays: 14 } })
    expect(metric).toMatchObject({ kind: 'nps', eventType: 'form_answer', eventName: 'survey:nps', windowDays: 14, higherIsBetter: true })
  })
})
