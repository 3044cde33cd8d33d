import { describe, expect, it } from 'vitest'

import { checkVariantDistinct } from '../../collections/fields/variantIdentity'

const defaults = { tone: 'friendly', length: 'medium' }

describe('a block variant', () => {
  it('must differ from the default content by tone, length, channels or audience', () => {
    const same = [{ label: 'Copy', tone: 'friendly', length: 'medium', channels: [], audience: [] }]
    expect(checkVariantDistinct(defaults, same, 0)).toMatch(/same tone, length, channels and audience as the default/)

    expect(checkVariantDistinct(defaults, [{ ...same[0], tone: 'formal' }], 0)).toBe(true)
    expect(checkVariantDistinct(defaults, [{ ...same[0], length: 'short' }], 0)).toBe(true)
    expect(checkVariantDistinct(defaults, [{ ...same[0], channels: ['email'] }], 0)).toBe(true)
    expect(checkVariantDistinct(defaults, [{ ...same[0], audience: [7] }], 0)).toBe(true)
  })

  it('treats "every channel" listed explicitly like no channel restriction', () => {
    const all = [{ tone: 'friendly', length: 'medium', channels: ['web', 'email', 'screen'] }]
    expect(checkVariantDistinct(defaults, all, 0)).not.toBe(true)
  })

  it('may not repeat the axes and audience of an earlier variant', () => {
    const variants = [
      { label: 'Gold', tone: 'formal', length: 'short', channels: ['email', 'web'], audience: [3, 1] },
      { label: 'Gold again', tone: 'formal', length: 'short', channels: ['web', 'email'], audience: [{ id: 1 }, { id: 3 }] },
    ]
    expect(checkVariantDistinct(defaults, variants, 0)).toBe(true)
    expect(checkVariantDistinct(defaults, variants, 1)).toMatch(/as variant 1 \(“Gold”\)/)
  })

  it('may repeat them when the two active windows never overlap (seasonal copy)', () => {
    const variants = [
      { tone: 'urgent', length: 'short', activeFrom: '2026-12-01T00:00:00Z', activeTo: '2026-12-25T00:00:00Z' },
      { tone: 'urgent', length: 'short', activeFrom: '2027-06-01T00:00:00Z', activeTo: '2027-06-30T00:00:00Z' },
    ]
    expect(checkVariantDistinct(defaults, variants, 1)).toBe(true)
    const overlapping = [variants[0]!, { ...variants[1]!, activeFrom: '2026-12-20T00:00:00Z' }]
    expect(checkVariantDistinct(defaults, overlapping, 1)).not.toBe(true)
  })
})
