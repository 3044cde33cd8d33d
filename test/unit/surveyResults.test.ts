/** The survey dashboards' arithmetic: trend per period with an interval per point, breakdowns, response rate, open answers. */
import { describe, expect, it } from 'vitest'

import { npsOf } from '../../delivery/customers'
import { periodOf, surveyResultsOf } from '../../delivery/customers/surveyResults'

const answer = (score: number, at: string, extra: Partial<{ channel: string; store: string; segments: string[]; followUp: string }> = {}) => ({ score, at, segments: [], arms: {}, ...extra })

describe('survey results', () => {
  it('groups by ISO week and by month', () => {
    expect(periodOf('2026-01-01T10:00:00.000Z', 'week')).toBe('2026-W01')
    expect(periodOf('2025-12-29T10:00:00.000Z', 'week')).toBe('2026-W01')
    expect(periodOf('2026-03-15T10:00:00.000Z', 'month')).toBe('2026-03')
  })

  it('gives the trend with an interval per month, the breakdowns, the response rate and the open answers', () => {
    const answers = [
      answer(10, '2026-01-05T00:00:00Z', { channel: 'web', store: 'lyon', segments: ['gold'] }),
      answer(3, '2026-01-20T00:00:00Z', { channel: 'email', followUp: 'Slow delivery' }),
      answer(9, '2026-02-02T00:00:00Z', { channel: 'web', segments: ['gold'] }),
    ]
    const results = surveyResultsOf('nps', answers, [{ at: '2026-02-03T00:00:00Z' }], 'month')
    expect(results.overall).toEqual({ n: 3, score: npsOf([10, 3, 9])!.score, low: npsOf([10, 3, 9])!.low, high: npsOf([10, 3, 9])!.high })
    expect(results.trend.map((point) => [point.period, point.result.n, point.result.score])).toEqual([
      ['2026-01', 2, 0],
      ['2026-02', 1, 100],
    ])
    expect(results.breakdowns.channel.map((row) => [row.key, row.result.n])).toEqual([['web', 2], ['email', 1]])
    expect(results.breakdowns.segment).toEqual([{ key: 'gold', result: expect.objectContaining({ n: 2, score: 100 }) }])
    expect(results.responseRate).toBe(0.75)
    expect(results.openAnswers).toEqual([{ at: '2026-01-20T00:00:00Z', score: 3, text: 'Slow delivery' }])
  })
})

describe('a survey answer’s context', () => {
  it('carries the experiment arms the person was served, and the dashboard breaks down by them', async () => {
    const { answerEvent } = await import('../../delivery/customers/answers')
    const question = { id: '9', trait: 'nps', type: 'nps' as const, text: { en: 'Recommend?' }, options: [], priority: 0, channels: [], purpose: 'personalization', requiresTraits: [], requiresSegments: [], cooldownDays: 30, fatigueDays: 30 }
    const event = answerEvent(question, { question: '9', action: 'answer', value: '10', channel: 'web' }, { ok: true, traits: { nps: 10, npsGroup: 'promoter' }, score: 10 }, 'key-12345678', ['gold'], { 'home-hero:1': 'free-delivery' })
    expect(event.properties).toMatchObject({ score: 10, segments: ['gold'], arms: { 'home-hero:1': 'free-delivery' } })
    const results = surveyResultsOf('nps', [{ ...answer(10, '2026-01-05T00:00:00Z'), arms: { 'home-hero:1': 'free-delivery' } }], [], 'month')
    expect(results.breakdowns.arm).toEqual([{ key: 'home-hero:1: free-delivery', result: expect.objectContaining({ n: 1, score: 100 }) }])
  })
})
