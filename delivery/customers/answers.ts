/**
 * Answers to questions and surveys, whatever the channel: each is checked
 * against its question's type, and becomes a form_answer event (through the
 * events API's recorder, so consent, idempotency and the one fold apply):
 * the trait it fills with its source, channel and time, and an entry in the
 * person's ask log. Declines and skips are events too (no trait). A survey
 * answer carries the context at answer time: channel, store, page, locale,
 * member segments, the experiment arms they were served, and its score; the latest score is a trait (NPS also its
 * group: promoter, passive or detractor) that segment rules can read.
 */
import { z } from 'zod'

import { type AskOutcome, CHANNELS, type CompiledQuestion, type DeliveryManifest, isSurvey, SLUG, SURVEY_SCALES, type TraitValue } from '../../engine'
import type { IncomingEvent } from './events'

/** What a touchpoint posts: the question, what the person did, the value (one, or several for multiple choice). */
export const AnswerSchema = z
  .object({
    question: z.string().min(1).max(64),
    action: z.enum(['answer', 'decline', 'skip']).default('answer'),
    value: z.union([z.string().max(512), z.array(z.string().max(512)).max(50)]).optional(),
    followUp: z.string().max(2000).optional(),
    page: z.string().max(64).regex(SLUG).optional(),
    store: z.string().max(64).regex(SLUG).optional(),
    channel: z.enum(CHANNELS).default('web'),
    locale: z.enum(['en', 'fr']).optional(),
  })
  .meta({ id: 'Answer' })
export type Answer = z.infer<typeof AnswerSchema>

export const AnswerRecordedSchema = z.object({ recorded: z.boolean(), outcome: z.enum(['answered', 'declined', 'skipped']), duplicate: z.boolean() }).meta({ id: 'AnswerRecorded' })

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const YES = new Set(['yes', 'true', 'oui', '1'])
const NO = new Set(['no', 'false', 'non', '0'])

export type CheckedValue = { ok: true; traits: Record<string, TraitValue>; score?: number } | { ok: false; message: string }

/** NPS groups (Reichheld): 9–10 promoters, 7–8 passives, 0–6 detractors. */
export function npsGroup(score: number): 'promoter' | 'passive' | 'detractor' {
  return score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor'
}

/** Checks one answer against its question's type; the traits it fills. */
export function checkAnswerValue(question: CompiledQuestion, raw: Answer['value']): CheckedValue {
  const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((value) => value.trim()).filter(Boolean)
  const one = values[0]
  const fill = (value: TraitValue): CheckedValue => ({ ok: true, traits: { [question.trait]: value } })
  if (values.length === 0) return { ok: false, message: 'Give an answer, or skip the question' }
  if (question.type !== 'multiple' && values.length > 1) return { ok: false, message: 'This question takes one answer' }
  switch (question.type) {
    case 'text':
      return one!.length <= 256 ? fill(one!) : { ok: false, message: 'At most 256 characters' }
    case 'email':
      return z.email().safeParse(one).success ? fill(one!.toLowerCase()) : { ok: false, message: `“${one}” is not an email address` }
    case 'single':
      return question.options.some((option) => option.value === one) ? fill(one!) : { ok: false, message: `“${one}” is not one of the choices: ${question.options.map((option) => option.value).join(', ')}` }
    case 'multiple': {
      const unknown = values.filter((value) => !question.options.some((option) => option.value === value))
      return unknown.length === 0 ? fill([...new Set(values)]) : { ok: false, message: `Not among the choices: ${unknown.join(', ')}` }
    }
    case 'number': {
      const number = Number(one!.replace(',', '.'))
      return /^-?\d+([.,]\d+)?$/.test(one!) && Number.isFinite(number) ? fill(number) : { ok: false, message: `“${one}” is not a number` }
    }
    case 'yes_no':
      return YES.has(one!.toLowerCase()) ? fill(true) : NO.has(one!.toLowerCase()) ? fill(false) : { ok: false, message: 'Answer yes or no' }
    case 'date': {
      const valid = ISO_DATE.test(one!) && new Date(`${one}T00:00:00Z`).toISOString().startsWith(one!)
      return valid ? fill(one!) : { ok: false, message: `“${one}” is not a date; write it as YYYY-MM-DD` }
    }
    case 'nps':
    case 'ces':
    case 'csat': {
      const [low, high] = SURVEY_SCALES[question.type]
      const score = Number(one)
      if (!/^\d{1,2}$/.test(one!) || score < low || score > high) return { ok: false, message: `Answer with a whole number from ${low} to ${high}` }
      const traits: Record<string, TraitValue> = { [question.trait]: score }
      if (question.type === 'nps') traits[`${question.trait}Group`] = npsGroup(score)
      return { ok: true, traits, score }
    }
  }
}

/** The traits an answer to this question may fill (what the site may state for the visitor). */
export const answerTraits = (question: CompiledQuestion): string[] => (question.type === 'nps' ? [question.trait, `${question.trait}Group`] : [question.trait])

export const OUTCOME_OF: Record<Answer['action'], AskOutcome> = { answer: 'answered', decline: 'declined', skip: 'skipped' }

export function findQuestion(manifest: DeliveryManifest | undefined, id: string): CompiledQuestion | undefined {
  return manifest?.questions?.find((question) => question.id === id)
}

/**
 * The form_answer event of one answer, decline or skip. Survey answers are
 * named `survey:<kind>` (the dashboards read them), others `answer`.
 */
export function answerEvent(
  question: CompiledQuestion,
  answer: Answer,
  checked: Extract<CheckedValue, { ok: true }> | undefined,
  idempotencyKey: string,
  segments: readonly string[],
  arms: Readonly<Record<string, string>> = {},
): IncomingEvent {
  const outcome = OUTCOME_OF[answer.action]
  const survey = isSurvey(question.type)
  const followUp = answer.followUp?.trim()
  return {
    idempotencyKey,
    type: 'form_answer',
    name: survey ? `survey:${question.type}` : 'answer',
    ...(survey ? { category: question.type } : {}),
    traits: checked?.traits ?? {},
    properties: {
      question: question.id,
      outcome,
      channel: answer.channel,
      ...(answer.store ? { store: answer.store } : {}),
      ...(answer.page ? { page: answer.page } : {}),
      ...(answer.locale ? { locale: answer.locale } : {}),
      ...(checked?.score !== undefined ? { score: checked.score } : {}),
      ...(followUp ? { followUp: followUp.slice(0, 2000) } : {}),
      segments: [...segments],
      ...(survey && Object.keys(arms).length > 0 ? { arms: { ...arms } } : {}),
    },
  }
}
