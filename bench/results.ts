/**
 * bench/results.json: what `npm run bench` measured, the source of README's
 * benchmark table (bench/readme.ts renders it; a unit test checks README
 * against it). A quick run writes bench/results.quick.json and a partial
 * one (--only) bench/results.partial.json, so neither replaces the committed
 * figures.
 */
import path from 'node:path'

import { z } from 'zod'

const RowSchema = z.object({ measure: z.string(), tessera: z.string(), baseline: z.string(), ratio: z.string(), target: z.string(), met: z.enum(['', 'yes', 'NO']) })

export const ScenarioResultSchema = z.discriminatedUnion('ok', [
  z.object({ name: z.string(), ok: z.literal(true), durationSeconds: z.number(), rows: z.array(RowSchema), detail: z.unknown() }),
  z.object({ name: z.string(), ok: z.literal(false), durationSeconds: z.number(), error: z.string() }),
])

export const BenchResultsSchema = z.object({
  quick: z.boolean(),
  machine: z.string(),
  measuredAt: z.string(),
  durationSeconds: z.number(),
  scenarios: z.array(ScenarioResultSchema),
})
export type BenchResults = z.infer<typeof BenchResultsSchema>

/** Only a full run of every scenario writes results.json; a quick or partial (--only) run writes beside it. */
export const resultsFile = (run: { quick: boolean; partial?: boolean } = { quick: false }) =>
  path.join(import.meta.dirname, run.quick ? 'results.quick.json' : run.partial ? 'results.partial.json' : 'results.json')
