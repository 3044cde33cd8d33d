/**
 * The decision benchmark compares like with like only if GrowthBook's
 * conditions say what Tessera's segment rules say. Checked condition by
 * condition on generated values, then segment by segment on the benchmark's
 * own workload.
 */
import { evalCondition, GrowthBookClient } from '@growthbook/growthbook'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { decisionRequests, decisionSnapshot } from '../../bench/decision'
import {
  DEFAULT_VALUE,
  featureKey,
  growthbookAttributes,
  growthbookCondition,
  growthbookFeatures,
  growthbookSegments,
  segmentCondition,
  UnsupportedCondition,
  withMemberships,
} from '../../bench/growthbookTargeting'
import { type CompiledCondition, conditionHolds, decisionContext, evaluateSegments, resolvePage, type TraitValue } from '../../engine'
import { block, context, manifest, page, segment, variant } from '../support/snapshotBuilders'

type Value = TraitValue | undefined
type Case = { condition: CompiledCondition; value: Value }

/** The attribute name a condition reads among GrowthBook attributes. */
const nameOf = (condition: CompiledCondition) => (condition.attribute === 'trait' ? condition.trait! : condition.attribute === 'time' ? 'minutes' : condition.attribute)

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined })

/** Values as the render API produces them: lower-cased text, numbers, lists of text. */
const cases: fc.Arbitrary<Case> = fc.oneof(
  fc.record({
    condition: fc.record({
      attribute: fc.constant('trait' as const),
      trait: fc.constant('visits'),
      operator: fc.constantFrom('lt' as const, 'lte' as const, 'gt' as const, 'gte' as const, 'equals' as const, 'not_equals' as const, 'exists' as const),
      operands: fc.integer({ min: 0, max: 10 }).map((n) => [n]),
    }),
    value: optional(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 }).map(String))),
  }),
  fc.record({
    condition: fc.record({
      attribute: fc.constant('trait' as const),
      trait: fc.constant('tier'),
      operator: fc.constantFrom('equals' as const, 'not_equals' as const, 'in' as const, 'not_in' as const, 'exists' as const, 'not_exists' as const),
      operands: fc.subarray(['gold', 'silver', '3', 'true'], { minLength: 1 }),
    }),
    value: optional(fc.constantFrom<TraitValue>('gold', 'silver', 'bronze', '', 3, true, false)),
  }),
  fc.record({
    condition: fc.record({
      attribute: fc.constant('trait' as const),
      trait: fc.constant('interests'),
      operator: fc.constantFrom('contains' as const, 'in' as const, 'not_in' as const, 'equals' as const, 'exists' as const, 'not_exists' as const),
      operands: fc.subarray(['candles', 'linen', 'ceramics'], { minLength: 1 }),
    }),
    value: optional(fc.subarray(['candles', 'linen', 'ceramics', 'garden'])),
  }),
  fc.record({
    condition: fc.record({
      attribute: fc.constant('city' as const),
      operator: fc.constantFrom('equals' as const, 'not_equals' as const, 'in' as const, 'not_in' as const, 'contains' as const, 'exists' as const),
      operands: fc.subarray(['paris', 'lyon', 'ly'], { minLength: 1 }),
    }),
    value: optional(fc.constantFrom('paris', 'lyon', 'nice')),
  }),
  fc.record({
    condition: fc.record({
      attribute: fc.constant('time' as const),
      operator: fc.constant('between' as const),
      operands: fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 })).map((pair) => [...pair]),
    }),
    value: fc.integer({ min: 0, max: 1439 }),
  }),
)

describe('GrowthBook conditions from segment rules', () => {
  it('hold exactly when Tessera’s condition holds, for the values the render API produces', () => {
    fc.assert(
      fc.property(cases, ({ condition, value }) => {
        const attributes = value === undefined ? {} : { [nameOf(condition)]: value }
        expect(evalCondition(attributes, growthbookCondition(condition))).toBe(conditionHolds(condition, value))
      }),
      { numRuns: 3000 },
    )
  })

  it('treat unknown values as Tessera does: never below a number, never containing anything', () => {
    const fewVisits: CompiledCondition = { attribute: 'trait', trait: 'visits', operator: 'lt', operands: [3] }
    const likesLinen: CompiledCondition = { attribute: 'trait', trait: 'interests', operator: 'contains', operands: ['ul'] }
    expect(evalCondition({}, growthbookCondition(fewVisits))).toBe(false)
    expect(evalCondition({}, growthbookCondition(likesLinen))).toBe(false)
  })

  it('refuse what GrowthBook cannot evaluate without help', () => {
    expect(() => growthbookCondition({ attribute: 'behaviour', series: 'page_view', windowDays: 7, operator: 'gte', operands: [3] })).toThrow(UnsupportedCondition)
    expect(() => growthbookCondition({ attribute: 'trait', trait: 'city', operator: 'equals', operands: ['paris'] })).toThrow(UnsupportedCondition)
  })

  it('require personalization consent for segments that read visitor data', () => {
    const gold = segment('gold', 10, [{ attribute: 'trait', trait: 'tier', operator: 'not_equals', operands: ['silver'] }])
    expect(evalCondition({ personalization: true }, segmentCondition(gold))).toBe(true)
    expect(evalCondition({ personalization: false }, segmentCondition(gold))).toBe(false)
  })

  it('give the same segment memberships as the engine on the benchmark workload', () => {
    const { manifest: snapshot } = decisionSnapshot()
    const conditions = snapshot.segments.map((compiled) => ({ id: compiled.id, condition: segmentCondition(compiled) }))
    const now = Date.parse('2026-11-24T12:00:00Z')
    for (const request of decisionRequests(300)) {
      const decision = decisionContext(request, { channel: 'web', locale: 'en', timezone: 'Europe/Paris', now })
      const members = evaluateSegments(snapshot.segments, decision).memberIds
      const attributes = growthbookAttributes(decision)
      for (const { id, condition } of conditions) expect(evalCondition(attributes, condition), id).toBe(members.has(id))
    }
  })
})

