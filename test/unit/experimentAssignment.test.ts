/**
 * Experiment assignment: the same unit lands in the same arm as GrowthBook's
 * SDK would put it (the SDK is the oracle), held-out people are never
 * enrolled, and a unit outside the experiment sees the control.
 */
import { GrowthBookClient } from '@growthbook/growthbook'
import { describe, expect, it } from 'vitest'

import {
  assign,
  type AssignmentContext,
  bucketOf,
  type CompiledExperiment,
  CompiledExperimentSchema,
  fnv1a,
  hashSeed,
  HOLDOUT_SEED,
  inHoldout,
  phaseSeed,
  prepareExperiment,
  startsNewPhase,
} from '../../engine'
import { compiledExperiment } from '../support/experimentBuilders'
import { seededRandom } from '../support/seededRandom'

const UNITS = 10_000

/** Ids as they come: UUIDs, numbers, e-mails, and text in other scripts (UTF-16 surrogates, combining marks, a lone surrogate). */
function unitIds(count: number): string[] {
  const random = seededRandom(20_240_501)
  const hex = (length: number) => Array.from({ length }, () => random.integer(16).toString(16)).join('')
  const forms = [
    () => `${hex(8)}-${hex(4)}-4${hex(3)}-${hex(4)}-${hex(12)}`,
    (i: number) => String(100_000 + i),
    (i: number) => `anne.dupont+${i}@example.fr`,
    (i: number) => `josé-${i}`,
    (i: number) => `用户${i}`,
    (i: number) => `пользователь_${i}`,
    (i: number) => `👩‍💻${i}🎉`,
    (i: number) => `e\u0301lise-${i}`,
    (i: number) => `\ud800${i}`,
    (i: number) => `Straße ${i}`,
  ]
  return Array.from({ length: count }, (_, i) => forms[i % forms.length]!(i))
}

const ids = unitIds(UNITS)
const everywhere: AssignmentContext = { channel: 'web', memberIds: new Set() }

const experiment = compiledExperiment

/** |actual − expected| ≤ tolerance: shares of 10,000 units are known to about ±0.5 %. */
const near = (expected: number, tolerance: number) => ({
  asymmetricMatch: (actual: number) => Math.abs(actual - expected) <= tolerance,
  toString: () => `${expected} ± ${tolerance}`,
})

const arms = (...weights: number[]) => weights.map((weight, i) => ({ id: i === 0 ? 'control' : `arm-${i}`, weight }))

describe('Assignment agrees with the GrowthBook SDK (hash v2)', () => {
  const growthbook = new GrowthBookClient()
  const settings: { name: string; experiment: CompiledExperiment }[] = [
    { name: '2 arms, 50/50, full coverage', experiment: experiment() },
    { name: '2 arms, 80/20, half coverage', experiment: experiment({ key: 'checkout-cta', seed: 'checkout-cta', arms: arms(0.8, 0.2), coverage: 0.5 }) },
    { name: '3 equal arms, full coverage', experiment: experiment({ key: 'free-shipping', seed: 'free-shipping', arms: arms(1 / 3, 1 / 3, 1 / 3) }) },
    { name: '3 uneven arms, 10% coverage', experiment: experiment({ key: 'newsletter-offer', seed: 'newsletter-offer', arms: arms(0.1, 0.2, 0.7), coverage: 0.1 }) },
    {
      name: '4 arms, a seed of its own (carried over from GrowthBook)',
      experiment: experiment({ key: 'store-screen', seed: '6f1c2a4e-93b7-4d1e-a0f2-5b8e7c3d9a10', arms: arms(0.1, 0.3, 0.4, 0.2), coverage: 0.75 }),
    },
    { name: 'a later phase’s seed', experiment: experiment({ phase: 3, seed: phaseSeed('hero-headline', 3), arms: arms(0.25, 0.75), coverage: 0.5 }) },
  ]

  for (const { name, experiment: compiled } of settings) {
    it(`puts each of ${UNITS} ids in the SDK’s arm: ${name}`, () => {
      const prepared = prepareExperiment(compiled)
      const ours: number[] = []
      const theirs: number[] = []
      for (const id of ids) {
        const assignment = assign(prepared, id, 0, everywhere)
        ours.push(assignment.enrolled ? assignment.armIndex : -1)
        const result = growthbook.runInlineExperiment(
          {
            key: compiled.key,
            seed: compiled.seed,
            hashVersion: 2,
            variations: compiled.arms.map((arm) => arm.id) as [string, string, ...string[]],
            weights: compiled.arms.map((arm) => arm.weight),
            coverage: compiled.coverage,
          },
          { attributes: { id } },
        )
        theirs.push(result.inExperiment ? result.variationId : -1)
      }
      expect(ours).toEqual(theirs)
      // Not a vacuous agreement: every arm is used, and coverage below 1 leaves units out.
      for (let arm = 0; arm < compiled.arms.length; arm++) expect(ours).toContain(arm)
      if (compiled.coverage < 1) expect(ours).toContain(-1)
    })
  }
})

