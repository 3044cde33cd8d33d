/**
 * Assembles a page for one decision context: segment memberships, then one
 * variant per slot, the email subject line, and (when asked) a decision trace
 * saying why each candidate was kept or dropped. Pure and deterministic: the
 * same snapshot and context always give the same page.
 */
import type { Channel, Length, Locale } from './axes'
import type { DecisionContext } from './context'
import { askedQuestion, chooseQuestions, type AskedQuestion, type QuestionTrace } from './questions'
import { experimentOutcome, explainOutcome, indexExperiments, type ExperimentOutcome, type ExperimentRequest } from './experimentDecision'
import { evaluateSegments, type Membership } from './segments'
import type { RuleAttribute } from './segmentRules'
import { chooseCandidate, defaultContent, preferencesFor, selectVariant, type CandidateTrace, type Preferences } from './select'
import type { CompiledBlock, CompiledSegment, Content, DeliveryManifest, Media, PageBundle } from './snapshot'

export type ChosenVariant = { id: string; label: string; tone: string; length: Length }

export type ResolvedBlock = {
  slot: number
  kind: CompiledBlock['kind']
  block: string
  /** The chosen variant; null: the default content. */
  variant: ChosenVariant | null
  tone: string
  length: Length
  content: Content
  /** Ask blocks: the questions chosen for this person (absent or empty: the default content shows). */
  questions?: AskedQuestion[]
}

export type SlotTrace = {
  slot: number
  block: string
  chosen: string
  candidates: CandidateTrace[]
  /** The experiment on this block, and why this unit is or is not enrolled. */
  experiment?: { key: string; phase: number; arm?: string; enrolled: boolean; why: string }
  /** Ask blocks: why each question was or was not asked. */
  questions?: QuestionTrace[]
}

export type DecisionTrace = {
  context: {
    channel: Channel
    locale: Locale
    at: string
    timezone: string
    daypart: string
    weekday: string
    personalization: boolean
  }
  preferences: Preferences
  segments: { slug: string; priority: number; member: boolean; reasons: string[] }[]
  slots: SlotTrace[]
  /** Interest scores the decision could read (traits `score.<key>`), with their values. */
  scores?: Record<string, number>
  subject?: { chosen: string; candidates: CandidateTrace[]; experiment?: SlotTrace['experiment'] }
}

export type ResolvedPage = {
  page: { slug: string; title: string; channel: Channel; locale: Locale }
  version: string
  /** The decision read visitor data (traits, asserted segments, consents): never share it. */
  personalized: boolean
  blocks: ResolvedBlock[]
  /** Media referenced by the chosen content, by id. */
  media: Record<string, Media>
  email?: { subject: string; preheader: string; variant: ChosenVariant | null }
  screen?: PageBundle['screen']
  /** Context attributes the decision read, for Vary and cache keys. */
  attributesRead: RuleAttribute[]
  /** Identifies the decision: the chosen variant of every slot (and subject). */
  decisionKey: string
  /** What each experiment in scope did: the arm served and whether the unit is enrolled (exposures are recorded for those). */
  experiments?: ExperimentOutcome[]
  /** With experiments in scope: the highest-priority segment the unit is in (exposure breakdowns), or "none". */
  topSegment?: string
  trace?: DecisionTrace
}

/** Indexes that depend only on the manifest; build once per snapshot. */
export type ManifestIndex = { segmentsById: ReadonlyMap<string, CompiledSegment> }

const indexes = new WeakMap<DeliveryManifest, ManifestIndex>()

export function indexManifest(manifest: DeliveryManifest): ManifestIndex {
  let index = indexes.get(manifest)
  if (!index) {
    index = { segmentsById: new Map(manifest.segments.map((segment) => [segment.id, segment])) }
    indexes.set(manifest, index)
  }
  return index
}

const chosen = (variant: { id: string; label: string; tone: string; length: Length } | undefined): ChosenVariant | null =>
  variant ? { id: variant.id, label: variant.label, tone: variant.tone, length: variant.length } : null

function defaultTrace(tone: string, length: Length): CandidateTrace {
  return { variant: 'default', label: 'Default content', tone, length, kept: true, reason: 'the default content: always a candidate' }
}

