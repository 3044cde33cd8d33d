/** The ask block in a page: the chosen questions in the person's language, the trace, and the default content when nothing is left to ask. */
import { describe, expect, it } from 'vitest'

import { type CompiledQuestion, resolvePage } from '../../engine'
import { block, context, manifest, page } from '../support/snapshotBuilders'

const firstName: CompiledQuestion = {
  id: '1',
  trait: 'firstName',
  type: 'text',
  text: { en: 'What is your first name?', fr: 'Quel est votre prénom ?' },
  options: [],
  priority: 10,
  channels: [],
  purpose: 'personalization',
  requiresTraits: [],
  requiresSegments: [],
  cooldownDays: 30,
  fatigueDays: 30,
}
const ask = block('ask', [], { kind: 'ask', ask: { max: 1, questions: [] }, content: { en: { headline: 'Thank you for being here' }, fr: { headline: 'Merci d’être là' } } })
const snapshot = manifest([], { questions: [firstName] })
const bundle = page([ask])

describe('an ask block', () => {
  it('asks the next question in the person’s language, and the decision is personal', () => {
    const resolved = resolvePage(snapshot, bundle, context({ locale: 'fr' }), { trace: true })
    expect(resolved.blocks[0]?.questions).toEqual([{ id: '1', trait: 'firstName', type: 'text', text: 'Quel est votre prénom ?', options: [] }])
    expect(resolved.personalized).toBe(true)
    expect(resolved.trace?.slots[0]?.questions?.[0]).toMatchObject({ question: '1', chosen: true })
    expect(resolved.decisionKey).toContain('0:default?1;')
  })

  it('falls back to its default content once everything is known', () => {
    const resolved = resolvePage(snapshot, bundle, context({ traits: { firstName: 'Ada' } }), { trace: true })
    expect(resolved.blocks[0]?.questions).toEqual([])
    expect(resolved.blocks[0]?.content.headline).toBe('Thank you for being here')
    expect(resolved.trace?.slots[0]?.questions?.[0]?.reason).toBe('firstName is known')
  })

  it('asks nothing of a visitor without consent, and the page stays shareable', () => {
    const resolved = resolvePage(snapshot, bundle, context({ consents: [] }))
    expect(resolved.blocks[0]?.questions).toEqual([])
    expect(resolved.personalized).toBe(false)
  })

  it('shows interest scores with their value in the trace', () => {
    const resolved = resolvePage(snapshot, bundle, context({ traits: { 'score.candle-interest': 24.5 } }), { trace: true })
    expect(resolved.trace?.scores).toEqual({ 'candle-interest': 24.5 })
  })
})