describe('Hashing', () => {
  it('is FNV-1a 32 (the published test vectors)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5)
    expect(fnv1a('a')).toBe(0xe40c292c)
    expect(fnv1a('foobar')).toBe(0xbf9cf968)
  })

  it('hashes UTF-16 code units as the SDK does, not UTF-8 bytes, and does not normalize', () => {
    // "é" is one code unit (0xE9); its UTF-8 bytes are 0xC3 0xA9.
    expect(fnv1a('é')).not.toBe(fnv1a('\u00c3\u00a9'))
    expect(fnv1a('é')).toBe(Math.imul(0x811c9dc5 ^ 0xe9, 0x01000193) >>> 0)
    expect(fnv1a('é')).not.toBe(fnv1a('e\u0301'))
  })

  it('places a unit in [0, 1) on a grid of 10,000 points', () => {
    const seed = hashSeed('hero-headline')
    for (const id of ids.slice(0, 1000)) {
      const bucket = bucketOf(seed, id)
      expect(bucket).toBeGreaterThanOrEqual(0)
      expect(bucket).toBeLessThan(1)
      expect(bucket * 10_000).toBeCloseTo(Math.round(bucket * 10_000), 6)
    }
  })
})

describe('Enrolment', () => {
  it('splits units by the arms’ weights', () => {
    const prepared = prepareExperiment(experiment({ arms: arms(0.2, 0.3, 0.5) }))
    const counts = [0, 0, 0]
    for (const id of ids) {
      const assignment = assign(prepared, id, 0, everywhere)
      if (assignment.enrolled) counts[assignment.armIndex]!++
    }
    expect(counts.map((count) => count / UNITS)).toEqual([near(0.2, 0.015), near(0.3, 0.015), near(0.5, 0.015)])
  })

  it('answers the same unit the same way every time, with answers made in advance (no allocation per call)', () => {
    const prepared = prepareExperiment(experiment())
    const first = ids.map((id) => assign(prepared, id, 5, everywhere))
    const preparedAgain = prepareExperiment(experiment())
    const again = ids.map((id) => assign(preparedAgain, id, 5, everywhere))
    expect(again).toEqual(first)
    const inArm = first.filter((assignment) => assignment.enrolled && assignment.armIndex === 1)
    expect(new Set(inArm).size).toBe(1)
  })

  it('shows the control, unenrolled, to units outside the coverage', () => {
    const prepared = prepareExperiment(experiment({ coverage: 0.2 }))
    const outside = ids.map((id) => assign(prepared, id, 0, everywhere)).filter((assignment) => !assignment.enrolled)
    expect(outside.length / UNITS).toEqual(near(0.8, 0.015))
    expect(outside.every((assignment) => !assignment.enrolled && assignment.reason === 'outside-coverage' && assignment.arm.id === 'control')).toBe(true)
  })

  it('enrols only the channels and audience it names', () => {
    const prepared = prepareExperiment(experiment({ channels: ['email'], audience: ['vip', 'returning'] }))
    expect(assign(prepared, 'p-1', 0, { channel: 'web', memberIds: new Set(['vip']) })).toMatchObject({ enrolled: false, reason: 'other-channel' })
    expect(assign(prepared, 'p-1', 0, { channel: 'email', memberIds: new Set(['new']) })).toMatchObject({ enrolled: false, reason: 'outside-audience' })
    expect(assign(prepared, 'p-1', 0, { channel: 'email', memberIds: new Set(['returning']) })).toMatchObject({ enrolled: true })
  })

  it('enrols nobody without a unit id', () => {
    expect(assign(prepareExperiment(experiment()), '', 0, everywhere)).toMatchObject({ enrolled: false, reason: 'missing-unit-id', arm: { id: 'control' } })
  })

  it('enrols nobody while paused or stopped: everyone sees the control', () => {
    for (const status of ['paused', 'stopped'] as const) {
      const prepared = prepareExperiment(experiment({ status }))
      expect(ids.slice(0, 100).every((id) => assign(prepared, id, 0, everywhere).arm.id === 'control')).toBe(true)
      expect(assign(prepared, ids[0]!, 0, everywhere)).toMatchObject({ enrolled: false, reason: status })
    }
  })

  it('shows a shipped arm to everyone in the audience, unenrolled, even without an id', () => {
    const prepared = prepareExperiment(experiment({ status: 'shipped', shippedArm: 'bold' }))
    expect(ids.slice(0, 100).every((id) => assign(prepared, id, 0, everywhere).arm.id === 'bold')).toBe(true)
    expect(assign(prepared, ids[0]!, 0, everywhere)).toMatchObject({ enrolled: false, reason: 'shipped' })
    expect(assign(prepared, '', 0, everywhere)).toMatchObject({ enrolled: false, reason: 'shipped', arm: { id: 'bold' } })
  })
})