describe('GrowthBook features from a page', () => {
  const gold = segment('gold', 100, [{ attribute: 'trait', trait: 'tier', operator: 'equals', operands: ['gold'] }])
  const paris = segment('paris', 40, [{ attribute: 'city', operator: 'equals', operands: ['paris'] }])
  const snapshot = manifest([gold, paris])
  const bundle = page([
    block('hero', [
      variant('for-everyone', { length: 'long' }),
      variant('parisians', { audience: ['paris'] }),
      variant('gold-email', { audience: ['gold'], channels: ['email'] }),
      variant('gold', { audience: ['gold'], content: { en: { headline: 'Gold' } } }),
    ]),
  ])
  const features = growthbookFeatures(snapshot, bundle)
  const segments = growthbookSegments(snapshot)
  const client = new GrowthBookClient().initSync({ payload: { features } })
  const decide = (input: Parameters<typeof context>[0]) => {
    const decision = context(input)
    const attributes = withMemberships(growthbookAttributes(decision), segments, evalCondition)
    return client.evalFeature(featureKey(0, decision.channel), { attributes }).value
  }

  it('has one feature per slot and channel, with one rule per variant that can win there, targeted variants first by priority', () => {
    expect(Object.keys(features)).toEqual([featureKey(0, 'web'), featureKey(0, 'email'), featureKey(0, 'screen')])
    expect(features[featureKey(0, 'web')]!.defaultValue).toBe(DEFAULT_VALUE)
    expect(features[featureKey(0, 'email')]!.rules!.map((rule) => rule.force)).toEqual(['gold-email', 'gold', 'parisians'])
    // The medium default ranks above the long variant for everyone, which can never win: it gets no rule.
    expect(features[featureKey(0, 'web')]!.rules!.map((rule) => rule.force)).toEqual(['gold', 'parisians'])
  })

  const ours = (input: Parameters<typeof context>[0]) => resolvePage(snapshot, bundle, context(input)).blocks[0]!.variant?.id ?? DEFAULT_VALUE

  it('applies the hard filters, audiences and tie-breaks as the engine does', () => {
    const inputs: Parameters<typeof context>[0][] = [
      { channel: 'email', traits: { tier: 'gold' } },
      { channel: 'web', traits: { tier: 'gold' } },
      { channel: 'web', locale: 'fr', traits: { tier: 'gold' }, geo: { city: 'Paris' } },
      { channel: 'web', traits: { tier: 'gold' }, geo: { city: 'Paris' }, consents: [] },
      { channel: 'screen', traits: { tier: 'silver' }, geo: { city: 'Lyon' } },
      { channel: 'web', traits: { tier: 'silver' }, geo: { city: 'Lyon' } },
    ]
    for (const input of inputs) expect(decide(input), JSON.stringify(input)).toBe(ours(input))
  })

  it('picks exactly the variant the engine picks on the benchmark workload', () => {
    const { manifest: benchManifest, bundle: benchBundle } = decisionSnapshot()
    const benchSegments = growthbookSegments(benchManifest)
    const benchClient = new GrowthBookClient().initSync({ payload: { features: growthbookFeatures(benchManifest, benchBundle) } })
    const now = Date.parse('2026-11-24T12:00:00Z')
    for (const request of decisionRequests(200)) {
      const decision = decisionContext(request, { channel: 'web', locale: 'en', timezone: 'Europe/Paris', now })
      const attributes = withMemberships(growthbookAttributes(decision), benchSegments, evalCondition)
      for (const block of resolvePage(benchManifest, benchBundle, decision).blocks) {
        expect(benchClient.evalFeature(featureKey(block.slot, decision.channel), { attributes }).value).toBe(block.variant?.id ?? DEFAULT_VALUE)
      }
    }
  })
})
