import { describe, expect, it } from 'vitest'

import { type CompiledCondition, conditionHolds, evaluateSegments } from '../../engine'
import { context, segment } from '../support/snapshotBuilders'

const condition = (operator: CompiledCondition['operator'], operands: (string | number)[], attribute: CompiledCondition['attribute'] = 'city', trait?: string): CompiledCondition => ({
  attribute,
  operator,
  operands,
  ...(trait ? { trait } : {}),
})

describe('rule operators', () => {
  it('equals / not equals compare text case-insensitively (operands are compiled lower-case)', () => {
    expect(conditionHolds(condition('equals', ['paris']), 'paris')).toBe(true)
    expect(conditionHolds(condition('equals', ['paris']), 'lyon')).toBe(false)
    expect(conditionHolds(condition('equals', ['paris']), undefined)).toBe(false)
    expect(conditionHolds(condition('not_equals', ['paris']), 'lyon')).toBe(true)
    expect(conditionHolds(condition('not_equals', ['paris']), undefined)).toBe(true)
    expect(conditionHolds(condition('equals', ['3'], 'trait', 'visits'), 3)).toBe(true)
    expect(conditionHolds(condition('equals', ['true'], 'trait', 'vip'), true)).toBe(true)
  })

  it('in / not in test membership in the listed values', () => {
    expect(conditionHolds(condition('in', ['sat', 'sun'], 'weekday'), 'sun')).toBe(true)
    expect(conditionHolds(condition('in', ['sat', 'sun'], 'weekday'), 'mon')).toBe(false)
    expect(conditionHolds(condition('not_in', ['sat', 'sun'], 'weekday'), 'mon')).toBe(true)
    expect(conditionHolds(condition('not_in', ['sat', 'sun'], 'weekday'), 'sat')).toBe(false)
  })

  it('contains finds a substring, or an element of a list value', () => {
    expect(conditionHolds(condition('contains', ['google'], 'referrer'), 'https://www.google.fr/')).toBe(true)
    expect(conditionHolds(condition('contains', ['bing'], 'referrer'), 'https://www.google.fr/')).toBe(false)
    expect(conditionHolds(condition('contains', ['shoes'], 'trait', 'interests'), ['bags', 'shoes'])).toBe(true)
  })

  it('exists / not exists tell known from unknown (empty counts as unknown)', () => {
    expect(conditionHolds(condition('exists', [], 'trait', 'email'), 'a@b.c')).toBe(true)
    expect(conditionHolds(condition('exists', [], 'trait', 'email'), '')).toBe(false)
    expect(conditionHolds(condition('exists', [], 'trait', 'tags'), [])).toBe(false)
    expect(conditionHolds(condition('not_exists', [], 'trait', 'visits'), undefined)).toBe(true)
    expect(conditionHolds(condition('not_exists', [], 'trait', 'visits'), 0)).toBe(false)
  })

  it('<, ≤, >, ≥ compare numbers, numeric text and dates; unknown never compares', () => {
    expect(conditionHolds(condition('lt', [3], 'trait', 'visits'), 2)).toBe(true)
    expect(conditionHolds(condition('lt', [3], 'trait', 'visits'), '2')).toBe(true)
    expect(conditionHolds(condition('lt', [3], 'trait', 'visits'), 3)).toBe(false)
    expect(conditionHolds(condition('lte', [3], 'trait', 'visits'), 3)).toBe(true)
    expect(conditionHolds(condition('gt', [3], 'trait', 'visits'), 4)).toBe(true)
    expect(conditionHolds(condition('gt', [3], 'trait', 'visits'), 'many')).toBe(false)
    expect(conditionHolds(condition('gte', [3], 'trait', 'visits'), 3)).toBe(true)
    expect(conditionHolds(condition('gte', [3], 'trait', 'visits'), undefined)).toBe(false)
    expect(conditionHolds(condition('lt', ['2026-12-01'], 'date'), '2026-11-30')).toBe(true)
    expect(conditionHolds(condition('gt', ['2026-12-01'], 'date'), '2026-11-30')).toBe(false)
  })

  it('between includes both ends, and wraps past midnight for clock times', () => {
    expect(conditionHolds(condition('between', [18, 65], 'trait', 'age'), 18)).toBe(true)
    expect(conditionHolds(condition('between', [18, 65], 'trait', 'age'), 66)).toBe(false)
    expect(conditionHolds(condition('between', ['2026-12-01', '2026-12-24'], 'date'), '2026-12-24')).toBe(true)
    expect(conditionHolds(condition('between', [22 * 60, 2 * 60], 'time'), 23 * 60)).toBe(true)
    expect(conditionHolds(condition('between', [22 * 60, 2 * 60], 'time'), 60)).toBe(true)
    expect(conditionHolds(condition('between', [22 * 60, 2 * 60], 'time'), 12 * 60)).toBe(false)
    expect(conditionHolds(condition('between', [9 * 60, 17 * 60], 'time'), 12 * 60)).toBe(true)
  })
})