describe('The site-wide holdout', () => {
  const experiments = [
    experiment(),
    experiment({ key: 'checkout-cta', seed: 'checkout-cta', arms: arms(0.1, 0.2, 0.7) }),
    experiment({ key: 'store-screen', seed: 'store-screen', status: 'shipped', shippedArm: 'bold' }),
  ].map(prepareExperiment)

  it('holds out about its percentage of people, and never enrols them in any experiment', () => {
    const heldOut = ids.filter((id) => inHoldout(id, 5))
    expect(heldOut.length / UNITS).toEqual(near(0.05, 0.008))
    for (const prepared of experiments) {
      for (const id of heldOut) expect(assign(prepared, id, 5, everywhere)).toMatchObject({ enrolled: false, reason: 'holdout', arm: { id: 'control' } })
    }
  })

  it('is independent of every experiment’s split: each arm loses the same share to it', () => {
    const prepared = prepareExperiment(experiment({ arms: arms(0.2, 0.3, 0.5) }))
    const perArm = [0, 1, 2].map(() => ({ units: 0, heldOut: 0 }))
    for (const id of ids) {
      const wouldBe = assign(prepared, id, 0, everywhere)
      if (!wouldBe.enrolled) continue
      perArm[wouldBe.armIndex]!.units++
      if (!assign(prepared, id, 10, everywhere).enrolled) perArm[wouldBe.armIndex]!.heldOut++
    }
    for (const arm of perArm) expect(arm.heldOut / arm.units).toEqual(near(0.1, 0.025))
  })

  it('only adds people when its percentage grows', () => {
    const atFive = ids.filter((id) => inHoldout(id, 5))
    expect(atFive.every((id) => inHoldout(id, 10))).toBe(true)
    expect(ids.filter((id) => inHoldout(id, 10)).length).toBeGreaterThan(atFive.length)
  })

  it('holds out people, not stores', () => {
    const storeExperiment = prepareExperiment(experiment({ unit: 'store' }))
    const heldOutIds = ids.filter((id) => inHoldout(id, 50)).slice(0, 50)
    expect(heldOutIds.every((id) => assign(storeExperiment, id, 50, everywhere).enrolled)).toBe(true)
  })
})

describe('Phases', () => {
  it('start anew when arms, weights or coverage change, not when status or audience do', () => {
    const running = experiment()
    expect(startsNewPhase(running, experiment({ coverage: 0.5 }))).toBe(true)
    expect(startsNewPhase(running, experiment({ arms: arms(0.4, 0.6) }))).toBe(true)
    expect(startsNewPhase(running, experiment({ arms: arms(1 / 3, 1 / 3, 1 / 3) }))).toBe(true)
    expect(startsNewPhase(running, experiment({ arms: [{ id: 'control', weight: 0.5 }, { id: 'italic', weight: 0.5 }] }))).toBe(true)
    expect(startsNewPhase(running, experiment({ status: 'paused' }))).toBe(false)
    expect(startsNewPhase(running, experiment({ audience: ['vip'] }))).toBe(false)
  })

  it('hash under the key in phase 1 (the SDK’s default seed) and randomize afresh later', () => {
    expect(phaseSeed('hero-headline', 1)).toBe('hero-headline')
    const first = prepareExperiment(experiment())
    const second = prepareExperiment(experiment({ phase: 2, seed: phaseSeed('hero-headline', 2) }))
    const kept = ids.filter((id) => assign(first, id, 0, everywhere).arm.id === assign(second, id, 0, everywhere).arm.id)
    expect(kept.length / UNITS).toEqual(near(0.5, 0.02))
  })
})

describe('A compiled experiment', () => {
  it('is refused when its weights do not add up to 1, its arm ids repeat, or its shipped arm is missing or unknown', () => {
    const base = experiment()
    const problems = (overrides: Partial<CompiledExperiment>) =>
      CompiledExperimentSchema.safeParse({ ...base, ...overrides }).error?.issues.map((issue) => issue.message) ?? []
    expect(problems({ arms: arms(0.5, 0.4) })).toEqual([expect.stringContaining('add up to 1')])
    expect(problems({ arms: [{ id: 'same', weight: 0.5 }, { id: 'same', weight: 0.5 }] })).toEqual(['Arm ids must be unique.'])
    expect(problems({ status: 'shipped' })).toEqual(['A shipped experiment names the arm it shipped.'])
    expect(problems({ shippedArm: 'gone' })).toEqual([expect.stringContaining('not one of the arms')])
    expect(problems({ seed: HOLDOUT_SEED })).toEqual([expect.stringContaining('holdout')])
    expect(problems({ arms: [{ id: 'only', weight: 1 }] })).not.toEqual([])
  })
})
