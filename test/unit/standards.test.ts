/** Experience standards as pure checks: what each rule finds, and where it applies. */
import { describe, expect, it } from 'vitest'

import { characterCount, check, isoWeek, StandardSchema, type Standard } from '../../delivery/standards'

const standard = (fields: Partial<Standard> & Pick<Standard, 'rule'>): Standard => StandardSchema.parse({ id: 1, name: 'S', level: 'blocking', ...fields })

describe('experience standards', () => {
  it('count characters as a reader does (an emoji or an accented letter is one)', () => {
    expect(characterCount('Café ☕️')).toBe(6)
    expect(characterCount('e\u0301')).toBe(1)
  })

  it('hold a headline to its channel’s maximum only where it is shown', () => {
    const rule = standard({ rule: 'headlineLength', channel: 'screen', max: 10 })
    expect(check(rule, { field: 'headline', text: 'Eleven char', channels: ['screen'] })).toEqual({ code: 'headlineLength', params: { channel: 'screen', max: 10, length: 11 } })
    expect(check(rule, { field: 'headline', text: 'Eleven char', channels: ['web'] })).toBeUndefined()
    expect(check(rule, { field: 'headline', text: 'Ten chars!', channels: ['screen'] })).toBeUndefined()
  })

  it('keep a preheader between its minimum and maximum, and leave an empty one to the subject', () => {
    const rule = standard({ rule: 'preheaderLength', min: 5, max: 8 })
    expect(check(rule, { field: 'preheader', text: 'four', channels: ['email'] })?.params).toEqual({ min: 5, max: 8, length: 4 })
    expect(check(rule, { field: 'preheader', text: 'nine char', channels: ['email'] })?.params.length).toBe(9)
    expect(check(rule, { field: 'preheader', text: 'fine!', channels: ['email'] })).toBeUndefined()
    expect(check(rule, { field: 'preheader', text: '', channels: ['email'] })).toBeUndefined()
  })

  it('find forbidden words whole, whatever their case and accents, and only in their tone', () => {
    const rule = standard({ rule: 'toneWords', tone: 'formal', words: ['dépêchez-vous', 'cheap', 'pas cher'] })
    const content = { field: 'headline' as const, channels: ['web' as const], tone: 'formal' }
    expect(check(rule, { ...content, text: 'DEPECHEZ-VOUS !' })?.params.words).toBe('dépêchez-vous')
    expect(check(rule, { ...content, text: 'Des prix pas chers' })?.params.words).toBe('pas cher')
    expect(check(rule, { ...content, text: 'Cheaper by the dozen' })).toBeUndefined()
    expect(check(rule, { ...content, tone: 'playful', text: 'cheap thrills' })).toBeUndefined()
  })

  it('ask an offer for a call to action, and no other kind', () => {
    const rule = standard({ rule: 'offerCta', kind: 'offer' })
    expect(check(rule, { field: 'ctaLabel', channels: ['web'], kind: 'offer', hasCta: false })).toEqual({ code: 'offerCta', params: {} })
    expect(check(rule, { field: 'ctaLabel', channels: ['web'], kind: 'offer', hasCta: true })).toBeUndefined()
    expect(check(rule, { field: 'ctaLabel', channels: ['web'], kind: 'hero', hasCta: false })).toBeUndefined()
  })

  it('measure images against a minimum resolution, and email HTML against Gmail’s clipping', () => {
    const image = standard({ rule: 'imageResolution', channel: 'screen', minWidth: 1280, minHeight: 720 })
    expect(check(image, { field: 'image', channels: ['screen'], image: { width: 1920, height: 600 } })?.params).toMatchObject({ width: 1920, height: 600 })
    expect(check(image, { field: 'image', channels: ['screen'], image: { width: 1920, height: 1080 } })).toBeUndefined()
    const size = standard({ rule: 'emailSize' })
    expect(check(size, { field: 'emailHtml', channels: ['email'], bytes: 102 * 1024 + 1 })?.params).toEqual({ kilobytes: '102.0', maxKilobytes: '102' })
    expect(check(size, { field: 'emailHtml', channels: ['email'], bytes: 102 * 1024 })).toBeUndefined()
  })

  it('name ISO 8601 weeks (the week with the year’s first Thursday is week 1)', () => {
    expect(isoWeek(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01')
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53')
    expect(isoWeek(new Date('2026-12-02T12:00:00Z'))).toBe('2026-W49')
  })
})
