/**
 * Progressive profiling, as a property: across any sequence of touchpoints
 * (web, email, screen) and of answers, declines and skips, a question is never
 * asked once its trait is known, never within its cooldown after a decline or
 * skip, never on a channel it is not for, and never more than N at once.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { type AskLog, CHANNELS, chooseQuestions, type CompiledQuestion, decisionContext, type TraitValue } from '../../engine'

const DAY = 86_400_000
const START = Date.parse('2026-06-01T09:00:00Z')

const question = (id: string, extra: Partial<CompiledQuestion> = {}): CompiledQuestion => ({
  id,
  trait: `trait${id}`,
  type: 'text',
  text: { en: `Question ${id}?`, fr: `Question ${id} ?` },
  options: [],
  priority: 0,
  channels: [],
  purpose: 'personalization',
  requiresTraits: [],
  requiresSegments: [],
  cooldownDays: 30,
  fatigueDays: 30,
  ...extra,
})

function contextAt(now: number, channel: (typeof CHANNELS)[number], traits: Record<string, TraitValue>, asks: AskLog) {
  return decisionContext({ channel, traits, asks, consents: ['personalization'] }, { channel, locale: 'en', timezone: 'UTC', now })
}

const questionsArb = fc.uniqueArray(
  fc.record({
    id: fc.integer({ min: 1, max: 12 }).map(String),
    priority: fc.integer({ min: -3, max: 3 }),
    cooldownDays: fc.integer({ min: 0, max: 60 }),
    channels: fc.subarray([...CHANNELS]),
    requires: fc.option(fc.integer({ min: 1, max: 12 }).map((id) => `trait${id}`), { nil: undefined }),
  }),
  { selector: (entry) => entry.id, minLength: 1, maxLength: 8 },
)

const touchpointsArb = fc.array(
  fc.record({
    channel: fc.constantFrom(...CHANNELS),
    daysLater: fc.integer({ min: 0, max: 40 }),
    max: fc.integer({ min: 1, max: 3 }),
    actions: fc.array(fc.constantFrom('answer', 'decline', 'skip', 'ignore'), { minLength: 3, maxLength: 3 }),
  }),
  { minLength: 1, maxLength: 25 },
)

describe('choosing the next question', () => {
  it('never asks a known trait, a question within its cooldown, on the wrong channel, or more than N', () => {
    fc.assert(
      fc.property(questionsArb, touchpointsArb, (entries, touchpoints) => {
        const questions = entries.map((entry) =>
          question(entry.id, { priority: entry.priority, cooldownDays: entry.cooldownDays, channels: entry.channels, requiresTraits: entry.requires ? [entry.requires] : [] }),
        )
        const traits: Record<string, TraitValue> = {}
        const asks: AskLog = {}
        let now = START
        for (const touchpoint of touchpoints) {
          now += touchpoint.daysLater * DAY
          const context = contextAt(now, touchpoint.channel, traits, asks)
          const { chosen, trace } = chooseQuestions(questions, { max: touchpoint.max, questions: [] }, context, new Set())
          expect(chosen.length).toBeLessThanOrEqual(touchpoint.max)
          expect(trace).toHaveLength(questions.length)
          for (const asked of chosen) {
            expect(traits[asked.trait]).toBeUndefined()
            if (asked.channels.length > 0) expect(asked.channels).toContain(touchpoint.channel)
            for (const required of asked.requiresTraits) expect(traits[required]).toBeDefined()
            const record = asks[asked.id]
            if (record && record.outcome !== 'answered') expect(now - Date.parse(record.at)).toBeGreaterThanOrEqual(asked.cooldownDays * DAY)
          }
          chosen.forEach((asked, index) => {
            const action = touchpoint.actions[index]
            const at = new Date(now).toISOString()
            if (action === 'answer') {
              traits[asked.trait] = `value of ${asked.id}`
              asks[asked.id] = { outcome: 'answered', at, channel: touchpoint.channel }
            } else if (action === 'decline' || action === 'skip') {
              asks[asked.id] = { outcome: action === 'decline' ? 'declined' : 'skipped', at, channel: touchpoint.channel }
            }
          })
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('the trace and the order', () => {
  const questions = [question('1', { priority: 1 }), question('2', { priority: 5 }), question('3', { priority: 5, channels: ['email'] })]
  const at = (days: number) => new Date(START + days * DAY).toISOString()

  it('asks the highest priority first, up to the block’s maximum, and says why each other one was not asked', () => {
    const { chosen, trace } = chooseQuestions(questions, { max: 1, questions: [] }, contextAt(START, 'web', {}, {}), new Set())
    expect(chosen.map((q) => q.id)).toEqual(['2'])
    expect(trace).toEqual([
      { question: '2', trait: 'trait2', chosen: true, reason: 'asked: priority 5, nothing stands in the way' },
      { question: '3', trait: 'trait3', chosen: false, reason: 'not asked on web: only on email' },
      { question: '1', trait: 'trait1', chosen: false, reason: 'not asked: this block asks at most 1' },
    ])
  })

  it('moves on once a trait is known, and waits out a decline’s cooldown', () => {
    const declined: AskLog = { '1': { outcome: 'declined', at: at(0) } }
    const early = chooseQuestions(questions, { max: 2, questions: [] }, contextAt(START + 10 * DAY, 'web', { trait2: 'x' }, declined), new Set())
    expect(early.chosen).toEqual([])
    expect(early.trace.find((entry) => entry.question === '1')?.reason).toBe('declined less than 30 days ago')
    expect(early.trace.find((entry) => entry.question === '2')?.reason).toBe('trait2 is known')
    const later = chooseQuestions(questions, { max: 2, questions: [] }, contextAt(START + 31 * DAY, 'web', { trait2: 'x' }, declined), new Set())
    expect(later.chosen.map((q) => q.id)).toEqual(['1'])
  })

  it('asks nothing without consent to the purpose answers are stored under', () => {
    const context = decisionContext({ channel: 'web', consents: ['analytics'] }, { channel: 'web', locale: 'en', timezone: 'UTC', now: START })
    const { chosen, trace } = chooseQuestions(questions, { max: 3, questions: [] }, context, new Set())
    expect(chosen).toEqual([])
    expect(trace[0]?.reason).toBe('no personalization consent: an answer could not be stored')
  })

  it('surveys again only after the fatigue window of the last survey, on any channel', () => {
    const nps = question('9', { type: 'nps', trait: 'nps', fatigueDays: 30 })
    const ces = question('8', { type: 'ces', trait: 'ces', fatigueDays: 30 })
    const log: AskLog = { '9': { outcome: 'answered', at: at(0), channel: 'email' } }
    const soon = chooseQuestions([nps, ces], { max: 1, questions: ['8', '9'] }, contextAt(START + 5 * DAY, 'web', { nps: 9 }, log), new Set())
    expect(soon.chosen).toEqual([])
    expect(soon.trace.map((entry) => entry.reason)).toEqual(['surveyed less than 30 days ago (on any channel)', 'surveyed less than 30 days ago (on any channel)'])
    const later = chooseQuestions([nps, ces], { max: 1, questions: ['8', '9'] }, contextAt(START + 31 * DAY, 'web', { nps: 9 }, log), new Set())
    expect(later.chosen.map((q) => q.id)).toEqual(['8'])
  })

  it('leaves surveys out of a block that lists no questions', () => {
    const nps = question('9', { type: 'nps', trait: 'nps', priority: 100 })
    expect(chooseQuestions([nps], { max: 1, questions: [] }, contextAt(START, 'web', {}, {}), new Set()).chosen).toEqual([])
  })
})
