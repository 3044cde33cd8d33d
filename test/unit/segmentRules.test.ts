import { describe, expect, it } from 'vitest'

import { RuleConditionSchema, SegmentRulesSchema } from '../../engine'

function problems(input: unknown) {
  const result = RuleConditionSchema.safeParse(input)
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}

describe('a segment rule condition', () => {
  it('accepts a well-formed condition on context', () => {
    expect(problems({ attribute: 'city', operator: 'equals', value: 'Paris' })).toEqual([])
    expect(problems({ attribute: 'daypart', operator: 'in', values: ['evening', 'night'] })).toEqual([])
    expect(problems({ attribute: 'time', operator: 'between', value: '22:00', valueTo: '02:00' })).toEqual([])
  })

  it('needs a trait name when it reads a trait, and a valid one', () => {
    expect(problems({ attribute: 'trait', operator: 'exists' })).toEqual([
      { path: 'trait', message: expect.stringContaining('Name the trait') },
    ])
    expect(problems({ attribute: 'trait', trait: '1tier', operator: 'exists' })[0]?.path).toBe('trait')
    expect(problems({ attribute: 'trait', trait: 'loyaltyTier', operator: 'equals', value: 'gold' })).toEqual([])
  })

  it('needs a value for comparisons, a list for in / not in, and both ends for between', () => {
    expect(problems({ attribute: 'city', operator: 'equals' })[0]).toMatchObject({ path: 'value' })
    expect(problems({ attribute: 'city', operator: 'in', values: [] })[0]).toMatchObject({ path: 'values' })
    expect(problems({ attribute: 'city', operator: 'not_in' })[0]).toMatchObject({ path: 'values' })
    expect(problems({ attribute: 'date', operator: 'between', value: '2026-12-01' })[0]).toMatchObject({ path: 'valueTo' })
    expect(problems({ attribute: 'trait', trait: 'visits', operator: 'not_exists' })).toEqual([])
  })

  it('orders only numbers, dates and times', () => {
    expect(problems({ attribute: 'country', operator: 'lt', value: 'FR' })[0]).toMatchObject({ path: 'operator' })
    expect(problems({ attribute: 'trait', trait: 'visits', operator: 'gte', value: 'many' })[0]).toMatchObject({ path: 'value' })
    expect(problems({ attribute: 'trait', trait: 'visits', operator: 'gte', value: '3' })).toEqual([])
    expect(problems({ attribute: 'trait', trait: 'birthday', operator: 'lt', value: '2000-01-01' })).toEqual([])
  })

  it('refuses a range that ends before it starts, except clock times that wrap midnight', () => {
    expect(problems({ attribute: 'date', operator: 'between', value: '2026-12-31', valueTo: '2026-12-01' })[0]).toMatchObject({
      path: 'valueTo',
    })
    expect(problems({ attribute: 'trait', trait: 'age', operator: 'between', value: '30', valueTo: '18' })[0]).toMatchObject({ path: 'valueTo' })
  })

  it('checks values against closed vocabularies and formats', () => {
    expect(problems({ attribute: 'daypart', operator: 'equals', value: 'teatime' })[0]?.message).toContain('morning, afternoon, evening, night')
    expect(problems({ attribute: 'weekday', operator: 'in', values: ['sat', 'funday'] })[0]).toMatchObject({ path: 'values' })
    expect(problems({ attribute: 'channel', operator: 'equals', value: 'fax' })[0]).toMatchObject({ path: 'value' })
    expect(problems({ attribute: 'date', operator: 'gt', value: '2026-02-30' })[0]?.message).toContain('YYYY-MM-DD')
    expect(problems({ attribute: 'time', operator: 'gt', value: '25:00' })[0]?.message).toContain('HH:MM')
    expect(problems({ attribute: 'country', operator: 'equals', value: 'France' })[0]?.message).toContain('two letters')
    expect(problems({ attribute: 'consent', operator: 'equals', value: 'Personalization!' })[0]).toMatchObject({ path: 'value' })
  })

  it('refuses contains on attributes with a fixed list of values', () => {
    expect(problems({ attribute: 'device', operator: 'contains', value: 'mob' })[0]).toMatchObject({ path: 'operator' })
    expect(problems({ attribute: 'referrer', operator: 'contains', value: 'google' })).toEqual([])
  })

  it('names an unknown attribute or operator', () => {
    expect(problems({ attribute: 'mood', operator: 'equals', value: 'x' })[0]).toMatchObject({ path: 'attribute' })
    expect(problems({ attribute: 'city', operator: 'like', value: 'x' })[0]).toMatchObject({ path: 'operator' })
  })
})

describe('segment rules', () => {
  it('need at least one condition', () => {
    const result = SegmentRulesSchema.safeParse({ match: 'all', conditions: [], groups: [] })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.path).toEqual(['conditions'])
  })

  it('accept nested all/any groups and report errors at their path', () => {
    const ok = SegmentRulesSchema.safeParse({
      match: 'any',
      conditions: [],
      groups: [{ match: 'all', conditions: [{ attribute: 'city', operator: 'equals', value: 'Paris' }] }],
    })
    expect(ok.success).toBe(true)

    const bad = SegmentRulesSchema.safeParse({
      match: 'all',
      conditions: [{ attribute: 'city', operator: 'equals', value: 'Lyon' }],
      groups: [{ match: 'any', conditions: [{ attribute: 'daypart', operator: 'equals', value: 'brunch' }] }, { match: 'all', conditions: [] }],
    })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['groups.0.conditions.0.value', 'groups.1.conditions'])
  })

  it('normalize what Payload stores: nulls, blank strings and row ids', () => {
    const parsed = SegmentRulesSchema.parse({
      match: null,
      conditions: [{ id: 'row1', attribute: 'city', operator: 'equals', value: '  Paris ', values: null, valueTo: '', trait: null }],
      groups: null,
    })
    expect(parsed).toEqual({
      match: 'all',
      conditions: [{ attribute: 'city', operator: 'equals', value: 'Paris', values: [], valueTo: undefined, trait: undefined }],
      groups: [],
    })
  })
})
