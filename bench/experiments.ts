/**
 * Experiments, each measured against its baseline in the same run:
 * - decision: the 50-slot page with 10 running experiments (an enrolled,
 *   consenting person) against the same page without, interleaved;
 * - render handler throughput with exposure recording (every request a new
 *   enrolled customer: a first exposure to write) against the same requests
 *   with `exposure=0` (same decision, nothing recorded), in process on the
 *   demo database, so the difference is the recording alone;
 * - results of an experiment with 1,000,000 exposures (and 60,000 purchases)
 *   from the database aggregation, on SQLite.
 *
 *   npx tsx bench/experiments.ts [--quick]
 */
import { fileURLToPath } from 'node:url'

import { build } from 'esbuild'

import { experimentResults, findExperiment, flushExposures } from '../delivery/experiments'
import { handleRenderRequest } from '../delivery/render'
import { deliveryIdle } from '../delivery/snapshot'
import { decisionContext, phaseSeed, type DeliveryManifest, type ExperimentRequest, type resolvePage as ResolvePage, type ScopedExperiment } from '../engine'
import { startDemo, startPayload } from '../test/integration/harness'
import { decisionRequests, decisionSnapshot } from './decision'
import { benchRow, type Scenario, ScenarioFailure } from './scenario'
import { percentile, round } from './stats'

export type ExperimentsMeasurement = {
  decision: { withoutUs: number; withUs: number; differenceUs: number; pages: number }
  recording: { withRps: number; withoutRps: number; percent: number; requests: number; errors: number }
  results: { exposures: number; events: number; ms: number }
}

/** The engine as a production build ships it (see decision.ts: tsx's wrappers would distort microseconds). */
async function bundledResolvePage(): Promise<typeof ResolvePage> {
  const result = await build({
    stdin: { contents: "export { resolvePage } from './engine'\n", resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  })
  return ((await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0]!.text).toString('base64')}`)) as { resolvePage: typeof ResolvePage }).resolvePage
}

async function measureDecisionOverhead(quick: boolean): Promise<ExperimentsMeasurement['decision']> {
  const resolvePage = await bundledResolvePage()
  const { manifest, bundle } = decisionSnapshot()
  const experiments: ScopedExperiment[] = bundle.slots.slice(0, 10).map((blockId, i) => {
    const block = bundle.blocks[blockId]!
    const key = `bench-${i}`
    return {
      experiment: { key, phase: 1, seed: phaseSeed(key, 1), status: 'running', unit: 'person', arms: [{ id: 'default', weight: 0.5 }, { id: block.variants[0]!.id, weight: 0.5 }], coverage: 1, audience: [], channels: [] },
      scope: { kind: 'block', block: blockId },
      purpose: 'analytics',
    }
  })
  const withExperiments: DeliveryManifest = { ...manifest, experiments }
  const contexts = decisionRequests().map((request, i) => ({
    context: decisionContext({ ...request, consents: [...(request.consents ?? []), 'analytics'] }, { channel: 'web', locale: 'en', timezone: 'Europe/Paris', now: Date.now() }),
    experiments: { person: `customer-${i}`, consents: new Set(['analytics', ...(request.consents ?? [])]) } satisfies ExperimentRequest,
  }))
  const pages = quick ? 1000 : 20_000
  const without = new Float64Array(pages)
  const withThem = new Float64Array(pages)
  for (let i = 0; i < 3000; i++) {
    const { context, experiments: request } = contexts[i % contexts.length]!
    resolvePage(manifest, bundle, context, { experiments: request })
    resolvePage(withExperiments, bundle, context, { experiments: request })
  }
  for (let i = 0; i < pages; i++) {
    const { context, experiments: request } = contexts[i % contexts.length]!
    let started = performance.now()
    resolvePage(manifest, bundle, context, { experiments: request })
    without[i] = (performance.now() - started) * 1000
    started = performance.now()
    resolvePage(withExperiments, bundle, context, { experiments: request })
    withThem[i] = (performance.now() - started) * 1000
  }
  const withoutUs = percentile(without, 50)
  const withUs = percentile(withThem, 50)
  return { withoutUs: round(withoutUs, 2), withUs: round(withUs, 2), differenceUs: round(withUs - withoutUs, 2), pages }
}

const API_KEY = 'tsk_bench_experiments_key_0123456789abcdefghij'

async function measureRecording(quick: boolean): Promise<ExperimentsMeasurement['recording']> {
  const demo = await startDemo({ name: 'sqlite' }, API_KEY)
  const { payload } = demo
  try {
    const seconds = quick ? 1 : 5
    const rounds = quick ? 1 : 3
    const connections = 10
    let sequence = 0
    let errors = 0
    const run = async (recording: boolean): Promise<number> => {
      let done = 0
      const until = performance.now() + seconds * 1000
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (performance.now() < until) {
            const path = `/api/render/home?customer=bench-${sequence++}&consent=analytics${recording ? '' : '&exposure=0'}`
            const response = await handleRenderRequest(payload, new Request(`http://bench.local${path}`, { headers: { authorization: `Bearer ${API_KEY}` } }), 'home')
            await response.arrayBuffer()
            if (response.status !== 200) errors++
            done++
          }
        }),
      )
      return done / seconds
    }
    await run(false)
    await run(true)
    await flushExposures(payload)
    let withTotal = 0
    let withoutTotal = 0
    // Interleaved rounds; each recording round's writes are flushed within it (the cost belongs to it).
    for (let i = 0; i < rounds; i++) {
      withoutTotal += await run(false)
      const started = performance.now()
      const served = (await run(true)) * seconds
      await flushExposures(payload)
      withTotal += served / ((performance.now() - started) / 1000)
    }
    const withRps = Math.round(withTotal / rounds)
    const withoutRps = Math.round(withoutTotal / rounds)
    return { withRps, withoutRps, percent: round((100 * withRps) / Math.max(1, withoutRps), 1), requests: sequence, errors }
  } finally {
    await demo.close()
  }
}

