/**
 * The demo's progressive profiling and surveys: questions for first name,
 * preferred store and interests; an NPS survey on the home page and in the
 * newsletter; a "candle interest" score; segments reading that score and the
 * NPS group; and six months of seeded NPS and CES answers so the dashboards
 * show a trend.
 */
import type { Payload } from 'payload'

import { newIdempotencyKey, recordEvents } from '../../delivery/customers'
import type { Localized } from './content'

type Ref = number | string
const l = (en: string, fr: string): Localized => ({ en, fr })

export const DEMO_QUESTIONS = [
  { key: 'firstName', trait: 'firstName', type: 'text', priority: 30, text: l('What should we call you?', 'Comment devons-nous vous appeler ?') },
  {
    key: 'preferredStore',
    trait: 'preferredStore',
    type: 'single',
    priority: 20,
    text: l('Which store do you visit most?', 'Quelle boutique fréquentez-vous le plus ?'),
    options: [
      { value: 'paris-rivoli', label: l('Paris Rivoli', 'Paris Rivoli') },
      { value: 'lyon-bellecour', label: l('Lyon Bellecour', 'Lyon Bellecour') },
      { value: 'bordeaux-sainte-catherine', label: l('Bordeaux Sainte-Catherine', 'Bordeaux Sainte-Catherine') },
    ],
  },
  {
    key: 'interests',
    trait: 'interests',
    type: 'multiple',
    priority: 10,
    text: l('What do you love most?', 'Qu’aimez-vous le plus ?'),
    options: [
      { value: 'candles', label: l('Candles', 'Bougies') },
      { value: 'linen', label: l('Linen', 'Linge') },
      { value: 'ceramics', label: l('Ceramics', 'Céramiques') },
    ],
  },
  {
    key: 'nps',
    trait: 'nps',
    type: 'nps',
    priority: 0,
    text: l('How likely are you to recommend Maison Lumen to a friend?', 'Quelle est la probabilité que vous recommandiez Maison Lumen à un proche ?'),
    followUp: l('What is the main reason for your score?', 'Quelle est la raison principale de votre note ?'),
  },
  {
    key: 'ces',
    trait: 'ces',
    type: 'ces',
    priority: 0,
    text: l('Maison Lumen made it easy to find what I wanted.', 'Maison Lumen m’a permis de trouver facilement ce que je voulais.'),
  },
] as const

export const DEMO_SCORE = {
  slug: 'candle-interest',
  name: l('Candle interest', 'Intérêt pour les bougies'),
  cap: 100,
  halfLifeDays: 14,
  rules: [
    { event: 'page_view', category: 'candles', points: 5 },
    { event: 'click', category: 'candles', points: 3 },
    { event: 'conversion', category: 'candles', points: 20 },
  ],
}

/** Segments that read the score and the NPS group (seed.ts creates them with the others). */
export const DEMO_PROFILING_SEGMENTS = [
  {
    slug: 'candle-fans',
    name: l('Candle fans', 'Fans de bougies'),
    description: l('Candle interest of 20 or more (an interest score).', 'Intérêt pour les bougies de 20 ou plus (un score d’intérêt).'),
    priority: 45,
    rules: { match: 'all' as const, conditions: [{ attribute: 'trait', trait: 'score.candle-interest', operator: 'gte', value: '20' }] },
  },
  {
    slug: 'detractors',
    name: l('NPS detractors', 'Détracteurs NPS'),
    description: l('Answered 0 to 6 to the NPS survey: they get the apology variant.', 'Ont répondu de 0 à 6 à l’enquête NPS : ils reçoivent la variante d’excuses.'),
    priority: 60,
    rules: { match: 'all' as const, conditions: [{ attribute: 'trait', trait: 'npsGroup', operator: 'equals', value: 'detractor' }] },
  },
]

type CreateBilingual = (collection: 'blocks' | 'questions' | 'interest-scores', data: Record<string, unknown>) => Promise<Ref>

