/**
 * Picks one variant per slot. The order of the rules is the documentation:
 *
 * 1. Hard filters drop a variant that is not for this channel, outside its
 *    active window, or not written in the requested locale.
 * 2. Audience: a variant targeting segments is kept only if the visitor is in
 *    one of them, and ranks by the highest priority among those; variants
 *    without an audience (and the default content) rank below any match.
 * 3. Channel: a variant written for this channel beats one for every channel.
 * 4. Tone: matching the preferred tone wins (the caller's, else that of the
 *    highest-priority member segment that states one; no preference, no effect).
 * 5. Length: closest to the preferred length wins (the caller's, else the
 *    segment's, else the channel's: web and email medium, screens short).
 * 6. Ties go to the default content, then to the variant listed first.
 *
 * The default content is always a candidate, so a slot always gets content.
 */
import { CHANNELS, LENGTHS, LOCALES, type Channel, type Length, type Locale } from './axes'
import type { DecisionContext } from './context'
import type { SegmentEvaluation } from './segments'
import type { CompiledBlock, CompiledSegment, CompiledVariant, Content } from './snapshot'

export const CHANNEL_DEFAULT_LENGTH: Record<Channel, Length> = { web: 'medium', email: 'medium', screen: 'short' }

export type Preferences = { tone?: string; length: Length; toneFrom: PreferenceSource; lengthFrom: PreferenceSource }
export type PreferenceSource = 'caller' | 'segment' | 'channel' | 'none'

/** Tone and length preferences for this decision, and where they came from. */
export function preferencesFor(context: DecisionContext, segments: SegmentEvaluation): Preferences {
  let segmentTone: string | undefined
  let segmentLength: Length | undefined
  for (const segment of segments.members) {
    segmentTone ??= segment.preferredTone
    segmentLength ??= segment.preferredLength
  }
  const tone = context.tone ?? segmentTone
  const length = context.length ?? segmentLength ?? CHANNEL_DEFAULT_LENGTH[context.channel]
  return {
    tone,
    length,
    toneFrom: context.tone ? 'caller' : segmentTone ? 'segment' : 'none',
    lengthFrom: context.length ? 'caller' : segmentLength ? 'segment' : 'channel',
  }
}

export type CandidateTrace = {
  variant: string
  label: string
  tone: string
  length: Length
  kept: boolean
  reason: string
}

export type VariantChoice = {
  /** Undefined: the default content. */
  variant: CompiledVariant | undefined
  content: Content
  candidates?: CandidateTrace[]
}

const NO_AUDIENCE = -Infinity
const lengthIndex = (length: Length) => LENGTHS.indexOf(length)

type Score = { audience: number; channel: number; tone: number; length: number; isDefault: number; order: number }

function better(a: Score, b: Score): boolean {
  if (a.audience !== b.audience) return a.audience > b.audience
  if (a.channel !== b.channel) return a.channel > b.channel
  if (a.tone !== b.tone) return a.tone > b.tone
  if (a.length !== b.length) return a.length > b.length
  if (a.isDefault !== b.isDefault) return a.isDefault > b.isDefault
  return a.order < b.order
}

function highestMemberPriority(audience: readonly string[], segments: SegmentEvaluation, byId: ReadonlyMap<string, CompiledSegment>): number {
  let best = NO_AUDIENCE
  for (const id of audience) {
    if (!segments.memberIds.has(id)) continue
    const priority = byId.get(id)?.priority ?? 0
    if (priority > best) best = priority
  }
  return best
}

export type Filterable = {
  id: string
  label: string
  tone: string
  length: Length
  channels?: readonly Channel[]
  audience: readonly string[]
  activeFrom?: number
  activeTo?: number
}

/**
 * The shared selection: which candidate wins, with reasons when tracing.
 * `available(candidate)` tells whether it is written in the requested locale.
 */
