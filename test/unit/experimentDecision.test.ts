/**
 * Experiments in a decision, as the engine decides them: enrolment only with
 * consent, the reasons a unit is not enrolled, the sticky first arm over the
 * hash, the shipped arm for everyone, store units.
 */
import { describe, expect, it } from 'vitest'

import { bucketOf, experimentOutcome, explainOutcome, hashSeed, indexExperiments, type ExperimentRequest, type ScopedExperiment } from '../../engine'
import { compiledExperiment } from '../support/experimentBuilders'

const scoped = (overrides: Parameters<typeof compiledExperiment>[0] = {}, extra: Partial<ScopedExperiment> = {}): ScopedExperiment => ({
  experiment: compiledExperiment(overrides),
  scope: { kind: 'block', block: 'hero' },
  purpose: 'analytics',
  ...extra,
})
const decide = (experiment: ScopedExperiment, request: Partial<ExperimentRequest>, context: { channel?: 'web' | 'email' | 'screen'; members?: string[]; now?: number } = {}, holdout = 0) =>
  experimentOutcome(
    indexExperiments({ experiments: [experiment] }).byBlock.get('hero')!,
    { consents: new Set(['analytics']), ...request },
    { channel: context.channel ?? 'web', memberIds: new Set(context.members ?? []), now: context.now ?? Date.parse('2026-12-02T12:00:00Z') },
    holdout,
  )
/** The arm GrowthBook's hash gives `id` in the builder's 50/50 split. */
const hashed = (id: string) => (bucketOf(hashSeed('hero-headline'), id) < 0.5 ? 'control' : 'bold')

describe('experiments in a decision', () => {
  it('enrols a consenting person in the arm the hash gives', () => {
    for (const person of ['crm-1', 'crm-2', 'crm-3', 'v-9']) expect(decide(scoped(), { person })).toMatchObject({ enrolled: true, arm: hashed(person), unitId: person })
  })

  it('enrols no one without consent to the purpose, and says so', () => {
    const outcome = decide(scoped(), { person: 'crm-1', consents: new Set(['personalization']) })
    expect(outcome).toMatchObject({ enrolled: false, reason: 'no-consent' })
    expect(outcome.arm).toBeUndefined()
    expect(explainOutcome(outcome)).toBe('no consent to the experiment’s purpose')
  })

  it('says why a unit is not enrolled: channel, audience, holdout, coverage, dates, status', () => {
    expect(decide(scoped({ channels: ['email'] }), { person: 'crm-1' }).reason).toBe('other-channel')
    expect(decide(scoped({ audience: ['gold'] }), { person: 'crm-1' }, { members: ['silver'] }).reason).toBe('outside-audience')
    expect(decide(scoped({ audience: ['gold'] }), { person: 'crm-1' }, { members: ['gold'] }).enrolled).toBe(true)
    expect(decide(scoped(), { person: 'crm-1' }, {}, 100).reason).toBe('holdout')
    expect(decide(scoped({ coverage: 0 }), { person: 'crm-1' }).reason).toBe('outside-coverage')
    expect(decide(scoped({}, { startAt: Date.parse('2027-01-01T00:00:00Z') }), { person: 'crm-1' }).reason).toBe('not-started')
    expect(decide(scoped({}, { endAt: Date.parse('2026-01-01T00:00:00Z') }), { person: 'crm-1' }).reason).toBe('ended')
    expect(decide(scoped({ status: 'paused' }), { person: 'crm-1' }).reason).toBe('paused')
    expect(decide(scoped(), {}).reason).toBe('missing-unit-id')
  })

  it('keeps the arm first served (on the profile) over the hash, within its phase only', () => {
    const person = ['crm-1', 'crm-2', 'crm-3', 'crm-4'].find((id) => hashed(id) === 'bold')!
    expect(decide(scoped(), { person, sticky: { 'hero-headline:1': 'control' } })).toMatchObject({ enrolled: true, arm: 'control', sticky: true })
    expect(decide(scoped(), { person, sticky: { 'hero-headline:2': 'control' } })).toMatchObject({ enrolled: true, arm: 'bold' })
    // Consent still decides: a sticky arm is no enrolment without it.
    expect(decide(scoped(), { person, consents: new Set(), sticky: { 'hero-headline:1': 'control' } }).enrolled).toBe(false)
  })

  it('shows the arm an editor picks in a preview, whatever the hash, consent or audience, and says so', () => {
    const person = ['crm-1', 'crm-2', 'crm-3', 'crm-4'].find((id) => hashed(id) === 'bold')!
    const picked = decide(scoped({ audience: ['gold'] }), { person, consents: new Set(), forced: { 'hero-headline': 'control' } })
    expect(picked).toMatchObject({ enrolled: true, arm: 'control', forced: true })
    expect(explainOutcome(picked)).toBe('arm control, picked in the preview')
    // An arm the experiment does not have, or another experiment's key, changes nothing.
    expect(decide(scoped(), { person, forced: { 'hero-headline': 'no-such-arm' } })).toMatchObject({ arm: 'bold' })
    expect(decide(scoped(), { person, forced: { 'other-experiment': 'control' } }).forced).toBeUndefined()
  })

  it('serves a shipped arm to everyone in scope, consent or not, enrolling no one', () => {
    const shipped = scoped({ status: 'shipped', shippedArm: 'bold' })
    expect(decide(shipped, {})).toMatchObject({ enrolled: false, reason: 'shipped', arm: 'bold' })
    expect(decide(shipped, { person: 'crm-1', consents: new Set() })).toMatchObject({ enrolled: false, arm: 'bold' })
  })

  it('gives every screen of a store the store’s arm, with no consent to ask', () => {
    const stores = scoped({ unit: 'store' })
    for (const store of ['paris-rivoli', 'lyon-bellecour']) {
      const arms = new Set(['screen-a', 'screen-b'].map((visitor) => decide(stores, { store, person: visitor, consents: new Set() }, { channel: 'screen' }).arm))
      expect([...arms]).toEqual([hashed(store)])
    }
  })
})