async function measureResults(quick: boolean): Promise<ExperimentsMeasurement['results']> {
  const started = await startPayload({ name: 'sqlite' })
  const { payload } = started
  try {
    const exposures = quick ? 20_000 : 1_000_000
    const events = Math.round(exposures * 0.06)
    const client = (payload.db as unknown as { client: { execute: (q: string | { sql: string; args: unknown[] }) => Promise<unknown> } }).client
    await client.execute('BEGIN')
    await client.execute({ sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO profiles (id, display_name, event_count) SELECT i, 'p' || i, 0 FROM n`, args: [exposures] })
    await client.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO experiment_exposures (dedupe_key, experiment, phase, arm, unit_kind, unit, profile_id, channel, locale, segment, first_at, last_at, count, multiple)
            SELECT 'bench|1|profile:' || i, 'bench', 1, CASE WHEN i % 2 = 0 THEN 'default' ELSE 'treatment' END, 'person', 'profile:' || i, i,
                   CASE i % 3 WHEN 0 THEN 'web' WHEN 1 THEN 'email' ELSE 'screen' END, 'en', 'none', '2026-11-20T10:00:00.000Z', '2026-11-20T10:00:00.000Z', 1, 0 FROM n`,
      args: [exposures],
    })
    await client.execute({
      sql: `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
            INSERT INTO profile_events (idempotency_key, type, name, properties, profile_id, occurred_at, applied)
            SELECT 'bench-' || i, 'conversion', 'purchase', json_object('value', 20 + i % 50), (i * 16) % ? + 1, '2026-11-21T10:00:00.000Z', 1 FROM n`,
      args: [events, exposures],
    })
    await client.execute('COMMIT')
    await payload.create({
      collection: 'experiments',
      data: {
        key: 'bench',
        name: 'Bench',
        status: 'draft',
        scope: 'block',
        arms: [{ variant: 'default', weight: 50 }, { variant: 'treatment', weight: 50 }],
        primaryMetric: { label: 'Purchases', kind: 'binomial', eventType: 'conversion', eventName: 'purchase', windowDays: 7 },
        secondaryMetrics: [{ label: 'Revenue', kind: 'mean', eventType: 'conversion', eventName: 'purchase', windowDays: 7 }],
      } as never,
      overrideAccess: true,
    })
    const doc = (await findExperiment(payload, 'bench'))!
    await experimentResults(payload, doc)
    const times: number[] = []
    for (let i = 0; i < (quick ? 1 : 3); i++) {
      const begun = performance.now()
      const results = await experimentResults(payload, doc)
      times.push(performance.now() - begun)
      const units = results.metrics[0]!.statistics.arms.reduce((sum, arm) => sum + arm.units, 0)
      if (units !== exposures) throw new ScenarioFailure(`Results counted ${units} units, not ${exposures}`)
    }
    return { exposures, events, ms: Math.round(percentile(Float64Array.from(times), 50)) }
  } finally {
    await deliveryIdle(payload).catch(() => {})
    await started.close()
  }
}

/** Registered in bench/scenarios.ts. A render that fails or results that miscount fail the scenario. */
export const experimentsScenario: Scenario = {
  name: 'experiments',
  run: async ({ quick, log }) => {
    log('experiments: decision with and without 10 running experiments…')
    const decision = await measureDecisionOverhead(quick)
    log('experiments: render handler with and without exposure recording…')
    const recording = await measureRecording(quick)
    if (recording.errors > 0) throw new ScenarioFailure(`${recording.errors} renders failed while recording exposures`)
    log('experiments: results from the database…')
    const results = await measureResults(quick)
    const rows = [
      benchRow(quick, {
        measure: 'Decision, 50-slot page, 10 running experiments (µs p50)',
        tessera: `${decision.withUs}`,
        baseline: `no experiments ${decision.withoutUs}`,
        ratio: `${decision.differenceUs >= 0 ? '+' : ''}${decision.differenceUs} µs`,
        target: '≤ +5 µs',
        met: decision.differenceUs <= 5,
      }),
      benchRow(quick, {
        measure: 'Render handler, exposure recording (req/s, a new unit each)',
        tessera: `${recording.withRps}`,
        baseline: `exposure=0 ${recording.withoutRps}`,
        ratio: `${recording.percent} %`,
        target: '≥ 95 %',
        met: recording.percent >= 95,
      }),
      benchRow(quick, {
        measure: `Results, ${results.exposures.toLocaleString('en')} exposures, ${results.events.toLocaleString('en')} purchases (ms)`,
        tessera: `${results.ms}`,
        target: '≤ 1,000 ms',
        met: results.ms <= 1000,
      }),
    ]
    return { rows, detail: { decision, recording, results } satisfies ExperimentsMeasurement }
  },
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await experimentsScenario.run({ quick: process.argv.includes('--quick'), log: console.error }), null, 2))
  process.exit(0)
}