export function chooseCandidate<T extends Filterable>(
  defaults: { tone: string; length: Length },
  candidates: readonly T[],
  available: (candidate: T) => boolean,
  context: DecisionContext,
  segments: SegmentEvaluation,
  segmentsById: ReadonlyMap<string, CompiledSegment>,
  preferences: Preferences,
  trace: boolean,
): { winner: T | undefined; candidates?: CandidateTrace[] } {
  const preferredLength = lengthIndex(preferences.length)
  // One object shape for every score (no spread): this loop runs for every variant of every slot.
  const scoreOf = (audience: number, channel: number, tone: string, length: Length, isDefault: number, order: number): Score => ({
    audience,
    channel,
    tone: preferences.tone !== undefined && tone === preferences.tone ? 1 : 0,
    length: -Math.abs(lengthIndex(length) - preferredLength),
    isDefault,
    order,
  })

  let best = scoreOf(NO_AUDIENCE, 0, defaults.tone, defaults.length, 1, -1)
  let winner: T | undefined
  const traces: CandidateTrace[] | undefined = trace ? [] : undefined
  // Call only when tracing: building a reason (dates, lists) costs more than the decision.
  const drop = (candidate: T, reason: string) =>
    traces?.push({ variant: candidate.id, label: candidate.label, tone: candidate.tone, length: candidate.length, kept: false, reason })

  for (let order = 0; order < candidates.length; order++) {
    const candidate = candidates[order]!
    const channels = candidate.channels
    if (channels && channels.length > 0 && !channels.includes(context.channel)) {
      if (traces) drop(candidate, `for ${channels.join(', ')} only, not ${context.channel}`)
      continue
    }
    if (candidate.activeFrom !== undefined && context.now < candidate.activeFrom) {
      if (traces) drop(candidate, `not active yet (from ${new Date(candidate.activeFrom).toISOString()})`)
      continue
    }
    if (candidate.activeTo !== undefined && context.now >= candidate.activeTo) {
      if (traces) drop(candidate, `no longer active (until ${new Date(candidate.activeTo).toISOString()})`)
      continue
    }
    if (!available(candidate)) {
      if (traces) drop(candidate, `not written in ${context.locale}`)
      continue
    }
    let audience = NO_AUDIENCE
    if (candidate.audience.length > 0) {
      audience = highestMemberPriority(candidate.audience, segments, segmentsById)
      if (audience === NO_AUDIENCE) {
        if (traces) drop(candidate, 'the visitor is in none of its segments')
        continue
      }
    }
    const score = scoreOf(audience, channels && channels.length > 0 ? 1 : 0, candidate.tone, candidate.length, 0, order)
    const wins = better(score, best)
    traces?.push({
      variant: candidate.id,
      label: candidate.label,
      tone: candidate.tone,
      length: candidate.length,
      kept: true,
      reason: describeScore(score, candidate.audience, segmentsById),
    })
    if (wins) {
      best = score
      winner = candidate
    }
  }
  return { winner, candidates: traces }
}

function describeScore(score: Score, audience: readonly string[], byId: ReadonlyMap<string, CompiledSegment>): string {
  const parts: string[] = []
  if (score.audience !== NO_AUDIENCE) {
    const slugs = audience.map((id) => byId.get(id)?.slug ?? id)
    parts.push(`audience matched (${slugs.join(', ')}; priority ${score.audience})`)
  } else parts.push('for everyone')
  if (score.channel) parts.push('written for this channel')
  if (score.tone) parts.push('preferred tone')
  parts.push(score.length === 0 ? 'preferred length' : `length ${-score.length} step(s) from preferred`)
  return parts.join('; ')
}

/** Content of the default in a locale, else in the default locale. */
export function defaultContent(block: CompiledBlock, locale: Locale, defaultLocale: Locale): Content {
  return block.content[locale] ?? block.content[defaultLocale] ?? {}
}

/** A variant that passes a channel's and a locale's filters, with the parts of its score that never change. */
type Eligible = { variant: CompiledVariant; channel: number; length: number }
type EligibleIndex = Record<Channel, Record<Locale, Eligible[]>>
const eligibleIndexes = new WeakMap<CompiledBlock, EligibleIndex>()

