/**
 * Tessera's targeting expressed as GrowthBook features, for the decision
 * benchmark, with the same work on both sides: each segment's rules in
 * GrowthBook's Mongo-like syntax, evaluated once per request into a list of
 * memberships (an attribute), as the engine evaluates each segment once; then
 * one feature per slot and channel, one force rule per variant that can win
 * (active window, locale, audience by membership), sorted the way Tessera
 * ranks variants, since GrowthBook takes the first matching rule.
 *
 * Conditions translate exactly for the values the render API produces (text,
 * numbers, lists of text). GrowthBook's JavaScript comparisons still differ on
 * odd ones: blank text or a list compared with < or >, a substring spanning
 * two items of a list.
 */
import type { Attributes, ConditionInterface, FeatureDefinition, FeatureRule } from '@growthbook/growthbook'

import {
  CHANNEL_DEFAULT_LENGTH,
  CHANNELS,
  type Channel,
  type CompiledBlock,
  type CompiledCondition,
  type CompiledGroup,
  type CompiledSegment,
  type CompiledVariant,
  type DecisionContext,
  type DeliveryManifest,
  LENGTHS,
  LOCALES,
  type PageBundle,
  type RuleAttribute,
} from '../engine'

/** A condition GrowthBook cannot express without help from the caller (e.g. behaviour counts over a window). */
export class UnsupportedCondition extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnsupportedCondition'
  }
}

/** The feature value of a slot left to its default content. */
export const DEFAULT_VALUE = 'default'

/** Where each context attribute sits among GrowthBook attributes. */
const ATTRIBUTE_NAMES: Record<Exclude<RuleAttribute, 'trait' | 'behaviour'>, string> = {
  country: 'country',
  region: 'region',
  city: 'city',
  store: 'store',
  storeFormat: 'storeFormat',
  device: 'device',
  daypart: 'daypart',
  weekday: 'weekday',
  date: 'date',
  time: 'minutes',
  referrer: 'referrer',
  utmSource: 'utmSource',
  utmMedium: 'utmMedium',
  utmCampaign: 'utmCampaign',
  locale: 'locale',
  channel: 'channel',
  consent: 'consents',
}
/** Attributes that are not rule attributes but still sit beside the traits. */
const RESERVED = new Set([...Object.values(ATTRIBUTE_NAMES), 'now', 'personalization', 'segments'])

/** Matches nobody: `$not` of the empty condition (which matches everybody). */
const NOBODY: ConditionInterface = { $not: {} }

function attributeName(condition: CompiledCondition): string {
  if (condition.attribute === 'behaviour') {
    throw new UnsupportedCondition('behaviour counts over a window have no GrowthBook equivalent without precomputed attributes')
  }
  if (condition.attribute !== 'trait') return ATTRIBUTE_NAMES[condition.attribute]
  const trait = condition.trait ?? ''
  // GrowthBook reads dotted names as paths; traits sit at the top level beside the context.
  if (trait.includes('.') || RESERVED.has(trait)) throw new UnsupportedCondition(`trait “${trait}” collides with a GrowthBook attribute name`)
  return trait
}

/**
 * Tessera compares traits as text ("3" equals 3, "true" equals true);
 * GrowthBook compares strictly, so a trait operand is listed in each form a
 * trait value may take.
 */
