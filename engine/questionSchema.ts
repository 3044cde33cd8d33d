/**
 * The shape of questions in the snapshot: what editors wrote in the
 * `questions` collection, compiled (engine/questions.ts chooses among them).
 */
import { z } from 'zod'

import { CHANNELS, LOCALES, PURPOSE_KEY } from './axes'
import { TRAIT_KEY } from './segmentRules'

export const QUESTION_TYPES = ['text', 'email', 'single', 'multiple', 'number', 'yes_no', 'date', 'nps', 'ces', 'csat'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]

/** Survey scales (inclusive): NPS 0–10, CES 1–7, CSAT 1–5. */
export const SURVEY_SCALES = { nps: [0, 10], ces: [1, 7], csat: [1, 5] } as const satisfies Partial<Record<QuestionType, readonly [number, number]>>
export type SurveyKind = keyof typeof SURVEY_SCALES
export const isSurvey = (type: QuestionType): type is SurveyKind => Object.hasOwn(SURVEY_SCALES, type)

const Localized = z.partialRecord(z.enum(LOCALES), z.string())

export const CompiledQuestionSchema = z.object({
  id: z.string(),
  /** The trait an answer fills (surveys: the latest score; NPS also `<trait>Group`). */
  trait: z.string().regex(TRAIT_KEY),
  type: z.enum(QUESTION_TYPES),
  text: Localized,
  /** Surveys: the optional open follow-up ("What is the main reason for your score?"). */
  followUp: Localized.optional(),
  options: z.array(z.object({ value: z.string(), label: Localized })),
  /** Higher is asked first; the id settles ties. */
  priority: z.number(),
  /** Empty: every channel. */
  channels: z.array(z.enum(CHANNELS)),
  /** The consent purpose an answer is stored under. */
  purpose: z.string().regex(PURPOSE_KEY),
  /** Ask only once these traits are known… */
  requiresTraits: z.array(z.string()),
  /** …and the person is in one of these segments (ids; empty: anyone). */
  requiresSegments: z.array(z.string()),
  /** After a decline or a skip, not asked again for this many days. */
  cooldownDays: z.number().min(0),
  /** Surveys: no survey at all within this many days of the last one answered or declined, on any channel. */
  fatigueDays: z.number().min(0),
})
export type CompiledQuestion = z.infer<typeof CompiledQuestionSchema>

/** An ask block's settings: how many questions at most, and which (empty: any profiling question, surveys excluded). */
export const CompiledAskSchema = z.object({ max: z.number().int().min(1).max(10), questions: z.array(z.string()) })
export type CompiledAsk = z.infer<typeof CompiledAskSchema>

