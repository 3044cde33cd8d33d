import type { Validate } from 'payload'
import { describe, expect, it } from 'vitest'

import { checkVariantDistinct, validateDistinctVariant } from '../../collections/fields/variantIdentity'

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

describe("a variant's tone field validate", () => {
  const validate = validateDistinctVariant((data) => data as { tone: string; length: string; variants: object[] })
  const block = () => ({
    tone: 'friendly',
    length: 'medium',
    variants: [
      { id: 'a1', label: 'Formal copy', tone: 'formal', length: 'medium', channels: [], audience: [] },
      { id: 'b2', label: 'Same as default', tone: 'friendly', length: 'medium', channels: [], audience: [] },
    ],
  })
  const run = (value: unknown, options: object) => validate(value, options as Parameters<Validate>[1])
  const sameAsDefault = /same tone, length, channels and audience as the default/

  it('names the variant that does not differ on submit, where Payload passes the field path', () => {
    const data = block()
    expect(run('friendly', { data, path: ['variants', '1', 'tone'], siblingData: { ...data.variants[1] }, event: 'submit' })).toMatch(sameAsDefault)
    expect(run('formal', { data, path: ['variants', 0, 'tone'], siblingData: { ...data.variants[0] }, event: 'submit' })).toBe(true)
  })

  it('names it the same way when the admin builds form state, where Payload passes no path, only the row', () => {
    // After a failed submit the admin re-validates on every change: a throw here would show
    // “Error validating field at path: variants.1.tone” instead of the reason, on valid rows too.
    const data = block()
    expect(run('friendly', { data, siblingData: data.variants[1], event: 'onChange' })).toMatch(sameAsDefault)
    expect(run('formal', { data, siblingData: data.variants[0], event: 'onChange' })).toBe(true)
    // A row that is a copy is found by its id.
    expect(run('friendly', { data, siblingData: { ...data.variants[1] }, event: 'onChange' })).toMatch(sameAsDefault)
  })

  it('accepts a dotted path as well as segments', () => {
    const data = block()
    expect(run('friendly', { data, path: 'variants.1.tone', siblingData: {} })).toMatch(sameAsDefault)
  })

  it('asks for a tone before anything else', () => {
    expect(run(undefined, { data: block(), siblingData: {} })).toBe('Choose a tone for this variant')
  })
})
