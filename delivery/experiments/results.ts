/**
 * An experiment's results for one phase: per metric, per arm, the units, the
 * metric's value, lift against control with its intervals, p-values and the
 * chance to beat control, the health checks; and the primary metric broken
 * down by channel, segment, store, locale, or channel × segment. The admin's
 * results view and GET /api/experiments/{key}/results read this same object.
 */
import type { Payload } from 'payload'
import { z } from 'zod'

import { INFERENCE_VIEWS, experimentStatistics, type ExperimentStatistics, type InferenceView } from './statistics'
import { isSurveyMetric, metricsOf, MetricDefinitionSchema, type MetricDefinition } from './metrics'
import { BREAKDOWNS, multipleExposures, sliceSums, sliceUnits, type SliceSums } from './resultsQuery'
import { scanMultipleExposures, scanSums, scanUnits } from './resultsScan'

const Interval = z.tuple([z.number(), z.number()]).readonly()
const InferenceSchema = z.object({ interval: Interval, pValue: z.number(), adjustedPValue: z.number() })
const ComparisonSchema = z.union([
  z.object({ estimable: z.literal(false), reason: z.string(), verdict: z.literal('not-estimable') }),
  z.object({
    estimable: z.literal(true),
    effect: z.number().meta({ description: 'Relative lift against control (0.05 = +5 %), CUPED-adjusted when θ ≠ 0' }),
    standardError: z.number(),
    theta: z.number(),
    fixedHorizon: InferenceSchema,
    sequential: InferenceSchema.meta({ description: 'Asymptotic confidence sequence: safe to read at any time (the default view)' }),
    chanceToBeatControl: z.number(),
    verdict: z.enum(['better', 'worse', 'inconclusive', 'too-little-data', 'not-estimable']),
  }),
])
export const StatisticsSchema = z.object({
  scale: z.enum(['relative', 'absolute']),
  view: z.enum(INFERENCE_VIEWS),
  alpha: z.number(),
  correction: z.enum(['holm', 'none']),
  arms: z.array(z.object({ id: z.string(), units: z.number().int(), mean: z.number(), comparison: ComparisonSchema.optional() })),
  health: z.object({
    sampleRatio: z.object({ chiSquare: z.number(), degreesOfFreedom: z.number(), pValue: z.number(), mismatch: z.boolean() }),
    multipleExposures: z.object({ units: z.number().int(), share: z.number(), tooMany: z.boolean() }).optional(),
    tooLittleData: z.boolean(),
  }),
})

export const ExperimentResultsSchema = z
  .object({
    experiment: z.object({
      key: z.string(),
      name: z.string(),
      status: z.string(),
      unit: z.enum(['person', 'store']),
      phase: z.number().int(),
      phases: z.array(z.object({ phase: z.number().int(), startedAt: z.string().nullable(), coverage: z.number().nullable(), arms: z.string().nullable() })),
      shippedArm: z.string().optional(),
    }),
    phase: z.number().int(),
    view: z.enum(INFERENCE_VIEWS),
    arms: z.array(z.object({ id: z.string(), label: z.string(), weight: z.number() })),
    sampleProgress: z.object({ minimumUnitsPerArm: z.number().int(), smallestArm: z.number().int(), share: z.number() }),
    metrics: z.array(z.object({ metric: MetricDefinitionSchema, statistics: StatisticsSchema })),
    breakdown: z
      .object({ by: z.enum(BREAKDOWNS), slices: z.array(z.object({ value: z.string(), statistics: StatisticsSchema.nullable() })) })
      .optional(),
    computedInMs: z.number(),
  })
  .meta({ id: 'ExperimentResults' })
export type ExperimentResults = z.infer<typeof ExperimentResultsSchema>

export const ResultsQuerySchema = z.object({
  phase: z.coerce.number().int().min(1).optional().meta({ description: 'Default: the current phase' }),
  view: z.enum(INFERENCE_VIEWS).optional().meta({ description: 'sequential (default: safe to peek) or fixed-horizon' }),
  breakdown: z.enum(BREAKDOWNS).optional().meta({ description: 'Break the primary metric down by channel, segment, store, locale or channel-segment' }),
})
export type ResultsQuery = z.infer<typeof ResultsQuerySchema>

type ExperimentDoc = {
  key: string
  name: string
  status: string
  unit?: string | null
  phase?: number | null
  shippedArm?: string | null
  scope?: string | null
  page?: unknown
  block?: unknown
  channels?: string[] | null
  arms?: { variant?: string | null; label?: string | null; weight?: number | null }[] | null
  phases?: { phase?: number | null; startedAt?: string | null; coverage?: number | null; arms?: string | null }[] | null
  minimumUnitsPerArm?: number | null
  primaryMetric?: Parameters<typeof metricsOf>[0]['primaryMetric']
  secondaryMetrics?: Parameters<typeof metricsOf>[0]['secondaryMetrics']
  guardrailMetrics?: Parameters<typeof metricsOf>[0]['guardrailMetrics']
}

/** The arms of a phase with their weights: the phase's own record (`v1:50,v2:50`), else the current arms. */
function armsOfPhase(doc: ExperimentDoc, phase: number): { id: string; label: string; weight: number }[] {
  const labels = new Map((doc.arms ?? []).map((arm) => [String(arm.variant), arm.label || String(arm.variant)]))
  const recorded = doc.phases?.find((entry) => entry.phase === phase)?.arms
  const split = recorded
    ? recorded.split(',').map((part) => {
        const at = part.lastIndexOf(':')
        return { id: part.slice(0, at), weight: Number(part.slice(at + 1)) }
      })
    : (doc.arms ?? []).map((arm) => ({ id: String(arm.variant), weight: arm.weight ?? 0 }))
  const total = split.reduce((sum, arm) => sum + arm.weight, 0) || 1
  return split.map((arm) => ({ id: arm.id, label: labels.get(arm.id) ?? arm.id, weight: arm.weight / total }))
}