/** Creates the questions, the score and the ask blocks; returns the blocks by key for the pages' slots. */
export async function seedProfiling(payload: Payload, createBilingual: CreateBilingual, purposeId: (slug: string) => Ref | undefined): Promise<Map<string, Ref>> {
  const questions = new Map<string, Ref>()
  for (const question of DEMO_QUESTIONS) {
    const { key, ...data } = question
    questions.set(key, await createBilingual('questions', { ...data, purpose: purposeId('personalization'), cooldownDays: 30, fatigueDays: 30 }))
  }
  await createBilingual('interest-scores', { ...DEMO_SCORE })
  const blocks = new Map<string, Ref>()
  blocks.set(
    'ask-profile',
    await createBilingual('blocks', {
      name: 'Get to know you (ask block)',
      kind: 'ask',
      tone: 'friendly',
      length: 'short',
      content: { headline: l('Thank you for telling us about yourself', 'Merci de nous en dire plus sur vous') },
      ask: { max: 1, questions: [] },
      variants: [],
      _status: 'published',
    }),
  )
  blocks.set(
    'nps-survey',
    await createBilingual('blocks', {
      name: 'NPS survey',
      kind: 'ask',
      tone: 'friendly',
      length: 'short',
      content: { headline: l('Thank you for your feedback', 'Merci pour votre avis') },
      ask: { max: 1, questions: [questions.get('nps')!] },
      variants: [],
      _status: 'published',
    }),
  )
  return blocks
}

/** Deterministic pseudo-random numbers (Park–Miller minimal standard), so every demo shows the same dashboards. */
function random(seed: number): () => number {
  let state = seed
  return () => (state = (state * 16807) % 2147483647) / 2147483647
}

const STORES = ['paris-rivoli', 'lyon-bellecour', 'bordeaux-sainte-catherine']
const CHANNELS = ['web', 'email', 'screen'] as const
const REASONS = [l('Beautiful candles', 'Des bougies magnifiques'), l('Delivery was slow', 'La livraison était lente'), l('Friendly staff', 'Un personnel aimable'), l('A bit expensive', 'Un peu cher')]

/**
 * Six months of answers from 180 demo customers: NPS improving month by
 * month (more promoters, fewer detractors), CES answers alongside.
 */
export async function seedSurveyAnswers(payload: Payload, questionIds: { nps: Ref; ces: Ref }, purposes: Parameters<typeof recordEvents>[3]): Promise<number> {
  const next = random(12)
  const events: Parameters<typeof recordEvents>[1] = []
  const now = Date.now()
  for (let index = 0; index < 180; index++) {
    const customer = `demo-survey-${index}`
    const monthsAgo = index % 6
    const at = new Date(now - (monthsAgo * 30 + 1 + Math.floor(next() * 25)) * 86_400_000).toISOString()
    const improvement = (5 - monthsAgo) * 0.05
    const roll = next()
    const score = roll < 0.2 + improvement ? 9 + Math.round(next()) : roll < 0.65 ? 7 + Math.round(next()) : Math.floor(next() * 7)
    const channel = CHANNELS[index % 3]!
    const store = STORES[index % 3]!
    const reason = REASONS[Math.floor(next() * REASONS.length)]!
    events.push({ idempotencyKey: newIdempotencyKey(), type: 'consent_change', customer, consents: { personalization: true, analytics: true }, occurredAt: at })
    events.push({
      idempotencyKey: newIdempotencyKey(),
      type: 'form_answer',
      name: 'survey:nps',
      category: 'nps',
      customer,
      occurredAt: at,
      traits: { nps: score, npsGroup: score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor' },
      properties: { question: String(questionIds.nps), outcome: 'answered', channel, store, page: channel === 'email' ? 'newsletter' : 'home', score, segments: [...(index % 5 === 0 ? ['loyal-gold'] : []), ...(score <= 6 ? ['detractors'] : [])], ...(index % 4 === 0 ? { followUp: reason.en } : {}) },
    })
    if (index % 2 === 0) {
      const ces = Math.min(7, 3 + Math.floor(next() * 4) + (monthsAgo < 3 ? 1 : 0))
      events.push({
        idempotencyKey: newIdempotencyKey(),
        type: 'form_answer',
        name: 'survey:ces',
        category: 'ces',
        customer,
        occurredAt: at,
        traits: { ces },
        properties: { question: String(questionIds.ces), outcome: 'answered', channel, store, page: 'home', score: ces, segments: [] },
      })
    }
  }
  const outcomes = await recordEvents(payload, events, { kind: 'api-key', name: 'demo seed' }, purposes)
  return outcomes.filter((outcome) => outcome.status === 'accepted').length
}
