import { describe, expect, it } from 'vitest'

import { type CompiledCondition, resolvePage } from '../../engine'
import { block, context, manifest, page, segment, variant } from '../support/snapshotBuilders'

const gold = segment('gold', 100, [{ attribute: 'trait', trait: 'tier', operator: 'equals', operands: ['gold'] }], { preferredTone: 'formal' })
const silver = segment('silver', 40, [{ attribute: 'trait', trait: 'tier', operator: 'in', operands: ['gold', 'silver'] } satisfies CompiledCondition])
const everyone = manifest([gold, silver])

function chosen(blocks: ReturnType<typeof block>[], input: Parameters<typeof context>[0] = {}, now?: number) {
  const result = resolvePage(everyone, page(blocks), context(input, now), { trace: true })
  return result.blocks.map((b) => b.variant?.id ?? 'default')
}

describe('variant selection', () => {
  describe('hard filters', () => {
    it('drop variants written for other channels', () => {
      const hero = block('hero', [variant('email-only', { channels: ['email'], tone: 'friendly', length: 'medium' })])
      expect(chosen([hero], { channel: 'web' })).toEqual(['default'])
      expect(chosen([hero], { channel: 'email' })).toEqual(['email-only'])
    })

    it('drop variants outside their active window', () => {
      const now = Date.parse('2026-12-10T12:00:00Z')
      const christmas = variant('christmas', { activeFrom: Date.parse('2026-12-01T00:00:00Z'), activeTo: Date.parse('2026-12-26T00:00:00Z'), channels: ['web'] })
      expect(chosen([block('b', [christmas])], {}, now)).toEqual(['christmas'])
      expect(chosen([block('b', [christmas])], {}, Date.parse('2026-12-26T00:00:00Z'))).toEqual(['default'])
      expect(chosen([block('b', [christmas])], {}, Date.parse('2026-11-30T23:59:59Z'))).toEqual(['default'])
    })

    it('drop variants not written in the requested locale, and fall back to the default content', () => {
      const englishOnly = variant('english-only', { channels: ['web'], content: { en: { headline: 'Hello' } } })
      expect(chosen([block('b', [englishOnly])], { locale: 'en' })).toEqual(['english-only'])
      expect(chosen([block('b', [englishOnly])], { locale: 'fr' })).toEqual(['default'])
    })
  })

  describe('audience', () => {
    it('keeps a targeted variant only for members, and prefers the higher-priority segment', () => {
      const hero = block('hero', [variant('for-silver', { audience: ['silver'] }), variant('for-gold', { audience: ['gold'] })])
      expect(chosen([hero], { traits: { tier: 'silver' } })).toEqual(['for-silver'])
      expect(chosen([hero], { traits: { tier: 'gold' } })).toEqual(['for-gold'])
      expect(chosen([hero], { traits: { tier: 'bronze' } })).toEqual(['default'])
    })

    it('ranks any audience match above variants for everyone', () => {
      const hero = block('hero', [variant('web-for-all', { channels: ['web'] }), variant('silver', { audience: ['silver'] })])
      expect(chosen([hero], { traits: { tier: 'silver' } })).toEqual(['silver'])
    })
  })

  it('prefers a variant written for the channel over one for every channel', () => {
    const hero = block('hero', [variant('any', { tone: 'friendly', length: 'medium' }), variant('web', { channels: ['web'], tone: 'urgent', length: 'long' })])
    expect(chosen([hero])).toEqual(['web'])
  })

  describe('tone and length', () => {
    const hero = block('hero', [
      variant('formal-medium', { tone: 'formal', length: 'medium' }),
      variant('playful-short', { tone: 'playful', length: 'short' }),
      variant('friendly-long', { tone: 'friendly', length: 'long' }),
    ])

    it("follow the caller's preference", () => {
      expect(chosen([hero], { tone: 'playful' })).toEqual(['playful-short'])
      expect(chosen([hero], { length: 'long' })).toEqual(['friendly-long'])
    })

    it("else the member segment's preference", () => {
      expect(chosen([hero], { traits: { tier: 'gold' } })).toEqual(['formal-medium'])
    })

    it("else the channel's: screens favour short, the web medium (where the default content wins ties)", () => {
      expect(chosen([hero], { channel: 'screen' })).toEqual(['playful-short'])
      expect(chosen([hero], { channel: 'web' })).toEqual(['default'])
    })
  })

  it('breaks remaining ties for the default content, then for the variant listed first', () => {
    const twins = block('b', [variant('first', { tone: 'urgent', channels: ['web'] }), variant('second', { tone: 'playful', channels: ['web'] })])
    expect(chosen([twins])).toEqual(['first'])
    const general = block('b', [variant('urgent', { tone: 'urgent', length: 'medium' })])
    expect(chosen([general])).toEqual(['default'])
  })

  it('explains every candidate in the trace', () => {
    const hero = block('hero', [variant('email-only', { channels: ['email'] }), variant('for-gold', { audience: ['gold'] })])
    const result = resolvePage(everyone, page([hero]), context({ traits: { tier: 'gold' } }), { trace: true })
    const candidates = result.trace!.slots[0]!.candidates
    expect(candidates.map((candidate) => [candidate.variant, candidate.kept])).toEqual([
      ['default', true],
      ['email-only', false],
      ['for-gold', true],
    ])
    expect(candidates[1]!.reason).toBe('for email only, not web')
    expect(candidates[2]!.reason).toMatch(/audience matched \(gold; priority 100\)/)
    expect(result.trace!.slots[0]!.chosen).toBe('for-gold')
    expect(result.trace!.segments.find((s) => s.slug === 'gold')).toMatchObject({ member: true })
  })

  it('selects email subject lines like any text', () => {
    const email = {
      subject: { en: 'Hello', fr: 'Bonjour' },
      preheader: { en: 'News' },
      tone: 'friendly',
      length: 'medium' as const,
      variants: [{ id: 's1', label: 'Gold', tone: 'formal', length: 'medium' as const, audience: ['gold'], subject: { en: 'Dear member' }, preheader: {} }],
    }
    const mail = page([block('b', [])], { channel: 'email', email })
    expect(resolvePage(everyone, mail, context({ channel: 'email', traits: { tier: 'gold' } })).email).toEqual({
      subject: 'Dear member',
      preheader: 'News',
      variant: { id: 's1', label: 'Gold', tone: 'formal', length: 'medium' },
    })
    expect(resolvePage(everyone, mail, context({ channel: 'email', locale: 'fr', traits: { tier: 'gold' } })).email?.subject).toBe('Bonjour')
  })
})
