/**
 * Progressive profiling and surveys: the questions editors write, compiled
 * into the snapshot, and the pure choice of what to ask this person next at
 * one touchpoint. Known traits and the person's ask log (answered, declined,
 * skipped, with times) come in with the context; the same snapshot and
 * context always choose the same questions, and the trace says why each
 * question was or was not chosen.
 */
import type { Locale } from './axes'
import type { AskLog } from './askLog'
import type { DecisionContext } from './context'
import { type CompiledAsk, type CompiledQuestion, isSurvey, type QuestionType, SURVEY_SCALES } from './questionSchema'

/** A question as a touchpoint shows it, in one locale. */
export type AskedQuestion = {
  id: string
  trait: string
  type: QuestionType
  text: string
  followUp?: string
  options: { value: string; label: string }[]
  /** Surveys: the scale's ends. */
  scale?: readonly [number, number]
}

export type QuestionTrace = { question: string; trait: string; chosen: boolean; reason: string }

const DAY_MS = 86_400_000

function localized(values: Partial<Record<Locale, string>>, locale: Locale, defaultLocale: Locale): string {
  return values[locale] ?? values[defaultLocale] ?? ''
}

export function askedQuestion(question: CompiledQuestion, locale: Locale, defaultLocale: Locale): AskedQuestion {
  const followUp = question.followUp ? localized(question.followUp, locale, defaultLocale) : ''
  return {
    id: question.id,
    trait: question.trait,
    type: question.type,
    text: localized(question.text, locale, defaultLocale),
    ...(followUp ? { followUp } : {}),
    options: question.options.map((option) => ({ value: option.value, label: localized(option.label, locale, defaultLocale) || option.value })),
    ...(isSurvey(question.type) ? { scale: SURVEY_SCALES[question.type] } : {}),
  }
}

/** Priority first (highest), then id: a stable order. */
export function questionOrder(questions: readonly CompiledQuestion[]): CompiledQuestion[] {
  return [...questions].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * The block's candidates in asking order, computed once per snapshot's
 * questions and block (both are immutable parts of one snapshot).
 */
const CANDIDATES = new WeakMap<readonly CompiledQuestion[], WeakMap<CompiledAsk, CompiledQuestion[]>>()
function candidatesOf(questions: readonly CompiledQuestion[], ask: CompiledAsk): CompiledQuestion[] {
  let byAsk = CANDIDATES.get(questions)
  if (!byAsk) CANDIDATES.set(questions, (byAsk = new WeakMap()))
  let candidates = byAsk.get(ask)
  if (!candidates) {
    const allowed = ask.questions.length > 0 ? new Set(ask.questions) : undefined
    candidates = questionOrder(questions.filter((question) => (allowed ? allowed.has(question.id) : !isSurvey(question.type))))
    byAsk.set(ask, candidates)
  }
  return candidates
}

/** When the person last answered or declined any survey (epoch ms), or undefined. */
function lastSurveyed(questions: readonly CompiledQuestion[], log: AskLog): number | undefined {
  let last: number | undefined
  for (const question of questions) {
    const record = log[question.id]
    if (!record || !isSurvey(question.type) || record.outcome === 'skipped') continue
    const at = Date.parse(record.at)
    if (last === undefined || at > last) last = at
  }
  return last
}

const known = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)

/**
 * The questions to ask at this touchpoint, in order, at most `ask.max`:
 * allowed on this channel, consented to (the question's purpose and
 * personalization, under which answers are stored), prerequisites met, trait
 * unknown (surveys: not within the fatigue window of the last survey), and
 * not declined or skipped within the question's cooldown. Without a trace
 * (`trace: false`, a served decision), it stops at the block's maximum: the
 * same questions are chosen, and the trace is empty.
 */
export function chooseQuestions(
  questions: readonly CompiledQuestion[],
  ask: CompiledAsk,
  context: DecisionContext,
  memberIds: ReadonlySet<string>,
  options: { trace?: boolean } = {},
): { chosen: CompiledQuestion[]; trace: QuestionTrace[] } {
  const traced = options.trace ?? true
  const candidates = candidatesOf(questions, ask)
  const log = context.asks
  const surveyedAt = candidates.some((question) => isSurvey(question.type)) ? lastSurveyed(questions, log) : undefined
  const chosen: CompiledQuestion[] = []
  const trace: QuestionTrace[] = []
  for (const question of candidates) {
    if (!traced && chosen.length >= ask.max) break
    const reason = whyNot(question, context, memberIds, log, surveyedAt) ?? (chosen.length >= ask.max ? `not asked: this block asks at most ${ask.max}` : undefined)
    if (reason) {
      if (traced) trace.push({ question: question.id, trait: question.trait, chosen: false, reason })
      continue
    }
    chosen.push(question)
    if (traced) trace.push({ question: question.id, trait: question.trait, chosen: true, reason: `asked: priority ${question.priority}, nothing stands in the way` })
  }
  return { chosen, trace }
}

function whyNot(question: CompiledQuestion, context: DecisionContext, memberIds: ReadonlySet<string>, log: AskLog, surveyedAt: number | undefined): string | undefined {
  if (question.channels.length > 0 && !question.channels.includes(context.channel)) return `not asked on ${context.channel}: only on ${question.channels.join(', ')}`
  // A screen asks no one in particular: whoever scans its code answers on their phone, where their own consent is checked.
  const onScreen = context.channel === 'screen'
  if (!onScreen && !context.consents.has(question.purpose)) return `no ${question.purpose} consent: an answer could not be stored`
  if (!onScreen && !context.personalization) return 'no personalization consent: answers are stored under it'
  const missing = question.requiresTraits.filter((trait) => !known(context.traits[trait]))
  if (missing.length > 0) return `waits for ${missing.join(', ')} to be known`
  if (question.requiresSegments.length > 0 && !question.requiresSegments.some((id) => memberIds.has(id))) return 'the person is in none of its segments'
  const record = log[question.id]
  if (isSurvey(question.type)) {
    if (surveyedAt !== undefined && context.now - surveyedAt < question.fatigueDays * DAY_MS) return `surveyed less than ${question.fatigueDays} days ago (on any channel)`
  } else if (known(context.traits[question.trait])) {
    return `${question.trait} is known`
  }
  if (record && record.outcome !== 'answered' && context.now - Date.parse(record.at) < question.cooldownDays * DAY_MS) {
    return `${record.outcome} less than ${question.cooldownDays} days ago`
  }
  return undefined
}
