/**
 * The shape both ways of computing results share (resultsQuery.ts in SQL,
 * resultsScan.ts through Payload's API): per arm and slice, the units and
 * the sums Σy and Σy² of a metric.
 */
import type { ExperimentUnit } from '../../engine'
import { isSurveyMetric, type MetricDefinition } from './metrics'

export const BREAKDOWNS = ['channel', 'segment', 'store', 'locale', 'channel-segment'] as const
export type Breakdown = (typeof BREAKDOWNS)[number]

/** Sums of one arm in one slice (`dimension` is '' for the whole experiment). */
export type SliceSums = { arm: string; dimension: string; units: number; sum: number; sumOfSquares: number }

/** One experiment phase and what its unit is. */
export type Phase = { key: string; phase: number; unit: ExperimentUnit }

/**
 * The units' rows with the metric's sums; a survey metric counts the units
 * that answered (its sums are over respondents only).
 */
export function withSums(metric: MetricDefinition, units: readonly SliceSums[], summed: readonly SliceSums[]): SliceSums[] {
  const sums = new Map(summed.map((row) => [`${row.arm}|${row.dimension}`, row]))
  return units.map((row) => {
    const found = sums.get(`${row.arm}|${row.dimension}`)
    return { ...row, ...(isSurveyMetric(metric.kind) ? { units: found?.units ?? 0 } : {}), sum: found?.sum ?? 0, sumOfSquares: found?.sumOfSquares ?? 0 }
  })
}