function text(values: Partial<Record<Locale, string>>, locale: Locale, defaultLocale: Locale): string {
  return values[locale] ?? values[defaultLocale] ?? ''
}

const traceOf = (outcome: ExperimentOutcome): SlotTrace['experiment'] => ({
  key: outcome.key,
  phase: outcome.phase,
  ...(outcome.arm ? { arm: outcome.arm } : {}),
  enrolled: outcome.enrolled,
  why: explainOutcome(outcome),
})

/** An outcome whose arm cannot be served here: the unit gets the normal decision and is not measured. */
const ineligible = ({ arm: _arm, sticky: _sticky, ...outcome }: ExperimentOutcome): ExperimentOutcome => ({ ...outcome, enrolled: false, reason: 'arm-not-eligible' })

export function resolvePage(
  manifest: DeliveryManifest,
  bundle: PageBundle,
  context: DecisionContext,
  options: { trace?: boolean; experiments?: ExperimentRequest } = {},
): ResolvedPage {
  const trace = options.trace ?? false
  const experimentIndex = indexExperiments(manifest)
  const experimentRequest = options.experiments ?? { consents: context.consents }
  const outcomes: ExperimentOutcome[] = []
  const { segmentsById } = indexManifest(manifest)
  const segments = evaluateSegments(manifest.segments, context, trace)
  const preferences = preferencesFor(context, segments)
  const defaultLocale = manifest.defaultLocale

  const blocks: ResolvedBlock[] = []
  const media: Record<string, Media> = {}
  const slotTraces: SlotTrace[] = []
  let decisionKey = ''
  let askedPersonally = false

  for (let slot = 0; slot < bundle.slots.length; slot++) {
    const block = bundle.blocks[bundle.slots[slot]!]
    if (!block) continue
    const entry = experimentIndex.byBlock.size > 0 ? experimentIndex.byBlock.get(block.id) : undefined
    let outcome = entry ? experimentOutcome(entry, experimentRequest, { channel: context.channel, memberIds: segments.memberIds, now: context.now }, experimentIndex.holdoutPercent) : undefined
    let choice: { variant?: CompiledBlock['variants'][number]; content: Content; candidates?: CandidateTrace[] } | undefined
    if (outcome?.arm !== undefined) {
      const armId = outcome.arm
      const armVariant = armId === 'default' ? undefined : block.variants.find((candidate) => candidate.id === armId)
      if (armId === 'default') choice = { content: defaultContent(block, context.locale, defaultLocale), candidates: [] }
      else if (armVariant && (armVariant.channels.length === 0 || armVariant.channels.includes(context.channel)) && armVariant.content[context.locale] !== undefined) {
        choice = { variant: armVariant, content: armVariant.content[context.locale]!, candidates: [] }
      } else outcome = ineligible(outcome)
    }
    if (outcome) outcomes.push(outcome)
    choice ??= selectVariant(block, context, segments, segmentsById, preferences, defaultLocale, trace)
    const variant = choice.variant
    const asked = block.ask ? chooseQuestions(manifest.questions ?? [], block.ask, context, segments.memberIds, { trace }) : undefined
    if (asked && context.personalization) askedPersonally = true
    blocks.push({
      slot,
      kind: block.kind,
      block: block.id,
      variant: chosen(variant),
      tone: variant?.tone ?? block.tone,
      length: variant?.length ?? block.length,
      content: choice.content,
      ...(asked ? { questions: asked.chosen.map((question) => askedQuestion(question, context.locale, defaultLocale)) } : {}),
    })
    const image = choice.content.image
    if (image && bundle.media[image]) media[image] = bundle.media[image]
    decisionKey += `${slot}:${variant?.id ?? 'default'}${asked ? `?${asked.chosen.map((question) => question.id).join(',')}` : ''};`
    if (trace) {
      slotTraces.push({
        slot,
        block: block.id,
        chosen: variant?.id ?? 'default',
        candidates: [defaultTrace(block.tone, block.length), ...choice.candidates!],
        ...(asked ? { questions: asked.trace } : {}),
        ...(outcome ? { experiment: traceOf(outcome) } : {}),
      })
    }
  }

  let email: ResolvedPage['email']
  let subjectTrace: DecisionTrace['subject']
  if (bundle.email) {
    const emailDefaults = bundle.email
    const entry = experimentIndex.bySubject.size > 0 ? experimentIndex.bySubject.get(bundle.id) : undefined
    let outcome = entry ? experimentOutcome(entry, experimentRequest, { channel: context.channel, memberIds: segments.memberIds, now: context.now }, experimentIndex.holdoutPercent) : undefined
    let armSubject: { winner: (typeof emailDefaults.variants)[number] | undefined; candidates?: CandidateTrace[] } | undefined
    if (outcome?.arm !== undefined) {
      const armId = outcome.arm
      const armVariant = emailDefaults.variants.find((candidate) => candidate.id === armId)
      if (armId === 'default') armSubject = { winner: undefined, candidates: [] }
      else if (armVariant && armVariant.subject[context.locale] !== undefined) armSubject = { winner: armVariant, candidates: [] }
      else outcome = ineligible(outcome)
    }
    if (outcome) outcomes.push(outcome)
    const { winner, candidates } = armSubject ?? chooseCandidate(
      emailDefaults,
      emailDefaults.variants,
      (variant) => variant.subject[context.locale] !== undefined,
      context,
      segments,
      segmentsById,
      preferences,
      trace,
    )
    email = {
      subject: winner ? winner.subject[context.locale]! : text(emailDefaults.subject, context.locale, defaultLocale),
      preheader: winner?.preheader[context.locale] ?? text(emailDefaults.preheader, context.locale, defaultLocale),
      variant: chosen(winner),
    }
    decisionKey += `subject:${winner?.id ?? 'default'};`
    if (trace) {
      subjectTrace = {
        chosen: winner?.id ?? 'default',
        candidates: [defaultTrace(emailDefaults.tone, emailDefaults.length), ...candidates!],
        ...(outcome ? { experiment: traceOf(outcome) } : {}),
      }
    }
  }

  const resolved: ResolvedPage = {
    page: { slug: bundle.slug, title: text(bundle.title, context.locale, defaultLocale), channel: bundle.channel, locale: context.locale },
    version: manifest.version,
    // Questions follow the person's traits and ask log: personal whenever they could be asked.
    personalized: segments.usedVisitorData || askedPersonally,
    blocks,
    media,
    email,
    screen: bundle.screen,
    attributesRead: askedPersonally ? [...new Set([...segments.attributesRead, 'consent' as const, 'trait' as const, 'channel' as const])].sort() : [...segments.attributesRead].sort(),
    decisionKey: `${context.channel}|${context.locale}|${decisionKey}${outcomes.map((outcome) => `x:${outcome.key}:${outcome.phase}=${outcome.arm ?? '-'}${outcome.enrolled ? '+' : ''};`).join('')}`,
    experiments: outcomes,
    ...(outcomes.length > 0 ? { topSegment: segments.members[0]?.slug ?? 'none' } : {}),
  }
  if (trace) {
    resolved.trace = {
      context: {
        channel: context.channel,
        locale: context.locale,
        at: new Date(context.now).toISOString(),
        timezone: context.timezone,
        daypart: context.daypart,
        weekday: context.weekday,
        personalization: context.personalization,
      },
      preferences,
      segments: segments.memberships.map((membership: Membership) => ({
        slug: membership.segment.slug,
        priority: membership.segment.priority,
        member: membership.member,
        reasons: membership.reasons,
      })),
      slots: slotTraces,
      ...scoresRead(context),
      subject: subjectTrace,
    }
  }
  return resolved
}

/** The interest scores among the context's traits, for the trace. */
function scoresRead(context: DecisionContext): { scores?: Record<string, number> } {
  const scores: Record<string, number> = {}
  for (const [key, value] of Object.entries(context.traits)) if (key.startsWith('score.') && typeof value === 'number') scores[key.slice('score.'.length)] = value
  return Object.keys(scores).length > 0 ? { scores } : {}
}
