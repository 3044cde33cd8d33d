/**
 * Segment rules as editors write them: conditions on visitor traits and on
 * request context, grouped by "all" / "any". Rules are data, validated here,
 * and never evaluated as code. This schema is the single source of truth for
 * the admin's field errors and for the compiler that feeds the engine.
 */
import { z } from 'zod'

import { CHANNELS, DAYPARTS, DEVICES, EVENT_TYPES, LOCALES, PURPOSE_KEY, SLUG, STORE_FORMATS, WEEKDAYS } from './axes'

export const RULE_ATTRIBUTES = [
  'trait',
  'country',
  'region',
  'city',
  'store',
  'storeFormat',
  'device',
  'daypart',
  'weekday',
  'date',
  'time',
  'referrer',
  'utmSource',
  'utmMedium',
  'utmCampaign',
  'locale',
  'channel',
  'consent',
  'behaviour',
] as const
export type RuleAttribute = (typeof RULE_ATTRIBUTES)[number]


export const RULE_OPERATORS = [
  'equals',
  'not_equals',
  'in',
  'not_in',
  'contains',
  'exists',
  'not_exists',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
] as const
export type RuleOperator = (typeof RULE_OPERATORS)[number]


export const MATCH_MODES = ['all', 'any'] as const
export type MatchMode = (typeof MATCH_MODES)[number]

const ORDERED_OPERATORS: ReadonlySet<RuleOperator> = new Set(['lt', 'lte', 'gt', 'gte', 'between'])
const VALUELESS_OPERATORS: ReadonlySet<RuleOperator> = new Set(['exists', 'not_exists'])
const LIST_OPERATORS: ReadonlySet<RuleOperator> = new Set(['in', 'not_in'])

/** Attributes whose values have an order (numbers, dates, clock times). */
const ORDERED_ATTRIBUTES: ReadonlySet<RuleAttribute> = new Set(['trait', 'date', 'time', 'behaviour'])

/** Attributes with a closed vocabulary: values are checked against it. */
const VOCABULARIES: Partial<Record<RuleAttribute, readonly string[]>> = {
  daypart: DAYPARTS,
  weekday: WEEKDAYS,
  channel: CHANNELS,
  locale: LOCALES,
  device: DEVICES,
  storeFormat: STORE_FORMATS,
}

export const TRAIT_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
export const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/
const COUNTRY_CODE = /^[A-Za-z]{2}$/
export const BEHAVIOUR_CATEGORY = SLUG
const NUMBER = /^-?\d+(\.\d+)?$/

const optionalText = z
  .string()
  .nullish()
  .transform((value) => (value && value.trim() ? value.trim() : undefined))

const textList = z
  .array(z.string())
  .nullish()
  .transform((values) => (values ?? []).map((value) => value.trim()).filter(Boolean))

type ConditionDraft = {
  attribute: RuleAttribute
  operator: RuleOperator
  trait?: string
  event?: string
  category?: string
  windowDays?: number
  value?: string
  values: string[]
  valueTo?: string
}

/** Why a single value cannot be used with this attribute and operator, or undefined. */
function valueProblem(attribute: RuleAttribute, operator: RuleOperator, value: string): string | undefined {
  const vocabulary = VOCABULARIES[attribute]
  if (vocabulary && !vocabulary.includes(value.toLowerCase())) {
    return `“${value}” is not one of the allowed values: ${vocabulary.join(', ')}`
  }
  if (attribute === 'date' && !isCalendarDate(value)) {
    return `“${value}” is not a date; write it as YYYY-MM-DD, e.g. 2026-12-24`
  }
  if (attribute === 'time' && !CLOCK_TIME.test(value)) {
    return `“${value}” is not a time of day; write it as HH:MM in 24-hour time, e.g. 18:30`
  }
  if (attribute === 'country' && !COUNTRY_CODE.test(value)) {
    return `“${value}” is not a country code; use two letters such as FR or GB`
  }
  if (attribute === 'consent' && !PURPOSE_KEY.test(value)) {
    return `“${value}” is not a consent purpose; use its lowercase key such as personalization`
  }
  if (attribute === 'behaviour' && !/^\d{1,6}$/.test(value)) {
    return `“${value}” is not a count; use a whole number such as 3`
  }
  if (attribute === 'trait' && ORDERED_OPERATORS.has(operator) && !NUMBER.test(value) && !isCalendarDate(value)) {
    return `“${value}” cannot be compared with this operator; use a number or a date (YYYY-MM-DD)`
  }
  return undefined
}

function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