function traitForms(operand: string | number): (string | number | boolean)[] {
  const text = String(operand)
  const forms: (string | number | boolean)[] = [text]
  if (/^-?\d+(\.\d+)?$/.test(text)) forms.push(Number(text))
  if (text === 'true' || text === 'false') forms.push(text === 'true')
  return forms
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** Present, as Tessera means it: known, and neither empty text nor an empty list. */
const present = (name: string): ConditionInterface => ({ $and: [{ [name]: { $exists: true, $ne: '' } }, { $nor: [{ [name]: { $size: 0 } }] }] })

/** One compiled condition in GrowthBook's condition syntax. */
export function growthbookCondition(condition: CompiledCondition): ConditionInterface {
  const name = attributeName(condition)
  const operands = condition.operands
  const [first, second] = operands
  // Traits and consents may be lists: $in and $nin intersect with a list, as Tessera's "any item" does; $eq would not.
  const mayBeList = condition.attribute === 'trait' || condition.attribute === 'consent'
  const listed = (values: readonly (string | number)[]) => (condition.attribute === 'trait' ? values.flatMap(traitForms) : [...values])
  switch (condition.operator) {
    case 'equals':
      return mayBeList ? { [name]: { $in: listed([first!]) } } : { [name]: { $eq: first! } }
    case 'not_equals':
      return mayBeList ? { [name]: { $nin: listed([first!]) } } : { [name]: { $ne: first! } }
    case 'in':
      return { [name]: { $in: listed(operands) } }
    case 'not_in':
      return { [name]: { $nin: listed(operands) } }
    case 'contains':
      // A list is searched as its comma-joined text; without $exists, RegExp.test(null) would search "null".
      return { [name]: { $exists: true, $regex: escapeRegex(String(first)) } }
    case 'exists':
      return present(name)
    case 'not_exists':
      return { $not: present(name) }
    // GrowthBook compares with JavaScript's < (null < 5 holds): unknown values must not pass.
    case 'lt':
      return { [name]: { $exists: true, $lt: first! } }
    case 'lte':
      return { [name]: { $exists: true, $lte: first! } }
    case 'gt':
      return { [name]: { $exists: true, $gt: first! } }
    case 'gte':
      return { [name]: { $exists: true, $gte: first! } }
    case 'between': {
      const wraps = condition.attribute === 'time' && typeof first === 'number' && typeof second === 'number' && first > second
      if (wraps) return { $or: [{ [name]: { $gte: first } }, { [name]: { $lte: second! } }] }
      return { [name]: { $exists: true, $gte: first!, $lte: second! } }
    }
  }
}

/** A rule group: all → $and, any → $or (an empty "any" matches nobody, as in Tessera). */
export function growthbookGroup(group: CompiledGroup): ConditionInterface {
  const parts = [...group.conditions.map(growthbookCondition), ...group.groups.map(growthbookGroup)]
  if (group.match === 'all') return parts.length === 1 ? parts[0]! : { $and: parts }
  if (parts.length === 0) return NOBODY
  return parts.length === 1 ? parts[0]! : { $or: parts }
}

/**
 * Membership of a segment; one that reads visitor data needs personalization
 * consent, as in Tessera. Segments asserted by a trusted caller are left out:
 * the benchmark asserts none, and checking them would only slow GrowthBook.
 */
export function segmentCondition(segment: CompiledSegment): ConditionInterface {
  const rule = growthbookGroup(segment.rule)
  return segment.personal ? { $and: [{ personalization: true }, rule] } : rule
}

/**
 * The attributes GrowthBook evaluates with: the normalized decision context,
 * flattened (traits beside the context attributes), unknown values left out.
 */
export function growthbookAttributes(context: DecisionContext): Attributes {
  const attributes: Attributes = {
    channel: context.channel,
    locale: context.locale,
    now: context.now,
    date: context.date,
    minutes: context.minutes,
    daypart: context.daypart,
    weekday: context.weekday,
    consents: [...context.consents],
    personalization: context.personalization,
  }
  const optional = {
    country: context.country,
    region: context.region,
    city: context.city,
    store: context.store,
    storeFormat: context.storeFormat,
    device: context.device,
    referrer: context.referrer,
    utmSource: context.utmSource,
    utmMedium: context.utmMedium,
    utmCampaign: context.utmCampaign,
  }
  for (const [name, value] of Object.entries(optional)) if (value !== undefined) attributes[name] = value
  for (const [trait, value] of Object.entries(context.traits)) if (!RESERVED.has(trait)) attributes[trait] = value
  return attributes
}

/** The attribute holding the ids of the segments the visitor is a member of (computed per request, before the features). */
export const SEGMENTS_ATTRIBUTE = 'segments'

export type SegmentConditions = { id: string; condition: ConditionInterface }[]

/** Every segment of the manifest as a GrowthBook condition, in the manifest's order. */
export function growthbookSegments(manifest: DeliveryManifest): SegmentConditions {
  return manifest.segments.map((segment) => ({ id: segment.id, condition: segmentCondition(segment) }))
}

/**
 * The same work Tessera does once per request: each segment evaluated once,
 * its memberships then read by every slot's rules (as GrowthBook users do
 * with precomputed attributes; its saved groups hold id lists, not rules).
 */
export function withMemberships(attributes: Attributes, segments: SegmentConditions, evaluate: (attributes: Attributes, condition: ConditionInterface) => boolean): Attributes {
  const members: string[] = []
  for (const { id, condition } of segments) if (evaluate(attributes, condition)) members.push(id)
  return { ...attributes, [SEGMENTS_ATTRIBUTE]: members }
}

const NO_AUDIENCE = -Infinity

/** The highest priority among a variant's audience segments (a static stand-in for "highest member priority"). */
function audiencePriority(variant: CompiledVariant, segmentsById: ReadonlyMap<string, CompiledSegment>): number {
  if (variant.audience.length === 0) return NO_AUDIENCE
  return Math.max(...variant.audience.map((id) => segmentsById.get(id)?.priority ?? 0))
}

type Ranked = { variant: CompiledVariant | undefined; audience: number; channel: number; length: number; isDefault: number; order: number }

/**
 * The order Tessera ranks a block's candidates in on one channel, made
 * static: audience priority, then written for the channel, then length
 * closest to the channel's preferred one, then the default content, then
 * listed order. The default always matches, so what ranks below it can never
 * win and is left out. Tone has no effect without a stated preference (no
 * benchmark segment states one); an audience of several segments ranks by the
 * highest of their priorities, which differs from Tessera only for a visitor
 * in the lower one alone (no benchmark variant has several).
 */
function rankedVariants(block: CompiledBlock, channel: Channel, segmentsById: ReadonlyMap<string, CompiledSegment>): CompiledVariant[] {
  const preferred = LENGTHS.indexOf(CHANNEL_DEFAULT_LENGTH[channel])
  const distance = (length: (typeof LENGTHS)[number]) => Math.abs(LENGTHS.indexOf(length) - preferred)
  const ranked: Ranked[] = block.variants
    .map((variant, order) => ({ variant, order }))
    .filter(({ variant }) => variant.channels.length === 0 || variant.channels.includes(channel))
    .map(({ variant, order }) => ({
      variant,
      audience: audiencePriority(variant, segmentsById),
      channel: variant.channels.length > 0 ? 1 : 0,
      length: distance(variant.length),
      isDefault: 0,
      order,
    }))
  ranked.push({ variant: undefined, audience: NO_AUDIENCE, channel: 0, length: distance(block.length), isDefault: 1, order: -1 })
  ranked.sort((a, b) => b.audience - a.audience || b.channel - a.channel || a.length - b.length || b.isDefault - a.isDefault || a.order - b.order)
  const variants: CompiledVariant[] = []
  for (const entry of ranked) {
    if (!entry.variant) break
    variants.push(entry.variant)
  }
  return variants
}

/** One force rule: the active window, the locale, then the audience (any of its segments, by precomputed membership). */
function variantRule(variant: CompiledVariant, segmentsById: ReadonlyMap<string, CompiledSegment>): FeatureRule<string> {
  const parts: ConditionInterface[] = []
  if (variant.activeFrom !== undefined) parts.push({ now: { $gte: variant.activeFrom } })
  if (variant.activeTo !== undefined) parts.push({ now: { $lt: variant.activeTo } })
  const written = LOCALES.filter((locale) => variant.content[locale] !== undefined)
  if (written.length < LOCALES.length) parts.push({ locale: { $in: written } })
  if (variant.audience.length > 0) {
    const known = variant.audience.filter((id) => segmentsById.has(id))
    parts.push(known.length === 0 ? NOBODY : { [SEGMENTS_ATTRIBUTE]: { $in: known } })
  }
  const rule: FeatureRule<string> = { id: variant.id, force: variant.id }
  if (parts.length > 0) rule.condition = parts.length === 1 ? parts[0]! : { $and: parts }
  return rule
}

/** The feature deciding one slot on one channel. */
export const featureKey = (slot: number, channel: Channel) => `slot-${slot}-${channel}`

/**
 * One feature per slot and channel (as a GrowthBook user would key them: the
 * channel's preferred length orders the rules): the value is the chosen
 * variant id, or "default".
 */
export function growthbookFeatures(manifest: DeliveryManifest, bundle: PageBundle): Record<string, FeatureDefinition<string>> {
  const segmentsById = new Map(manifest.segments.map((segment) => [segment.id, segment]))
  const features: Record<string, FeatureDefinition<string>> = {}
  bundle.slots.forEach((blockId, slot) => {
    const block = bundle.blocks[blockId]
    if (!block) return
    for (const channel of CHANNELS) {
      features[featureKey(slot, channel)] = {
        defaultValue: DEFAULT_VALUE,
        rules: rankedVariants(block, channel, segmentsById).map((variant) => variantRule(variant, segmentsById)),
      }
    }
  })
  return features
}
