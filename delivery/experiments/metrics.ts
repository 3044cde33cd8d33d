/**
 * Metric definitions: what an experiment measures per unit, from the events
 * API. A kind says how a unit's events become its value y:
 * - binomial: 1 when the unit has at least one matching event in the window, else 0;
 * - count: the number of matching events in the window;
 * - mean: the sum of their `properties.value` (revenue per unit);
 * - nps, ces, csat: a survey's score among the units that answered it in the
 *   window (form_answer events named `survey:<kind>`, outcome answered). NPS
 *   scores each respondent +100 (9–10), 0 (7–8) or −100 (0–6), so the arm's
 *   mean is its NPS and the per-unit variance is 100²·[p + d − (p − d)²]
 *   (B. Rocks, The American Statistician 70(4), 2016); CSAT (1–5) scores
 *   100 for 4–5 and 0 otherwise, so the arm's mean is its CSAT share as the
 *   dashboards show it; CES (1–7) is the mean score. A respondent who
 *   answered twice counts once, with the mean of their answers. Survey
 *   metrics compare arms on an absolute scale (points), and count
 *   respondents, not exposures.
 * Everything downstream reads per-arm sums only (resultsQuery.ts makes them).
 */
import { z } from 'zod'

import { EVENT_TYPES } from '../../engine'

export const SURVEY_METRIC_KINDS = ['nps', 'ces', 'csat'] as const
export const METRIC_KINDS = ['binomial', 'count', 'mean', ...SURVEY_METRIC_KINDS] as const
export type MetricKind = (typeof METRIC_KINDS)[number]
export type SurveyMetricKind = (typeof SURVEY_METRIC_KINDS)[number]
export const isSurveyMetric = (kind: MetricKind): kind is SurveyMetricKind => (SURVEY_METRIC_KINDS as readonly string[]).includes(kind)

/** One answer's value y for a survey metric (the SQL in resultsQuery.ts computes the same). */
export function surveyPoints(kind: SurveyMetricKind, score: number): number {
  if (kind === 'nps') return score >= 9 ? 100 : score >= 7 ? 0 : -100
  if (kind === 'csat') return score >= 4 ? 100 : 0
  return score
}

export const METRIC_ROLES = ['primary', 'secondary', 'guardrail'] as const
export type MetricRole = (typeof METRIC_ROLES)[number]

export const MetricDefinitionSchema = z.object({
  /** Stable within an experiment: `primary`, `secondary-1`, `guardrail-unsubscribes`… */
  id: z.string().min(1),
  label: z.string().min(1),
  role: z.enum(METRIC_ROLES),
  kind: z.enum(METRIC_KINDS),
  eventType: z.enum(EVENT_TYPES),
  eventName: z.string().min(1).optional(),
  windowDays: z.number().int().min(1).max(90),
  higherIsBetter: z.boolean(),
  /** The built-in email guardrail: unsubscribes from this list after exposure. */
  unsubscribesFrom: z.string().optional(),
})
export type MetricDefinition = z.infer<typeof MetricDefinitionSchema>

type MetricDoc = { label?: string | null; kind?: string | null; eventType?: string | null; eventName?: string | null; windowDays?: number | null; higherIsBetter?: boolean | null }

function fromDoc(doc: MetricDoc | null | undefined, id: string, role: MetricRole): MetricDefinition | undefined {
  if (!doc?.label) return undefined
  const kind = doc.kind ?? 'binomial'
  // A survey metric reads that survey's answers, whatever event the form says.
  const survey = (SURVEY_METRIC_KINDS as readonly string[]).includes(kind)
  const parsed = MetricDefinitionSchema.safeParse({
    id,
    role,
    label: doc.label,
    kind,
    eventType: survey ? 'form_answer' : (doc.eventType ?? 'conversion'),
    ...(survey ? { eventName: `survey:${kind}` } : doc.eventName ? { eventName: doc.eventName } : {}),
    windowDays: doc.windowDays ?? 7,
    higherIsBetter: doc.higherIsBetter ?? true,
  })
  return parsed.success ? parsed.data : undefined
}

/**
 * An experiment document's metrics, primary first; an experiment on an email
 * (its subject line, or a block it runs on the email channel) of a mailing
 * list also watches unsubscribes from that list after exposure (lower is better).
 */
export function metricsOf(doc: { primaryMetric?: MetricDoc | null; secondaryMetrics?: MetricDoc[] | null; guardrailMetrics?: MetricDoc[] | null }, emailList?: string): MetricDefinition[] {
  const metrics: (MetricDefinition | undefined)[] = [
    fromDoc(doc.primaryMetric, 'primary', 'primary'),
    ...(doc.secondaryMetrics ?? []).map((metric, i) => fromDoc(metric, `secondary-${i + 1}`, 'secondary')),
    ...(doc.guardrailMetrics ?? []).map((metric, i) => fromDoc(metric, `guardrail-${i + 1}`, 'guardrail')),
  ]
  if (emailList) {
    metrics.push({
      id: 'guardrail-unsubscribes',
      label: `Unsubscribes from ${emailList}`,
      role: 'guardrail',
      kind: 'binomial',
      eventType: 'consent_change',
      windowDays: 30,
      higherIsBetter: false,
      unsubscribesFrom: emailList,
    })
  }
  return metrics.filter((metric): metric is MetricDefinition => metric !== undefined)
}
