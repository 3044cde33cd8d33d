/**
 * Segment membership: evaluates each compiled segment's rules against the
 * decision context. Segments that read visitor data (traits, consents) are
 * evaluated only with personalization consent; a segment asserted by a
 * trusted caller is a membership without evaluation.
 */
import type { DecisionContext, TraitValue } from './context'
import type { RuleAttribute } from './segmentRules'
import type { CompiledCondition, CompiledGroup, CompiledSegment } from './snapshot'

export type Membership = {
  segment: CompiledSegment
  member: boolean
  /** Why: filled only when explaining (debug traces). */
  reasons: string[]
}

export type SegmentEvaluation = {
  /** Member segments, highest priority first. */
  members: CompiledSegment[]
  memberIds: ReadonlySet<string>
  /** Visitor data was consulted: the decision is personal. */
  usedVisitorData: boolean
  /** Context attributes read while evaluating (for honest caching). */
  attributesRead: ReadonlySet<RuleAttribute>
  /** Every segment with its outcome; filled only when explaining. */
  memberships: Membership[]
}

type Value = TraitValue | undefined

function valueOf(condition: CompiledCondition, context: DecisionContext): Value {
  switch (condition.attribute) {
    case 'trait':
      return context.traits[condition.trait ?? '']
    case 'country':
      return context.country
    case 'region':
      return context.region
    case 'city':
      return context.city
    case 'store':
      return context.store
    case 'storeFormat':
      return context.storeFormat
    case 'device':
      return context.device
    case 'daypart':
      return context.daypart
    case 'weekday':
      return context.weekday
    case 'date':
      return context.date
    case 'time':
      return context.minutes
    case 'referrer':
      return context.referrer
    case 'utmSource':
      return context.utmSource
    case 'utmMedium':
      return context.utmMedium
    case 'utmCampaign':
      return context.utmCampaign
    case 'locale':
      return context.locale
    case 'channel':
      return context.channel
    case 'consent':
      return [...context.consents]
    case 'behaviour':
      return countInWindow(context.behaviour[condition.series ?? ''], context.date, condition.windowDays ?? 1)
  }
}

/** Events of a series over the last `days` days, today (in the decision's time zone) included. */
export function countInWindow(daily: Readonly<Record<string, number>> | undefined, today: string, days: number): number {
  if (!daily) return 0
  const first = new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * 86_400_000).toISOString().slice(0, 10)
  let total = 0
  for (const day in daily) if (day >= first && day <= today) total += daily[day]!
  return total
}

const isPresent = (value: Value) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)

/** Scalar text comparison: numbers and booleans compare by their text. */
const asText = (value: string | number | boolean) => (typeof value === 'string' ? value : String(value))

function anyOf(value: Value, test: (item: string | number | boolean) => boolean): boolean {
  if (value === undefined) return false
  return Array.isArray(value) ? value.some(test) : test(value)
}

function ordered(value: Value, operand: string | number): number | undefined {
  if (value === undefined || Array.isArray(value) || typeof value === 'boolean') return undefined
  if (typeof operand === 'number') {
    const number = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value)
    return Number.isNaN(number) ? undefined : number - operand
  }
  const text = asText(value)
  return text < operand ? -1 : text > operand ? 1 : 0
}

export function conditionHolds(condition: CompiledCondition, value: Value): boolean {
  const [first, second] = condition.operands
  switch (condition.operator) {
    case 'exists':
      return isPresent(value)
    case 'not_exists':
      return !isPresent(value)
    case 'equals':
      return anyOf(value, (item) => asText(item) === asText(first!))
    case 'not_equals':
      return !anyOf(value, (item) => asText(item) === asText(first!))
    case 'in':
      return anyOf(value, (item) => condition.operands.some((operand) => asText(operand) === asText(item)))
    case 'not_in':
      return !anyOf(value, (item) => condition.operands.some((operand) => asText(operand) === asText(item)))
    case 'contains':
      return anyOf(value, (item) => asText(item).includes(asText(first!)))
    case 'lt': {
      const order = ordered(value, first!)
      return order !== undefined && order < 0
    }
    case 'lte': {
      const order = ordered(value, first!)
      return order !== undefined && order <= 0
    }
    case 'gt': {
      const order = ordered(value, first!)
      return order !== undefined && order > 0
    }
    case 'gte': {
      const order = ordered(value, first!)
      return order !== undefined && order >= 0
    }
    case 'between': {
      const fromStart = ordered(value, first!)
      const toEnd = ordered(value, second!)
      if (fromStart === undefined || toEnd === undefined) return false
      // Clock times wrap past midnight: 22:00 → 02:00 holds at 23:00 and 01:00.
      const wraps = typeof first === 'number' && typeof second === 'number' && condition.attribute === 'time' && first > second
      return wraps ? fromStart >= 0 || toEnd <= 0 : fromStart >= 0 && toEnd <= 0
    }
  }
}

function describe(condition: CompiledCondition, value: Value, holds: boolean): string {
  const subject = condition.attribute === 'trait' ? `trait ${condition.trait}` : condition.attribute
  const shown = value === undefined ? 'unknown' : JSON.stringify(value)
  const operands = condition.operands.map((operand) => JSON.stringify(operand)).join(condition.operator === 'between' ? ' and ' : ', ')
  return `${subject} ${condition.operator.replace('_', ' ')}${operands ? ` ${operands}` : ''}: ${holds ? 'yes' : 'no'} (is ${shown})`
}

function groupHolds(
  group: CompiledGroup,
  context: DecisionContext,
  read: Set<RuleAttribute>,
  reasons: string[] | undefined,
): boolean {
  const all = group.match === 'all'
  for (const condition of group.conditions) {
    read.add(condition.attribute)
    const value = valueOf(condition, context)
    const holds = conditionHolds(condition, value)
    reasons?.push(describe(condition, value, holds))
    if (all && !holds) return false
    if (!all && holds) return true
  }
  for (const nested of group.groups) {
    const holds = groupHolds(nested, context, read, reasons)
    if (all && !holds) return false
    if (!all && holds) return true
  }
  return all
}

export function evaluateSegments(segments: readonly CompiledSegment[], context: DecisionContext, explain = false): SegmentEvaluation {
  const members: CompiledSegment[] = []
  const memberIds = new Set<string>()
  const read = new Set<RuleAttribute>()
  const memberships: Membership[] = []
  let usedVisitorData = false

  for (const segment of segments) {
    const reasons: string[] | undefined = explain ? [] : undefined
    let member: boolean
    if (context.assertedSegments.has(segment.slug)) {
      member = true
      usedVisitorData = true
      reasons?.push('asserted by the caller')
    } else if (segment.personal && !context.personalization) {
      member = false
      reasons?.push('reads visitor data: skipped without personalization consent')
    } else {
      if (segment.personal) usedVisitorData = true
      member = groupHolds(segment.rule, context, read, reasons)
    }
    if (member) {
      members.push(segment)
      memberIds.add(segment.id)
    }
    if (explain) memberships.push({ segment, member, reasons: reasons! })
  }
  // Asserting segments is itself visitor data, even when none matched.
  if (context.assertedSegments.size > 0) usedVisitorData = true
  return { members, memberIds, usedVisitorData, attributesRead: read, memberships }
}
