/**
 * Admin fields for segment rules. Every message comes from the zod schema in
 * engine/segmentRules.ts, so the admin, the API and the compiler agree.
 */
import type { ArrayField, Field, Validate } from 'payload'
import type { z } from 'zod'

import { EVENT_TYPES, RULE_ATTRIBUTES, RULE_OPERATORS, type RuleAttribute, RuleConditionSchema, RuleGroupSchema, type RuleOperator, SegmentRulesSchema } from '../../engine'

/** What editors read in the rule builder (the engine knows only the values). */
const ATTRIBUTE_LABELS: Record<RuleAttribute, string> = {
  trait: 'Visitor trait',
  country: 'Country',
  region: 'Region',
  city: 'City',
  store: 'Store',
  storeFormat: 'Store format',
  device: 'Device',
  daypart: 'Daypart',
  weekday: 'Weekday',
  date: 'Date',
  time: 'Time of day',
  referrer: 'Referrer',
  utmSource: 'UTM source',
  utmMedium: 'UTM medium',
  utmCampaign: 'UTM campaign',
  locale: 'Locale',
  channel: 'Channel',
  consent: 'Consent given',
  behaviour: 'Behaviour (event count)',
}

const OPERATOR_LABELS: Record<RuleOperator, string> = {
  equals: 'equals',
  not_equals: 'does not equal',
  in: 'is one of',
  not_in: 'is none of',
  contains: 'contains',
  exists: 'is known',
  not_exists: 'is unknown',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  between: 'is between',
}

/** The first issue the schema reports for one field of the object it parses. */
function issueFor(schema: z.ZodType, input: unknown, field: string): string | true {
  const result = schema.safeParse(input)
  if (result.success) return true
  const issue = result.error.issues.find((candidate) => candidate.path.length === 1 && candidate.path[0] === field)
  return issue ? issue.message : true
}

const conditionField =
  (field: string): Validate =>
  (_value, { siblingData }) =>
    issueFor(RuleConditionSchema, siblingData, field)

const VALUELESS = new Set(['exists', 'not_exists'])
const LISTS = new Set(['in', 'not_in'])

const conditionFields: Field[] = [
  {
    type: 'row',
    fields: [
      {
        name: 'attribute',
        type: 'select',
        required: true,
        options: RULE_ATTRIBUTES.map((value) => ({ label: ATTRIBUTE_LABELS[value], value })),
        admin: { width: '34%' },
      },
      {
        name: 'trait',
        type: 'text',
        validate: conditionField('trait'),
        admin: {
          width: '33%',
          placeholder: 'e.g. loyaltyTier',
          condition: (_data, sibling) => sibling?.attribute === 'trait',
        },
      },
      {
        name: 'operator',
        type: 'select',
        required: true,
        defaultValue: 'equals',
        options: RULE_OPERATORS.map((value) => ({ label: OPERATOR_LABELS[value], value })),
        validate: conditionField('operator'),
        admin: { width: '33%' },
      },
    ],
  },
  {
    type: 'row',
    admin: { condition: (_data, sibling) => sibling?.attribute === 'behaviour' },
    fields: [
      {
        name: 'event',
        type: 'select',
        options: EVENT_TYPES.map((value) => ({ label: value.replace('_', ' '), value })),
        validate: conditionField('event'),
        admin: { width: '34%', condition: (_data, sibling) => sibling?.attribute === 'behaviour' },
      },
      {
        name: 'category',
        type: 'text',
        validate: conditionField('category'),
        admin: { width: '33%', placeholder: 'any category, or e.g. shoes', condition: (_data, sibling) => sibling?.attribute === 'behaviour' },
      },
      {
        name: 'windowDays',
        label: 'Over the last (days)',
        type: 'number',
        defaultValue: 7,
        validate: conditionField('windowDays'),
        admin: { width: '33%', condition: (_data, sibling) => sibling?.attribute === 'behaviour' },
      },
    ],
  },
  {
    type: 'row',
    fields: [
      {
        name: 'value',
        type: 'text',
        validate: conditionField('value'),
        admin: {
          width: '50%',
          condition: (_data, sibling) => !VALUELESS.has(sibling?.operator) && !LISTS.has(sibling?.operator),
        },
      },
      {
        name: 'valueTo',
        label: 'and',
        type: 'text',
        validate: conditionField('valueTo'),
        admin: { width: '50%', condition: (_data, sibling) => sibling?.operator === 'between' },
      },
      {
        name: 'values',
        type: 'text',
        hasMany: true,
        validate: conditionField('values'),
        admin: { width: '100%', condition: (_data, sibling) => LISTS.has(sibling?.operator) },
      },
    ],
  },
]

const matchField: Field = {
  name: 'match',
  type: 'select',
  required: true,
  defaultValue: 'all',
  options: [
    { label: 'All conditions must hold', value: 'all' },
    { label: 'Any condition may hold', value: 'any' },
  ],
}

function conditionsField(validate: Validate): ArrayField {
  return {
    name: 'conditions',
    type: 'array',
    labels: { singular: 'Condition', plural: 'Conditions' },
    fields: conditionFields,
    validate,
  }
}

export const segmentRulesField: Field = {
  name: 'rules',
  type: 'group',
  admin: {
    description:
      'Who belongs to this segment. Conditions read visitor traits and the request context; a group nests another all/any list.',
  },
  fields: [
    matchField,
    conditionsField((_value, { data }) => issueFor(SegmentRulesSchema, (data as { rules?: unknown }).rules ?? {}, 'conditions')),
    {
      name: 'groups',
      type: 'array',
      labels: { singular: 'Group', plural: 'Groups' },
      fields: [matchField, conditionsField((_value, { siblingData }) => issueFor(RuleGroupSchema, siblingData, 'conditions'))],
    },
  ],
}