describe('segment membership', () => {
  const paris = segment('paris-evening', 50, [condition('equals', ['paris']), condition('equals', ['evening'], 'daypart')])
  const gold = segment('loyal-gold', 100, [condition('equals', ['gold'], 'trait', 'loyaltyTier')])

  it('evaluates context rules in the time zone of the decision', () => {
    // 18:30 in Paris is 17:30 UTC.
    const evening = context({ geo: { city: 'Paris' }, timezone: 'Europe/Paris' }, Date.parse('2026-11-24T17:30:00Z'))
    expect(evening.daypart).toBe('evening')
    expect(evaluateSegments([paris], evening).members.map((s) => s.slug)).toEqual(['paris-evening'])
    const morning = context({ geo: { city: 'Paris' }, timezone: 'Europe/Paris' }, Date.parse('2026-11-24T08:00:00Z'))
    expect(evaluateSegments([paris], morning).members).toEqual([])
  })

  it('matches any-groups when one condition holds, and nested groups', () => {
    const weekendOrLyon = segment('weekend-or-lyon', 1, [], {
      rule: {
        match: 'any',
        conditions: [condition('in', ['sat', 'sun'], 'weekday')],
        groups: [{ match: 'all', conditions: [condition('equals', ['lyon'])], groups: [] }],
      },
    })
    expect(evaluateSegments([weekendOrLyon], context({ geo: { city: 'Lyon' } })).members).toHaveLength(1)
    expect(evaluateSegments([weekendOrLyon], context({ geo: { city: 'Nice' } })).members).toHaveLength(0)
  })

  it('reads traits only with personalization consent, and says the decision used visitor data', () => {
    const withConsent = evaluateSegments([gold], context({ traits: { loyaltyTier: 'Gold' } }))
    expect(withConsent.members.map((s) => s.slug)).toEqual(['loyal-gold'])
    expect(withConsent.usedVisitorData).toBe(true)

    const without = evaluateSegments([gold], context({ traits: { loyaltyTier: 'gold' }, consents: [] }))
    expect(without.members).toEqual([])
    expect(without.usedVisitorData).toBe(false)
  })

  it('takes a segment asserted by a trusted caller as a membership', () => {
    const result = evaluateSegments([gold, paris], context({ segments: ['loyal-gold'] }))
    expect(result.members.map((s) => s.slug)).toEqual(['loyal-gold'])
    expect(result.usedVisitorData).toBe(true)
  })

  it('records which context attributes were read, and explains itself when asked', () => {
    const result = evaluateSegments([paris], context({ geo: { city: 'Lyon' } }), true)
    expect([...result.attributesRead]).toEqual(['city'])
    expect(result.memberships[0]?.reasons[0]).toMatch(/city equals "paris": no \(is "lyon"\)/)
  })
})