function checkCondition(condition: ConditionDraft, ctx: z.RefinementCtx): void {
  const { attribute, operator } = condition
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', message, path: [path] })

  if (attribute === 'trait') {
    if (!condition.trait) issue('trait', 'Name the trait this condition reads, e.g. loyaltyTier')
    else if (!TRAIT_KEY.test(condition.trait)) {
      issue('trait', 'A trait name starts with a letter and uses letters, digits, “_”, “-” or “.” (64 characters at most)')
    }
  }

  if (attribute === 'behaviour') {
    if (!condition.event) issue('event', 'Choose the kind of event to count, e.g. page view')
    if (condition.category && !BEHAVIOUR_CATEGORY.test(condition.category)) {
      issue('category', 'A category is lowercase letters, digits and dashes, e.g. shoes')
    }
    if (condition.windowDays === undefined || !Number.isInteger(condition.windowDays) || condition.windowDays < 1 || condition.windowDays > 90) {
      issue('windowDays', 'Count over 1 to 90 days')
    }
    if (!ORDERED_OPERATORS.has(operator) && operator !== 'equals' && operator !== 'not_equals') {
      issue('operator', 'Compare a count with equals, <, ≤, >, ≥ or is between')
      return
    }
  }

  if (ORDERED_OPERATORS.has(operator) && !ORDERED_ATTRIBUTES.has(attribute)) {
    issue('operator', 'This operator compares numbers, dates or times, and this attribute is compared as text: use equals, is one of or contains')
    return
  }
  if (operator === 'contains' && VOCABULARIES[attribute]) {
    issue('operator', 'This attribute has a fixed list of values: use equals or is one of instead of contains')
    return
  }

  if (VALUELESS_OPERATORS.has(operator)) return

  if (LIST_OPERATORS.has(operator)) {
    if (condition.values.length === 0) issue('values', 'List at least one value')
    for (const value of condition.values) {
      const problem = valueProblem(attribute, operator, value)
      if (problem) {
        issue('values', problem)
        break
      }
    }
    return
  }

  if (!condition.value) {
    issue('value', operator === 'between' ? 'Enter where the range starts' : 'Enter the value to compare with')
  } else {
    const problem = valueProblem(attribute, operator, condition.value)
    if (problem) issue('value', problem)
  }

  if (operator === 'between') {
    if (!condition.valueTo) {
      issue('valueTo', 'Enter where the range ends')
      return
    }
    const problem = valueProblem(attribute, operator, condition.valueTo)
    if (problem) {
      issue('valueTo', problem)
      return
    }
    // Clock times may wrap past midnight (22:00 → 02:00); numbers and dates may not.
    if (condition.value && attribute !== 'time' && compareOrdered(condition.value, condition.valueTo) > 0) {
      issue('valueTo', `The range ends before it starts: ${condition.valueTo} is less than ${condition.value}`)
    }
  }
}

/** Orders two values that are both numbers or both ISO dates / clock times. */
export function compareOrdered(left: string, right: string): number {
  if (NUMBER.test(left) && NUMBER.test(right)) return Number(left) - Number(right)
  return left < right ? -1 : left > right ? 1 : 0
}

export const RuleConditionSchema = z
  .object({
    attribute: z.enum(RULE_ATTRIBUTES, { error: 'Choose what this condition looks at' }),
    operator: z.enum(RULE_OPERATORS, { error: 'Choose an operator' }),
    trait: optionalText,
    event: z.enum(EVENT_TYPES, { error: 'Choose the kind of event to count' }).nullish().transform((value) => value ?? undefined),
    category: optionalText,
    windowDays: z.number().nullish().transform((value) => value ?? undefined),
    value: optionalText,
    values: textList,
    valueTo: optionalText,
  })
  .superRefine(checkCondition)
export type RuleCondition = z.output<typeof RuleConditionSchema>

const conditionList = z
  .array(RuleConditionSchema)
  .nullish()
  .transform((conditions) => conditions ?? [])

export const RuleGroupSchema = z
  .object({
    match: z.enum(MATCH_MODES).nullish().transform((match) => match ?? 'all'),
    conditions: conditionList,
  })
  .superRefine((group, ctx) => {
    if (group.conditions.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'This group has no condition; add one or remove the group', path: ['conditions'] })
    }
  })
export type RuleGroup = z.output<typeof RuleGroupSchema>

export const SegmentRulesSchema = z
  .object({
    match: z.enum(MATCH_MODES).nullish().transform((match) => match ?? 'all'),
    conditions: conditionList,
    groups: z
      .array(RuleGroupSchema)
      .nullish()
      .transform((groups) => groups ?? []),
  })
  .superRefine((rules, ctx) => {
    if (rules.conditions.length === 0 && rules.groups.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'A segment needs at least one condition, otherwise it would match every visitor',
        path: ['conditions'],
      })
    }
  })
export type SegmentRules = z.output<typeof SegmentRulesSchema>