/** The mailing list an email experiment's guardrail watches: its page's list (subject line scope). */
async function emailListOf(payload: Payload, doc: ExperimentDoc): Promise<string | undefined> {
  if (doc.scope !== 'subject' || doc.page === undefined || doc.page === null) return undefined
  const page = (await payload.findByID({ collection: 'pages', id: String(typeof doc.page === 'object' ? (doc.page as { id: unknown }).id : doc.page), depth: 1, overrideAccess: true, disableErrors: true })) as {
    email?: { list?: { slug?: string } | null } | null
  } | null
  return page?.email?.list?.slug ?? undefined
}

function statisticsOf(arms: { id: string; weight: number }[], sums: SliceSums[], dimension: string, unitsInSeveralArms: number | undefined, metric: MetricDefinition, view: InferenceView, minimumUnitsPerArm: number): ExperimentStatistics {
  const byArm = new Map(sums.filter((row) => row.dimension === dimension).map((row) => [row.arm, row]))
  return experimentStatistics(
    {
      arms: arms.map((arm) => {
        const row = byArm.get(arm.id)
        return { id: arm.id, weight: arm.weight, statistics: { units: row?.units ?? 0, sum: row?.sum ?? 0, sumOfSquares: row?.sumOfSquares ?? 0 } }
      }),
      ...(unitsInSeveralArms === undefined ? {} : { unitsInSeveralArms }),
    },
    // A survey score can be zero or negative (NPS): its arms differ by points, not by a ratio.
    { view, higherIsBetter: metric.higherIsBetter, minimumUnitsPerArm: Math.max(2, minimumUnitsPerArm), ...(isSurveyMetric(metric.kind) ? { scale: 'absolute' as const } : {}) },
  )
}

export async function findExperiment(payload: Payload, key: string): Promise<ExperimentDoc | undefined> {
  const { docs } = await payload.find({ collection: 'experiments', where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true })
  return docs[0] as unknown as ExperimentDoc | undefined
}

/** Where the sums come from: the database's own aggregation (SQL), or Payload's API (the only way on MongoDB; tests compare the two). */
export type ResultsSource = 'database' | 'payload-api'
const SOURCES = {
  database: { units: sliceUnits, sums: sliceSums, multiple: multipleExposures },
  'payload-api': { units: scanUnits, sums: scanSums, multiple: scanMultipleExposures },
} as const

export async function experimentResults(payload: Payload, doc: ExperimentDoc, options: ResultsQuery = {}, source: ResultsSource = 'database'): Promise<ExperimentResults> {
  const { units: sliceUnits, sums: sliceSums, multiple: multipleExposures } = SOURCES[source]
  const started = performance.now()
  const phase = options.phase ?? doc.phase ?? 1
  const view = options.view ?? 'sequential'
  const unit = doc.unit === 'store' ? 'store' : 'person'
  const arms = armsOfPhase(doc, phase)
  const minimumUnitsPerArm = doc.minimumUnitsPerArm ?? 1000
  const metrics = metricsOf(doc, await emailListOf(payload, doc))
  const several = unit === 'person' ? await multipleExposures(payload, doc.key, phase) : 0
  const experiment = { key: doc.key, phase, unit } as const

  const computed = []
  const units = await sliceUnits(payload, experiment)
  // Nothing exposed yet: no statistics to show (and none to divide by zero with).
  const exposed = units.some((row) => row.units > 0)
  for (const metric of exposed ? metrics : []) {
    const sums = await sliceSums(payload, experiment, metric, units)
    computed.push({ metric, statistics: statisticsOf(arms, sums, '', several, metric, view, minimumUnitsPerArm) })
  }

  let breakdown: ExperimentResults['breakdown']
  const primary = metrics.find((metric) => metric.role === 'primary')
  if (options.breakdown && primary && exposed) {
    const sums = await sliceSums(payload, experiment, primary, await sliceUnits(payload, experiment, options.breakdown), options.breakdown)
    const values = [...new Set(sums.map((row) => row.dimension))].sort()
    breakdown = {
      by: options.breakdown,
      slices: values.map((value) => {
        const present = arms.every((arm) => sums.some((row) => row.dimension === value && row.arm === arm.id))
        return { value, statistics: present ? statisticsOf(arms, sums, value, undefined, primary, view, minimumUnitsPerArm) : null }
      }),
    }
  }

  const unitsPerArm = arms.map((arm) => units.find((row) => row.arm === arm.id)?.units ?? 0)
  const smallestArm = unitsPerArm.length > 0 ? Math.min(...unitsPerArm) : 0
  return {
    experiment: {
      key: doc.key,
      name: doc.name,
      status: doc.status,
      unit,
      phase: doc.phase ?? 1,
      phases: (doc.phases ?? []).map((entry) => ({ phase: entry.phase ?? 1, startedAt: entry.startedAt ?? null, coverage: entry.coverage ?? null, arms: entry.arms ?? null })),
      ...(doc.shippedArm && doc.status === 'shipped' ? { shippedArm: doc.shippedArm } : {}),
    },
    phase,
    view,
    arms,
    sampleProgress: { minimumUnitsPerArm, smallestArm, share: Math.min(1, smallestArm / minimumUnitsPerArm) },
    metrics: computed,
    ...(breakdown ? { breakdown } : {}),
    computedInMs: Math.round((performance.now() - started) * 10) / 10,
  }
}
