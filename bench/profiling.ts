/**
 * Progressive profiling's costs, each against a baseline in the same run:
 *
 * - the ask block: the 50-slot decision (bench/decision.ts's page) with one
 *   slot an ask block choosing among 12 questions, against the same page
 *   without it, over the same contexts, interleaved (target: ≤ 5 µs more at p50);
 * - interest scores: folding events into a profile (the events API's
 *   per-event work, delivery/customers/profileFold.ts) with three score
 *   definitions, against the same fold without (target: ≥ 90 % of its throughput).
 *
 *   npx tsx bench/profiling.ts [--quick]
 */
import { fileURLToPath } from 'node:url'

import { emptyAggregates, foldEvent } from '../delivery/customers'
import { type CompiledQuestion, type CompiledScore, decisionContext, type DeliveryManifest, type PageBundle, resolvePage } from '../engine'
import { decisionRequests, decisionSnapshot } from './decision'
import { benchRow, type Scenario } from './scenario'
import { percentile, round } from './stats'

export type ProfilingMeasurement = {
  ask: { withoutP50Us: number; withP50Us: number; addedP50Us: number; pages: number }
  scores: { withoutPerSecond: number; withPerSecond: number; ratioPercent: number; events: number }
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

function measureAsk(pages: number) {
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

export async function measureProfiling(options: { quick: boolean }): Promise<ProfilingMeasurement> {
  return { ask: measureAsk(options.quick ? 500 : 20_000), scores: measureScores(options.quick ? 20_000 : 200_000) }
}

export const profilingScenario: Scenario = {
  name: 'profiling',
  async run({ quick }) {
    const profiling = await measureProfiling({ quick })
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
          measure: 'Event fold with 3 interest scores (events/s)',
          tessera: `${profiling.scores.withPerSecond}`,
          baseline: `without ${profiling.scores.withoutPerSecond}`,
          ratio: `${profiling.scores.ratioPercent} %`,
          target: '≥ 90 %',
          met: profiling.scores.ratioPercent >= 90,
        }),
      ],
      detail: profiling,
    }
  },
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measureProfiling({ quick: process.argv.includes('--quick') }), null, 2))
}
