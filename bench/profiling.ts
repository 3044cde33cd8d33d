/**
 * Progressive profiling's costs, each against a baseline in the same run:
 *
 * - the ask block: the 50-slot decision (bench/decision.ts's page) with one
 *   slot an ask block choosing among 12 questions, against the same page
 *   without it, over the same contexts, interleaved (target: ≤ 5 µs more at p50);
 * - interest scores: the events API (its handler, on the demo's SQLite
 *   database) applying behaviour events to known, consented customers with
 *   three score definitions live, against the same events with none, in
 *   interleaved rounds (target: ≥ 90 % of its throughput); and, for the
 *   detail, the in-memory fold alone (delivery/customers/profileFold.ts).
 *
 *   npx tsx bench/profiling.ts [--quick]
 */
import { fileURLToPath } from 'node:url'

import { emptyAggregates, foldEvent, handleEventsRequest } from '../delivery/customers'
import { compileNow, deliveryIdle, liveManifest } from '../delivery/snapshot'
import { startDemo } from '../test/integration/harness'
import { type CompiledQuestion, type CompiledScore, decisionContext, type DeliveryManifest, type PageBundle, resolvePage } from '../engine'
import { decisionRequests, decisionSnapshot } from './decision'
import { benchRow, type Scenario, ScenarioFailure } from './scenario'
import { percentile, round } from './stats'

export type ProfilingMeasurement = {
  ask: { withoutP50Us: number; withP50Us: number; addedP50Us: number; pages: number }
  scores: { withoutPerSecond: number; withPerSecond: number; ratioPercent: number; events: number }
  eventsApi: { withoutPerSecond: number; withPerSecond: number; ratioPercent: number; events: number; errors: number }
}

const QUESTIONS: CompiledQuestion[] = Array.from({ length: 12 }, (_, index) => ({
  id: `q${index}`,
  trait: `trait${index}`,
  type: index === 11 ? 'nps' : 'single',
  text: { en: `Question ${index}?`, fr: `Question ${index} ?` },
  options: [{ value: 'a', label: { en: 'A' } }, { value: 'b', label: { en: 'B' } }],
  priority: index % 4,
  channels: [],
  purpose: 'personalization',
  requiresTraits: index % 3 === 0 ? ['trait1'] : [],
  requiresSegments: [],
  cooldownDays: 30,
  fatigueDays: 30,
}))

/** The same page with its last slot an ask block (max 1), and the manifest knowing the questions. */
function withAskBlock(manifest: DeliveryManifest, bundle: PageBundle): { manifest: DeliveryManifest; bundle: PageBundle } {
  const last = bundle.slots[bundle.slots.length - 1]!
  const block = { ...bundle.blocks[last]!, kind: 'ask' as const, ask: { max: 1, questions: [] } }
  return { manifest: { ...manifest, questions: QUESTIONS }, bundle: { ...bundle, blocks: { ...bundle.blocks, [last]: block } } }
}

export function measureAsk(pages: number) {
  const plain = decisionSnapshot()
  const asking = withAskBlock(plain.manifest, plain.bundle)
  const contexts = decisionRequests().map((request, index) =>
    decisionContext(
      { ...request, consents: ['personalization'], asks: index % 2 ? { q2: { outcome: 'declined', at: '2026-01-01T00:00:00Z' } } : {} },
      { channel: 'web', locale: 'en', timezone: 'Europe/Paris', now: Date.parse('2026-06-01T10:00:00Z') },
    ),
  )
  const without: number[] = []
  const withAsk: number[] = []
  for (let index = 0; index < pages + 2000; index++) {
    const context = contexts[index % contexts.length]!
    const a = performance.now()
    resolvePage(plain.manifest, plain.bundle, context)
    const b = performance.now()
    resolvePage(asking.manifest, asking.bundle, context)
    const c = performance.now()
    if (index >= 2000) {
      without.push((b - a) * 1000)
      withAsk.push((c - b) * 1000)
    }
  }
  const withoutP50Us = percentile(without, 50)
  const withP50Us = percentile(withAsk, 50)
  return { withoutP50Us: round(withoutP50Us, 2), withP50Us: round(withP50Us, 2), addedP50Us: round(withP50Us - withoutP50Us, 2), pages }
}

