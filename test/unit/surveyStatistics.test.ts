/** Survey scores and intervals against hand-computed examples (the formulas are in surveyStatistics.ts). */
import { describe, expect, it } from 'vitest'

import { csatOf, meanOf, npsOf, npsPoints } from '../../delivery/customers/surveyStatistics'

const repeat = (value: number, times: number) => Array.from({ length: times }, () => value)

describe('survey statistics', () => {
  it('NPS: 50 promoters, 30 passives, 20 detractors → 30, variance 100²·[0.7 − 0.09]/100 = 61, 30 ± 1.96·√61', () => {
    const result = npsOf([...repeat(10, 25), ...repeat(9, 25), ...repeat(8, 15), ...repeat(7, 15), ...repeat(6, 10), ...repeat(0, 10)])!
    expect(result).toMatchObject({ n: 100, promoters: 50, passives: 30, detractors: 20 })
    expect(result.score).toBeCloseTo(30, 10)
    expect(result.variance).toBeCloseTo(61, 10)
    expect(result.low).toBeCloseTo(14.692191924957328, 9)
    expect(result.high).toBeCloseTo(45.30780807504267, 9)
  })

  it('NPS of nobody is undefined, of all promoters is 100 with no spread', () => {
    expect(npsOf([])).toBeUndefined()
    expect(npsOf([9, 10, 10])).toMatchObject({ score: 100, variance: 0, low: 100, high: 100 })
  })

  it('CES: mean 5.5 of [5, 6, 7, 4, 5, 6], s = √1.1, 5.5 ± 1.96·s/√6', () => {
    const result = meanOf([5, 6, 7, 4, 5, 6])!
    expect(result.score).toBe(5.5)
    expect(result.sd).toBeCloseTo(Math.sqrt(1.1), 12)
    expect(result.low).toBeCloseTo(4.660793559092526, 9)
    expect(result.high).toBeCloseTo(6.339206440907474, 9)
  })

  it('CSAT: 7 of 10 answer 4 or 5 → 70 %, Wilson interval [39.68, 89.22]', () => {
    const result = csatOf([5, 4, 3, 5, 2, 4, 5, 1, 4, 5])!
    expect(result.score).toBeCloseTo(70, 10)
    expect(result.low).toBeCloseTo(39.677814746114537, 8)
    expect(result.high).toBeCloseTo(89.22087325936989, 8)
  })

  it('scores NPS +1 / 0 / −1 per respondent, whose mean × 100 is the NPS', () => {
    const scores = [10, 9, 8, 7, 6, 0, 3, 10]
    const mean = scores.map(npsPoints).reduce((sum: number, point) => sum + point, 0) / scores.length
    expect(mean * 100).toBeCloseTo(npsOf(scores)!.score, 10)
  })
})
