/**
 * Tessera's targeting expressed as GrowthBook features, for the decision
 * benchmark: one feature per slot, one force rule per variant, each rule's
 * condition the segment rules of its audience in GrowthBook's Mongo-like
 * syntax, plus the hard filters (channel, active window, locale). The aim is
 * the same targeting work, not identical tie-breaks: GrowthBook takes the
 * first matching rule, so rules are sorted the way Tessera ranks variants.
 *
 * Conditions translate exactly for the values the render API produces (text,
 * numbers, lists of text). GrowthBook's JavaScript comparisons still differ on
 * odd ones: blank text or a list compared with < or >, a substring spanning
 * two items of a list.
 */
import type { Attributes, ConditionInterface, FeatureDefinition, FeatureRule } from '@growthbook/growthbook'

import { type CompiledBlock, type CompiledCondition, type CompiledGroup, type CompiledSegment, type CompiledVariant, type DecisionContext, type DeliveryManifest, LENGTHS, LOCALES, type PageBundle, type RuleAttribute } from '../engine'

/** A condition GrowthBook cannot express without help from the caller (e.g. behaviour counts over a window). */
export class UnsupportedCondition extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnsupportedCondition'
  }
}

/** The feature value of a slot left to its default content. */
export const DEFAULT_VALUE = 'default'

export const featureKey = (slot: number) => `slot-${slot}`

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
const RESERVED = new Set([...Object.values(ATTRIBUTE_NAMES), 'now', 'personalization'])

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

const NO_AUDIENCE = -Infinity
const MEDIUM = LENGTHS.indexOf('medium')

/** The highest priority among a variant's audience segments (a static stand-in for "highest member priority"). */
function audiencePriority(variant: CompiledVariant, segmentsById: ReadonlyMap<string, CompiledSegment>): number {
  if (variant.audience.length === 0) return NO_AUDIENCE
  return Math.max(...variant.audience.map((id) => segmentsById.get(id)?.priority ?? 0))
}

/**
 * The order Tessera ranks variants in, made static: audience priority, then
 * written for a channel, then length closest to medium (the web and email
 * preference; screens prefer short, which this order cannot follow), then
 * listed order. Tone has no effect without a stated preference.
 */
function rankedVariants(block: CompiledBlock, segmentsById: ReadonlyMap<string, CompiledSegment>): CompiledVariant[] {
  const keyed = block.variants.map((variant, order) => ({
    variant,
    order,
    audience: audiencePriority(variant, segmentsById),
    channel: variant.channels.length > 0 ? 1 : 0,
    length: Math.abs(LENGTHS.indexOf(variant.length) - MEDIUM),
  }))
  keyed.sort((a, b) => b.audience - a.audience || b.channel - a.channel || a.length - b.length || a.order - b.order)
  return keyed.map((entry) => entry.variant)
}

/** One force rule: the hard filters, then the audience (any of its segments). */
function variantRule(variant: CompiledVariant, segmentsById: ReadonlyMap<string, CompiledSegment>): FeatureRule<string> {
  const parts: ConditionInterface[] = []
  if (variant.channels.length > 0) parts.push({ channel: { $in: [...variant.channels] } })
  if (variant.activeFrom !== undefined) parts.push({ now: { $gte: variant.activeFrom } })
  if (variant.activeTo !== undefined) parts.push({ now: { $lt: variant.activeTo } })
  const written = LOCALES.filter((locale) => variant.content[locale] !== undefined)
  if (written.length < LOCALES.length) parts.push({ locale: { $in: written } })
  if (variant.audience.length > 0) {
    const segments = variant.audience.map((id) => segmentsById.get(id)).filter((segment): segment is CompiledSegment => segment !== undefined)
    parts.push(segments.length === 0 ? NOBODY : segments.length === 1 ? segmentCondition(segments[0]!) : { $or: segments.map(segmentCondition) })
  }
  const rule: FeatureRule<string> = { id: variant.id, force: variant.id }
  if (parts.length > 0) rule.condition = parts.length === 1 ? parts[0]! : { $and: parts }
  return rule
}

/** One feature per slot of the page: the value is the chosen variant id, or "default". */
export function growthbookFeatures(manifest: DeliveryManifest, bundle: PageBundle): Record<string, FeatureDefinition<string>> {
  const segmentsById = new Map(manifest.segments.map((segment) => [segment.id, segment]))
  const features: Record<string, FeatureDefinition<string>> = {}
  bundle.slots.forEach((blockId, slot) => {
    const block = bundle.blocks[blockId]
    if (!block) return
    features[featureKey(slot)] = {
      defaultValue: DEFAULT_VALUE,
      rules: rankedVariants(block, segmentsById).map((variant) => variantRule(variant, segmentsById)),
    }
  })
  return features
}