const SCORES: CompiledScore[] = ['candles', 'linen', 'ceramics'].map((category) => ({
  key: `${category}-interest`,
  rules: [{ event: 'page_view', category, points: 5 }, { event: 'click', category, points: 3 }, { event: 'conversion', category, points: 20 }],
  cap: 100,
  halfLifeDays: 14,
}))

function measureScores(events: number) {
  const categories = ['candles', 'linen', 'ceramics', 'shoes']
  const types = ['page_view', 'click', 'conversion'] as const
  const stream = Array.from({ length: 2000 }, (_, index) => ({
    type: types[index % 3]!,
    category: categories[index % 4]!,
    source: 'bench',
    occurredAt: new Date(Date.parse('2026-06-01T00:00:00Z') + index * 60_000).toISOString(),
    receivedAt: new Date(Date.parse('2026-06-01T00:00:00Z') + index * 60_000).toISOString(),
  }))
  const lists = new Set<string>()
  const run = (scores: CompiledScore[]) => {
    const profile = { ...emptyAggregates() }
    const started = performance.now()
    for (let index = 0; index < events; index++) {
      if (index % 2000 === 0) Object.assign(profile, emptyAggregates())
      foldEvent(profile, stream[index % stream.length]!, lists, scores)
    }
    return events / ((performance.now() - started) / 1000)
  }
  const without: number[] = []
  const withScores: number[] = []
  // Interleaved rounds, the median of each: the machine's noise falls on both.
  for (let round = 0; round < 7; round++) {
    without.push(run([]))
    withScores.push(run(SCORES))
  }
  const withoutPerSecond = percentile(without, 50)
  const withPerSecond = percentile(withScores, 50)
  return { withoutPerSecond: Math.round(withoutPerSecond), withPerSecond: Math.round(withPerSecond), ratioPercent: round((100 * withPerSecond) / withoutPerSecond, 1), events }
}

const EVENTS_KEY = 'tsk_bench_profiling_events_key_0123456789abcd'

/**
 * The events API with and without score definitions: batches of 50 behaviour
 * events (page views, clicks, purchases over four categories) for 400 known
 * customers who consented, 4 requests at a time, through the real handler
 * and database. Rounds alternate; between them the score definitions are
 * created or deleted and the snapshot recompiled (outside the timed window).
 */
