/**
 * Properties that must hold for every snapshot and every context, checked on
 * thousands of generated ones: the engine is deterministic, never shows a
 * variant meant for another channel, always fills every slot, and uses no
 * visitor data without consent.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { CHANNELS, type CompiledBlock, type CompiledCondition, type CompiledSegment, type CompiledVariant, decisionContext, type DeliveryManifest, LENGTHS, LOCALES, type PageBundle, type RenderContext, resolvePage } from '../../engine'

const TONES = ['formal', 'friendly', 'playful', 'urgent']
const SEGMENT_IDS = ['s1', 's2', 's3', 's4', 's5']
const T0 = Date.parse('2026-11-24T00:00:00Z')

const condition: fc.Arbitrary<CompiledCondition> = fc.oneof(
  fc.record({ attribute: fc.constant('trait' as const), trait: fc.constantFrom('tier', 'visits'), operator: fc.constantFrom('equals' as const, 'not_equals' as const, 'exists' as const, 'not_exists' as const), operands: fc.constant<(string | number)[]>(['gold']) }),
  fc.record({ attribute: fc.constant('trait' as const), trait: fc.constant('visits'), operator: fc.constantFrom('lt' as const, 'gte' as const), operands: fc.tuple(fc.integer({ min: 0, max: 5 })).map((n) => [...n]) }),
  fc.record({ attribute: fc.constant('city' as const), operator: fc.constantFrom('equals' as const, 'in' as const), operands: fc.constant<(string | number)[]>(['paris', 'lyon']) }),
  fc.record({ attribute: fc.constant('daypart' as const), operator: fc.constant('equals' as const), operands: fc.constantFrom<(string | number)[]>(['morning'], ['evening']) }),
  fc.record({ attribute: fc.constant('time' as const), operator: fc.constant('between' as const), operands: fc.constant<(string | number)[]>([22 * 60, 2 * 60]) }),
  fc.record({ attribute: fc.constant('channel' as const), operator: fc.constant('equals' as const), operands: fc.constantFrom<(string | number)[]>(['web'], ['screen']) }),
)

const segments: fc.Arbitrary<CompiledSegment[]> = fc
  .tuple(...SEGMENT_IDS.map((id) =>
    fc.record({
      priority: fc.integer({ min: -5, max: 100 }),
      match: fc.constantFrom('all' as const, 'any' as const),
      conditions: fc.array(condition, { minLength: 1, maxLength: 4 }),
      preferredTone: fc.option(fc.constantFrom(...TONES), { nil: undefined }),
    }).map(({ priority, match, conditions, preferredTone }) => ({
      id,
      slug: id,
      priority,
      personal: conditions.some((c) => c.attribute === 'trait'),
      ...(preferredTone ? { preferredTone } : {}),
      rule: { match, conditions, groups: [] },
    })),
  ))
  .map((list) => list.sort((a, b) => b.priority - a.priority || (a.slug < b.slug ? -1 : 1)))

const localizedContent = fc.subarray([...LOCALES], { minLength: 0 }).map((locales) =>
  Object.fromEntries(locales.map((locale) => [locale, { headline: `text ${locale}` }])),
)

const variantArb = (blockId: string, index: number): fc.Arbitrary<CompiledVariant> =>
  fc.record({
    tone: fc.constantFrom(...TONES),
    length: fc.constantFrom(...LENGTHS),
    channels: fc.subarray([...CHANNELS]),
    audience: fc.subarray(SEGMENT_IDS, { maxLength: 2 }),
    window: fc.option(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 1, max: 4 })), { nil: undefined }),
    content: localizedContent,
  }).map(({ window, ...rest }) => ({
    id: `${blockId}-v${index}`,
    label: `v${index}`,
    ...rest,
    ...(window ? { activeFrom: T0 + window[0] * 86_400_000, activeTo: T0 + (window[0] + window[1]) * 86_400_000 } : {}),
  }))

const blocksArb: fc.Arbitrary<CompiledBlock[]> = fc.integer({ min: 1, max: 6 }).chain((count) =>
  fc.tuple(
    ...Array.from({ length: count }, (_, b) =>
      fc.integer({ min: 0, max: 6 }).chain((variants) =>
        fc.tuple(fc.constantFrom(...TONES), fc.constantFrom(...LENGTHS), fc.tuple(...Array.from({ length: variants }, (_, v) => variantArb(`b${b}`, v)))).map(
          ([tone, length, list]): CompiledBlock => ({
            id: `b${b}`,
            kind: 'text',
            tone,
            length,
            content: { en: { headline: 'default en' }, fr: { headline: 'default fr' } },
            variants: list,
            updatedAt: 0,
          }),
        ),
      ),
    ),
  ),
)

const contextArb: fc.Arbitrary<{ input: RenderContext; now: number }> = fc.record({
  input: fc.record(
    {
      channel: fc.constantFrom(...CHANNELS),
      locale: fc.constantFrom(...LOCALES),
      geo: fc.record({ city: fc.constantFrom('Paris', 'Lyon', 'Nice') }),
      traits: fc.record({ tier: fc.constantFrom('gold', 'silver'), visits: fc.integer({ min: 0, max: 9 }) }, { requiredKeys: [] }),
      segments: fc.subarray(SEGMENT_IDS, { maxLength: 2 }),
      consents: fc.subarray(['personalization', 'analytics']),
      tone: fc.constantFrom(...TONES),
      length: fc.constantFrom(...LENGTHS),
    },
    { requiredKeys: ['channel'] },
  ),
  now: fc.integer({ min: T0 - 4 * 86_400_000, max: T0 + 8 * 86_400_000 }),
})

function setup(segmentList: CompiledSegment[], blocks: CompiledBlock[]) {
  const manifest: DeliveryManifest = { version: 'v', compiler: 1, compiledAt: '', defaultLocale: 'en', locales: [...LOCALES], segments: segmentList, pages: {}, stores: {}, purposes: [] }
  const bundle: PageBundle = { slug: 'p', id: '1', channel: 'web', title: { en: 'P' }, slots: blocks.map((b) => b.id), blocks: Object.fromEntries(blocks.map((b) => [b.id, b])), media: {} }
  return { manifest, bundle }
}

const decide = ({ input, now }: { input: RenderContext; now: number }) => decisionContext(input, { channel: 'web', locale: 'en', timezone: 'Europe/Paris', now })

describe('resolvePage, for any snapshot and context', () => {
  it('is deterministic: same snapshot and context, same page (also after a JSON round trip)', () => {
    fc.assert(
      fc.property(segments, blocksArb, contextArb, (segmentList, blocks, ctx) => {
        const { manifest, bundle } = setup(segmentList, blocks)
        const first = resolvePage(manifest, bundle, decide(ctx))
        const again = resolvePage(manifest, bundle, decide(ctx))
        const copied = resolvePage(JSON.parse(JSON.stringify(manifest)), JSON.parse(JSON.stringify(bundle)), decide(ctx))
        const traced = resolvePage(manifest, bundle, decide(ctx), { trace: true })
        expect(again).toEqual(first)
        expect(copied).toEqual(first)
        expect(traced.blocks).toEqual(first.blocks)
      }),
      { numRuns: 500 },
    )
  })

  it('never returns a variant meant for another channel, and fills every slot', () => {
    fc.assert(
      fc.property(segments, blocksArb, contextArb, (segmentList, blocks, ctx) => {
        const { manifest, bundle } = setup(segmentList, blocks)
        const decision = decide(ctx)
        const result = resolvePage(manifest, bundle, decision)
        expect(result.blocks).toHaveLength(blocks.length)
        for (const resolved of result.blocks) {
          const chosen = bundle.blocks[resolved.block]!.variants.find((v) => v.id === resolved.variant?.id)
          if (!chosen) continue
          expect(chosen.channels.length === 0 || chosen.channels.includes(decision.channel)).toBe(true)
          expect(chosen.content[decision.locale]).toBeDefined()
          expect(chosen.activeFrom === undefined || chosen.activeFrom <= decision.now).toBe(true)
          expect(chosen.activeTo === undefined || decision.now < chosen.activeTo).toBe(true)
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('uses no visitor data without personalization consent', () => {
    fc.assert(
      fc.property(segments, blocksArb, contextArb, (segmentList, blocks, ctx) => {
        const { manifest, bundle } = setup(segmentList, blocks)
        const withoutConsent = { ...ctx, input: { ...ctx.input, consents: [] } }
        const stripped = { ...ctx, input: { ...ctx.input, consents: [], traits: undefined, segments: undefined } }
        const result = resolvePage(manifest, bundle, decide(withoutConsent))
        expect(result.personalized).toBe(false)
        expect(result.blocks).toEqual(resolvePage(manifest, bundle, decide(stripped)).blocks)
      }),
      { numRuns: 500 },
    )
  })
})
