/**
 * A metric as editors define it: what is counted from the events API, and over
 * which window after a unit's first exposure. Kinds are the extension point
 * for metrics from other sources (survey answers join here as new kinds).
 */
import type { Field } from 'payload'

import { EVENT_TYPES } from '../../../engine'
import { METRIC_KINDS, SURVEY_METRIC_KINDS } from '../../../delivery/experiments'

const KIND_LABELS: Record<(typeof METRIC_KINDS)[number], string> = {
  binomial: 'Converted (share of units with at least one event)',
  count: 'Count per unit',
  mean: 'Mean value per unit (properties.value, e.g. revenue)',
  nps: 'NPS of the respondents (survey answers, +100 / 0 / −100)',
  ces: 'CES of the respondents (mean score, 1–7)',
  csat: 'CSAT of the respondents (share answering 4–5)',
}

/** Survey kinds read their survey's answers: no event to pick. */
const readsEvents = (_: unknown, siblingData: { kind?: string } | undefined) => !(SURVEY_METRIC_KINDS as readonly string[]).includes(siblingData?.kind ?? '')

export const metricFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'label', type: 'text', required: true, admin: { width: '34%', description: 'How results name it, e.g. “Purchases”.' } },
      {
        name: 'kind',
        type: 'select',
        required: true,
        defaultValue: 'binomial',
        options: METRIC_KINDS.map((value) => ({ label: KIND_LABELS[value], value })),
        admin: { width: '33%' },
      },
      { name: 'windowDays', type: 'number', required: true, defaultValue: 7, min: 1, max: 90, admin: { width: '33%', description: 'Counted within this many days of the first exposure.' } },
    ],
  },
  {
    type: 'row',
    fields: [
      {
        name: 'eventType',
        type: 'select',
        required: true,
        defaultValue: 'conversion',
        options: EVENT_TYPES.map((value) => ({ label: value.replace('_', ' '), value })),
        admin: { width: '34%', condition: readsEvents },
      },
      { name: 'eventName', type: 'text', admin: { width: '33%', condition: readsEvents, description: 'Optional: only events of this name (e.g. purchase).' } },
      { name: 'higherIsBetter', type: 'checkbox', defaultValue: true, admin: { width: '33%' } },
    ],
  },
]
