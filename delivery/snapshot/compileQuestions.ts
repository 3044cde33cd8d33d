/**
 * Compiles questions, ask block settings and interest score definitions into
 * their snapshot shapes. Pure: the documents come in (locale "all", depth 0).
 */
import type { DataFromCollectionSlug } from 'payload'

import { CHANNELS, type CompiledAsk, type CompiledQuestion, CompiledQuestionSchema, type CompiledScore, CompiledScoreSchema, LOCALES, type LocalizedText } from '../../engine'
import type { PerLocale } from './documents'

type Relation = number | string | { id: number | string } | null | undefined
const idOf = (value: Relation): string | undefined => (value === null || value === undefined ? undefined : typeof value === 'object' ? String(value.id) : String(value))

export type QuestionDoc = Omit<DataFromCollectionSlug<'questions'>, 'text' | 'followUp' | 'options' | 'purpose' | 'requiresSegments'> & {
  text?: PerLocale<string> | string
  followUp?: PerLocale<string> | string
  options?: { value: string; label?: PerLocale<string> | string }[] | null
  purpose?: Relation
  requiresSegments?: Relation[] | null
}
export type ScoreDoc = Pick<DataFromCollectionSlug<'interest-scores'>, 'slug' | 'cap' | 'halfLifeDays' | 'rules'>
export type AskDoc = { max?: number | null; questions?: Relation[] | null } | null | undefined

function localized(value: PerLocale<string> | string | undefined): LocalizedText {
  if (typeof value === 'string') return { en: value }
  const result: LocalizedText = {}
  for (const locale of LOCALES) {
    const text = value?.[locale]
    if (typeof text === 'string' && text.trim()) result[locale] = text.trim()
  }
  return result
}

/** Questions whose purpose is gone are left out: an answer could not be stored under it. */
export function compileQuestions(docs: QuestionDoc[], purposeSlugs: ReadonlyMap<string, string>): CompiledQuestion[] {
  const questions: CompiledQuestion[] = []
  for (const doc of [...docs].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1))) {
    const purpose = purposeSlugs.get(idOf(doc.purpose) ?? '')
    if (!purpose) continue
    const followUp = localized(doc.followUp ?? undefined)
    questions.push(
      CompiledQuestionSchema.parse({
        id: String(doc.id),
        trait: doc.trait,
        type: doc.type,
        text: localized(doc.text ?? undefined),
        ...(Object.keys(followUp).length > 0 ? { followUp } : {}),
        options: (doc.options ?? []).map((option) => ({ value: option.value, label: localized(option.label ?? undefined) })),
        priority: doc.priority ?? 0,
        channels: [...new Set(doc.channels ?? [])].filter((channel) => (CHANNELS as readonly string[]).includes(channel)).sort(),
        purpose,
        requiresTraits: (doc.requiresTraits ?? []).map((trait) => trait.trim()).filter(Boolean),
        requiresSegments: (doc.requiresSegments ?? []).map(idOf).filter((id): id is string => Boolean(id)),
        cooldownDays: doc.cooldownDays ?? 30,
        fatigueDays: doc.fatigueDays ?? 30,
      }),
    )
  }
  return questions
}

export function compileAsk(doc: AskDoc): CompiledAsk {
  return { max: Math.min(10, Math.max(1, Math.round(doc?.max ?? 1))), questions: (doc?.questions ?? []).map(idOf).filter((id): id is string => Boolean(id)) }
}

export function compileScores(docs: ScoreDoc[]): CompiledScore[] {
  return [...docs]
    .sort((a, b) => (a.slug < b.slug ? -1 : 1))
    .map((doc) =>
      CompiledScoreSchema.parse({
        key: doc.slug,
        rules: (doc.rules ?? []).map((rule) => ({ event: rule.event, ...(rule.category ? { category: rule.category.trim().toLowerCase() } : {}), points: rule.points })),
        cap: doc.cap,
        halfLifeDays: doc.halfLifeDays,
      }),
    )
}