/**
 * A block's variants per channel and locale, in listed order: the hard filters
 * that do not depend on the instant, applied once per block (snapshot data is
 * immutable), so a request only checks windows and audiences.
 */
function eligibleVariants(block: CompiledBlock, channel: Channel, locale: Locale): readonly Eligible[] {
  let index = eligibleIndexes.get(block)
  if (!index) {
    const entries = (forChannel: Channel, inLocale: Locale): Eligible[] =>
      block.variants
        .filter((variant) => (variant.channels.length === 0 || variant.channels.includes(forChannel)) && variant.content[inLocale] !== undefined)
        .map((variant) => ({ variant, channel: variant.channels.length > 0 ? 1 : 0, length: lengthIndex(variant.length) }))
    index = Object.fromEntries(
      CHANNELS.map((forChannel) => [forChannel, Object.fromEntries(LOCALES.map((inLocale) => [inLocale, entries(forChannel, inLocale)]))]),
    ) as EligibleIndex
    eligibleIndexes.set(block, index)
  }
  return index[channel][locale]
}

/**
 * The same choice as chooseCandidate, without reasons and without allocating:
 * this runs for every slot of every request. Candidates come in listed order
 * and ties go to the default, then to the earlier variant, so a candidate wins
 * only with a strictly better (audience, channel, tone, length).
 */
function fastWinner(
  block: CompiledBlock,
  context: DecisionContext,
  segments: SegmentEvaluation,
  segmentsById: ReadonlyMap<string, CompiledSegment>,
  preferences: Preferences,
): CompiledVariant | undefined {
  const preferredTone = preferences.tone
  const preferredLength = lengthIndex(preferences.length)
  const now = context.now
  let bestAudience = NO_AUDIENCE
  let bestChannel = 0
  let bestTone = preferredTone !== undefined && block.tone === preferredTone ? 1 : 0
  let bestLength = -Math.abs(lengthIndex(block.length) - preferredLength)
  let winner: CompiledVariant | undefined
  for (const { variant, channel, length: lengthAt } of eligibleVariants(block, context.channel, context.locale)) {
    if (variant.activeFrom !== undefined && now < variant.activeFrom) continue
    if (variant.activeTo !== undefined && now >= variant.activeTo) continue
    let audience = NO_AUDIENCE
    if (variant.audience.length > 0) {
      audience = highestMemberPriority(variant.audience, segments, segmentsById)
      if (audience === NO_AUDIENCE) continue
    }
    if (audience < bestAudience) continue
    const tone = preferredTone !== undefined && variant.tone === preferredTone ? 1 : 0
    const length = -Math.abs(lengthAt - preferredLength)
    const wins =
      audience > bestAudience ||
      channel > bestChannel ||
      (channel === bestChannel && (tone > bestTone || (tone === bestTone && length > bestLength)))
    if (!wins) continue
    bestAudience = audience
    bestChannel = channel
    bestTone = tone
    bestLength = length
    winner = variant
  }
  return winner
}

export function selectVariant(
  block: CompiledBlock,
  context: DecisionContext,
  segments: SegmentEvaluation,
  segmentsById: ReadonlyMap<string, CompiledSegment>,
  preferences: Preferences,
  defaultLocale: Locale,
  trace: boolean,
): VariantChoice {
  if (!trace) {
    const winner = fastWinner(block, context, segments, segmentsById, preferences)
    return { variant: winner, content: winner ? winner.content[context.locale]! : defaultContent(block, context.locale, defaultLocale) }
  }
  const { winner, candidates } = chooseCandidate(
    block,
    block.variants,
    (variant) => variant.content[context.locale] !== undefined,
    context,
    segments,
    segmentsById,
    preferences,
    trace,
  )
  return {
    variant: winner,
    content: winner ? winner.content[context.locale]! : defaultContent(block, context.locale, defaultLocale),
    candidates,
  }
}