async function measureEventsApi(quick: boolean): Promise<ProfilingMeasurement['eventsApi']> {
  const demo = await startDemo({ name: 'sqlite' }, EVENTS_KEY)
  const { payload } = demo
  try {
    const customers = Array.from({ length: 400 }, (_, index) => `bench-scores-${index}`)
    let sequence = 0
    let errors = 0
    let events = 0
    const post = async (batch: Record<string, unknown>[]) => {
      const response = await handleEventsRequest(
        payload,
        new Request('http://bench.local/api/events', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${EVENTS_KEY}` }, body: JSON.stringify({ events: batch }) }),
      )
      const body = (await response.json()) as { accepted?: number }
      if (response.status !== 200 || body.accepted !== batch.length) errors++
    }
    for (let start = 0; start < customers.length; start += 50) {
      await post(customers.slice(start, start + 50).map((customer) => ({ idempotencyKey: `consent-${customer}`, type: 'consent_change', customer, consents: { analytics: true, personalization: true } })))
    }
    const categories = ['candles', 'linen', 'ceramics', 'shoes']
    const types = ['page_view', 'click', 'conversion'] as const
    const batchOf = () =>
      Array.from({ length: 50 }, () => {
        const index = sequence++
        return { idempotencyKey: `bench-event-${index}`, type: types[index % 3], category: categories[index % 4], ...(index % 3 === 2 ? { name: 'purchase' } : {}), customer: customers[index % customers.length] }
      })
    const seconds = quick ? 1 : 5
    const run = async (): Promise<number> => {
      let done = 0
      const until = performance.now() + seconds * 1000
      const started = performance.now()
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (performance.now() < until) {
            await post(batchOf())
            done += 50
          }
        }),
      )
      events += done
      return done / ((performance.now() - started) / 1000)
    }
    const setScores = async (live: boolean) => {
      if (live) {
        for (const score of SCORES) {
          await payload.create({
            collection: 'interest-scores',
            data: { name: score.key, slug: score.key, cap: score.cap, halfLifeDays: score.halfLifeDays, rules: score.rules.map((rule) => ({ event: rule.event, category: rule.category, points: rule.points })) } as never,
            overrideAccess: true,
          })
        }
      } else {
        await payload.delete({ collection: 'interest-scores', where: { id: { exists: true } }, overrideAccess: true })
      }
      // Compiled here, not left to the publish hook: an earlier scenario in the same run may have turned compile-on-publish off.
      await deliveryIdle(payload)
      await compileNow(payload, 'bench: score definitions')
      const liveScores = (await liveManifest(payload))?.scores?.length ?? 0
      if (liveScores !== (live ? SCORES.length : 0)) throw new ScenarioFailure(`The snapshot holds ${liveScores} score definitions, not ${live ? SCORES.length : 0}`)
    }
    await setScores(false)
    await run() // warm-up
    const without: number[] = []
    const withScores: number[] = []
    for (let round = 0; round < (quick ? 1 : 3); round++) {
      await setScores(false)
      without.push(await run())
      await setScores(true)
      withScores.push(await run())
    }
    const withoutPerSecond = without.reduce((sum, value) => sum + value, 0) / without.length
    const withPerSecond = withScores.reduce((sum, value) => sum + value, 0) / withScores.length
    return { withoutPerSecond: Math.round(withoutPerSecond), withPerSecond: Math.round(withPerSecond), ratioPercent: round((100 * withPerSecond) / withoutPerSecond, 1), events, errors }
  } finally {
    await deliveryIdle(payload).catch(() => {})
    await demo.close()
  }
}

export async function measureProfiling(options: { quick: boolean }): Promise<ProfilingMeasurement> {
  return { ask: measureAsk(options.quick ? 500 : 20_000), scores: measureScores(options.quick ? 20_000 : 200_000), eventsApi: await measureEventsApi(options.quick) }
}

export const profilingScenario: Scenario = {
  name: 'profiling',
  async run({ quick }) {
    const profiling = await measureProfiling({ quick })
    if (profiling.eventsApi.errors > 0) throw new ScenarioFailure(`${profiling.eventsApi.errors} events API requests failed or accepted less than their batch`)
    return {
      rows: [
        benchRow(quick, {
          measure: 'Ask block in the 50-slot decision (µs p50)',
          tessera: `${profiling.ask.withP50Us}`,
          baseline: `without ${profiling.ask.withoutP50Us}`,
          ratio: `+${profiling.ask.addedP50Us} µs`,
          target: '≤ +5 µs',
          met: profiling.ask.addedP50Us <= 5,
        }),
        benchRow(quick, {
          measure: 'Events API with 3 interest scores (events/s)',
          tessera: `${profiling.eventsApi.withPerSecond}`,
          baseline: `without ${profiling.eventsApi.withoutPerSecond}`,
          ratio: `${profiling.eventsApi.ratioPercent} %`,
          target: '≥ 90 %',
          met: profiling.eventsApi.ratioPercent >= 90,
        }),
      ],
      detail: profiling,
    }
  },
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measureProfiling({ quick: process.argv.includes('--quick') }), null, 2))
}
