/** Interest scores decay with their half-life, in closed form, whatever the order events arrive in. */
import { describe, expect, it } from 'vitest'

import { addPoints, type CompiledScore, pointsFor, scoreAt } from '../../engine'

const score: CompiledScore = { key: 'candle-interest', rules: [{ event: 'page_view', category: 'candles', points: 5 }, { event: 'page_view', points: 1 }], cap: 100, halfLifeDays: 14 }
const day = (n: number) => new Date(Date.parse('2026-06-01T00:00:00Z') + n * 86_400_000).toISOString()

describe('interest scores', () => {
  it('decays to 10 · 2^(−t/14) after t days: half after one half-life, a quarter after two', () => {
    const state = { value: 10, at: day(0) }
    expect(scoreAt(state, 14, Date.parse(day(14)))).toBeCloseTo(5, 12)
    expect(scoreAt(state, 14, Date.parse(day(28)))).toBeCloseTo(2.5, 12)
    expect(scoreAt(state, 14, Date.parse(day(3)))).toBeCloseTo(10 * Math.pow(2, -3 / 14), 12)
  })

  it('adds points incrementally: 5 on day 0 and 5 on day 7 is 5·2^(−1/2) + 5 on day 7, the same in either arrival order', () => {
    const inOrder = addPoints(addPoints(undefined, score, 5, day(0)), score, 5, day(7))
    const late = addPoints(addPoints(undefined, score, 5, day(7)), score, 5, day(0))
    const expected = 5 * Math.pow(2, -0.5) + 5
    expect(scoreAt(inOrder, 14, Date.parse(day(7)))).toBeCloseTo(expected, 12)
    expect(scoreAt(late, 14, Date.parse(day(7)))).toBeCloseTo(expected, 12)
    expect(scoreAt(inOrder, 14, Date.parse(day(21)))).toBeCloseTo(expected / 2, 12)
  })

  it('never exceeds its cap, and the most specific rule gives the points', () => {
    let state
    for (let n = 0; n < 50; n++) state = addPoints(state, score, 5, day(0))
    expect(state!.value).toBe(100)
    expect(pointsFor(score, 'page_view', 'candles')).toBe(5)
    expect(pointsFor(score, 'page_view', 'linen')).toBe(1)
    expect(pointsFor(score, 'click', 'candles')).toBe(0)
  })
})
