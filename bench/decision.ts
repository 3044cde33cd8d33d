/**
 * Decision speed: how long the engine takes to decide a 50-slot page (10
 * variants per block, 40 segments of 2–6 conditions, two locales), against
 * GrowthBook's SDK doing the same work (the 40 segments evaluated once into a
 * membership attribute, then one feature per slot), measured interleaved in
 * the same run over the same seeded contexts; both must pick exactly the same
 * variant in every slot, or the scenario fails.
 *
 *   npx tsx bench/decision.ts [--quick]
 */
import { createHash } from 'node:crypto'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'

import type { Attributes, evalCondition as EvalCondition, FeatureDefinition, GrowthBookClient } from '@growthbook/growthbook'
import { build } from 'esbuild'

import { compileBlock, compilePage, compileSegment, sortSegments } from '../delivery/snapshot'
import { type Channel, CHANNELS, type CompiledBlock, decisionContext, type DecisionContext, DEFAULT_LOCALE, type DeliveryManifest, DeliveryManifestSchema, LOCALES, type PageBundle, PageBundleSchema, type RenderContext, RenderContextSchema, type resolvePage as ResolvePage } from '../engine'
import { DEFAULT_VALUE, featureKey, growthbookAttributes, growthbookFeatures, growthbookSegments, type SegmentConditions, withMemberships } from './growthbookTargeting'
import { random, syntheticBlock, syntheticSegments } from './syntheticContent'
import { benchRow, type Scenario, ScenarioFailure } from './scenario'
import { percentile, round } from './stats'

const SLOTS = 50
const VARIANTS_PER_BLOCK = 10
const SEGMENTS = 40
const CONTEXTS = 1_000

/** Page decisions timed per engine, and untimed warm-up decisions before them. */
const FULL = { pages: 20_000, warmup: 3_000 }
const QUICK = { pages: 500, warmup: 1_000 }

/** What the project holds the engine to. */
const TARGET_P99_US = 50
const TARGET_RATIO = 3

export type DecisionMeasurement = {
  tessera: { p50Us: number; p99Us: number }
  growthbook: { p50Us: number; p99Us: number }
  /** GrowthBook time / Tessera time: how many times faster Tessera decides. */
  ratioP50: number
  ratioP99: number
  /** Percent of slot decisions where both pick exactly the same variant (or both the default content). */
  exactAgreement: number
  /** Percent of slot decisions where both agree on "an audience-targeted variant" vs not. */
  audienceAgreement: number
  slotsCompared: number
  /** Page decisions timed per engine. */
  pages: number
}

// ─── Workload ──────────────────────────────────────────────────────────────

// compileSnapshot's contentHash, which cannot be imported without loading Payload.
const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 24)

/** The page and manifest, through the same compile functions a publish uses. */
export function decisionSnapshot(seed = 1): { manifest: DeliveryManifest; bundle: PageBundle } {
  const segments = sortSegments(syntheticSegments(SEGMENTS, seed).map(compileSegment))
  const next = random(seed + 6)
  const blocks = new Map<string, CompiledBlock>()
  for (let index = 0; index < SLOTS; index++) {
    const block = compileBlock(
      syntheticBlock(
        index,
        VARIANTS_PER_BLOCK,
        segments.map((segment) => segment.id),
        next,
      ),
    )
    blocks.set(block.id, block)
  }
  const bundle = PageBundleSchema.parse(
    compilePage(
      { id: 'bench', slug: 'bench', channel: 'web', title: { en: 'Benchmark', fr: 'Banc d’essai' }, slots: [...blocks.keys()].map((block) => ({ block })) },
      blocks,
      new Map(),
    ),
  )
  const content = {
    // Not from a publish: no compiled block of it is ever reused.
    compiler: 0,
    defaultLocale: DEFAULT_LOCALE,
    locales: [...LOCALES],
    segments,
    pages: { bench: { bundle: hash(bundle), channel: 'web' } },
    stores: {},
    purposes: [],
  }
  const manifest = DeliveryManifestSchema.parse({ version: hash(content), compiledAt: new Date(0).toISOString(), ...content })
  return { manifest, bundle }
}

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!

// Partly outside the generator's vocabulary, so that some visitors match nothing.
const CITIES = ['Paris', 'Lyon', 'Bordeaux', 'Lille', 'Nantes', 'Marseille', 'Brussels', 'Geneva', 'London']
const COUNTRIES = ['FR', 'BE', 'CH', 'GB', 'DE']
const DEVICES = ['mobile', 'tablet', 'desktop', 'screen'] as const
const TIERS = ['bronze', 'Silver', 'gold', 'platinum']
const INTERESTS = ['candles', 'linen', 'ceramics', 'garden']
// Around the generator's active windows (2026-01-01 → 2027-12-31), so some variants are out of season.
const FIRST_INSTANT = Date.parse('2025-10-01T00:00:00Z')
const LAST_INSTANT = Date.parse('2028-03-01T00:00:00Z')

/** Varied requests: every channel, both locales, any hour and weekday, most with personalization consent. */
export function decisionRequests(count = CONTEXTS, seed = 11): RenderContext[] {
  const next = random(seed)
  return Array.from({ length: count }, () => {
    const traits: NonNullable<RenderContext['traits']> = {}
    if (next() < 0.8) traits.loyaltyTier = pick(next, TIERS)
    if (next() < 0.9) traits.visits = Math.floor(next() * 20)
    if (next() < 0.7) traits.interests = INTERESTS.filter(() => next() < 0.4)
    return RenderContextSchema.parse({
      channel: pick(next, ['web', 'email', 'screen'] as const),
      locale: pick(next, LOCALES),
      at: new Date(FIRST_INSTANT + Math.floor(next() * (LAST_INSTANT - FIRST_INSTANT))).toISOString(),
      timezone: 'Europe/Paris',
      geo: { city: pick(next, CITIES), country: pick(next, COUNTRIES) },
      device: pick(next, DEVICES),
      traits,
      consents: next() < 0.85 ? ['personalization'] : [],
    })
  })
}

// ─── What is timed, compiled as production ships it ─────────────────────────

type Contenders = { resolvePage: typeof ResolvePage; GrowthBookClient: typeof GrowthBookClient; evalCondition: typeof EvalCondition }

/**
 * The engine and the SDK bundled by esbuild, as a server or edge build ships
 * them. Not as tsx loads them: tsx keeps function names by wrapping every
 * closure in a `__name` call at creation (a third of the engine's time), and
 * the SDK's Node entry reads `process.env.NODE_ENV` around every rule (about
 * 0.2 µs a read), which a bundler inlines away. Both would skew the ratio.
 */
async function productionBuild(): Promise<Contenders> {
  const result = await build({
    stdin: {
      contents: "export { resolvePage } from './engine'\nexport { evalCondition, GrowthBookClient } from '@growthbook/growthbook'\n",
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]!.text
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as Contenders
}

/** Decides every slot of a page: the value of each slot's feature. */
type GrowthBookPage = (attributes: Attributes, values: string[]) => void

/**
 * The multi-user client, built once with the features as a server keeps it;
 * each request passes its attributes. The fastest way the SDK offers: no
 * per-request instance, no setAttributes promise, no feature-usage bookkeeping.
 * Per request, the same work as the engine: every segment evaluated once
 * (into a membership attribute), then every slot's feature for the channel.
 */
function growthbookPage(
  contenders: Pick<Contenders, 'GrowthBookClient' | 'evalCondition'>,
  features: Record<string, FeatureDefinition<string>>,
  segments: SegmentConditions,
  slots: number,
): GrowthBookPage {
  const client = new contenders.GrowthBookClient().initSync({ payload: { features } })
  const evaluate = contenders.evalCondition
  const keys = Object.fromEntries(CHANNELS.map((channel) => [channel, Array.from({ length: slots }, (_, slot) => featureKey(slot, channel))])) as Record<Channel, string[]>
  return (attributes, values) => {
    const user = { attributes: withMemberships(attributes, segments, evaluate) }
    const channelKeys = keys[attributes.channel as Channel]
    for (let slot = 0; slot < channelKeys.length; slot++) values[slot] = client.evalFeature<string>(channelKeys[slot]!, user).value ?? DEFAULT_VALUE
  }
}

// ─── Agreement ─────────────────────────────────────────────────────────────

type Agreement = { audience: number; exact: number; slots: number }

/** Per slot: the same variant (or both the default content)? And both an audience-targeted variant, or both not? */
function agreementOf(
  resolvePage: typeof ResolvePage,
  manifest: DeliveryManifest,
  bundle: PageBundle,
  contexts: DecisionContext[],
  decide: GrowthBookPage,
): Agreement {
  const targeted = new Set<string>()
  for (const block of Object.values(bundle.blocks)) for (const variant of block.variants) if (variant.audience.length > 0) targeted.add(variant.id)
  const values: string[] = []
  let audience = 0
  let exact = 0
  let slots = 0
  for (const context of contexts) {
    const page = resolvePage(manifest, bundle, context)
    decide(growthbookAttributes(context), values)
    for (const block of page.blocks) {
      const ours = block.variant?.id ?? DEFAULT_VALUE
      const theirs = values[block.slot] ?? DEFAULT_VALUE
      if (targeted.has(ours) === targeted.has(theirs)) audience++
      if (ours === theirs) exact++
      slots++
    }
  }
  return { audience: (100 * audience) / slots, exact: (100 * exact) / slots, slots }
}

// ─── Timing ────────────────────────────────────────────────────────────────

const summary = (samples: Float64Array) => {
  const sorted = samples.slice().sort()
  return { p50Us: percentile(sorted, 50, { sorted: true }), p99Us: percentile(sorted, 99, { sorted: true }) }
}

/** What the printed table adds to the measurement. */
type DecisionDetail = {
  loadBefore: number
  loadAfter: number
  /** p99 over contexts of each context's fastest run (full runs only: each context decided `repeats` times). */
  fastest?: { repeats: number; tesseraP99Us: number; growthbookP99Us: number }
  sink: number
}

/** Below this many runs per context, a context's fastest run says little. */
const MIN_REPEATS = 5

async function runDecision(quick: boolean): Promise<DecisionMeasurement & { detail: DecisionDetail }> {
  const { pages, warmup } = quick ? QUICK : FULL
  const loadBefore = loadavg()[0]!
  const { manifest, bundle } = decisionSnapshot()
  // Normalized once per request by the render API, before the engine runs: not timed (nor are GrowthBook's attributes).
  const now = Date.parse('2026-11-24T12:00:00Z')
  const contexts = decisionRequests().map((request) => decisionContext(request, { channel: 'web', locale: DEFAULT_LOCALE, timezone: 'Europe/Paris', now }))
  const attributes = contexts.map(growthbookAttributes)

  const contenders = await productionBuild()
  const resolvePage = contenders.resolvePage
  const decideWithGrowthBook = growthbookPage(contenders, growthbookFeatures(manifest, bundle), growthbookSegments(manifest), bundle.slots.length)
  const agreement = agreementOf(resolvePage, manifest, bundle, quick ? contexts.slice(0, 200) : contexts, decideWithGrowthBook)

  const values: string[] = []
  // Kept and returned, so that no contender's work can be optimized away.
  let sink = 0
  const tessera = (index: number) => {
    const start = performance.now()
    const page = resolvePage(manifest, bundle, contexts[index]!)
    const elapsed = performance.now() - start
    sink += page.blocks.length
    return elapsed * 1000
  }
  const growthbook = (index: number) => {
    const start = performance.now()
    decideWithGrowthBook(attributes[index]!, values)
    const elapsed = performance.now() - start
    sink += values.length
    return elapsed * 1000
  }

  for (let run = 0; run < warmup; run++) {
    tessera(run % contexts.length)
    growthbook(run % contexts.length)
  }
  // Interleaved, alternating who goes first, over the same contexts: noise and heat hit both alike.
  const ours = new Float64Array(pages)
  const theirs = new Float64Array(pages)
  for (let run = 0; run < pages; run++) {
    const index = run % contexts.length
    if (run % 2 === 0) {
      ours[run] = tessera(index)
      theirs[run] = growthbook(index)
    } else {
      theirs[run] = growthbook(index)
      ours[run] = tessera(index)
    }
  }
  // Each context's fastest run: what a decision costs, without what other processes took from it.
  const repeats = Math.floor(pages / contexts.length)
  const fastest = (samples: Float64Array) => {
    const best = new Float64Array(contexts.length).fill(Infinity)
    for (let run = 0; run < repeats * contexts.length; run++) best[run % contexts.length] = Math.min(best[run % contexts.length]!, samples[run]!)
    return summary(best).p99Us
  }

  const tesseraTimes = summary(ours)
  const growthbookTimes = summary(theirs)
  return {
    tessera: tesseraTimes,
    growthbook: growthbookTimes,
    ratioP50: growthbookTimes.p50Us / tesseraTimes.p50Us,
    ratioP99: growthbookTimes.p99Us / tesseraTimes.p99Us,
    exactAgreement: agreement.exact,
    audienceAgreement: agreement.audience,
    slotsCompared: agreement.slots,
    pages,
    detail: {
      loadBefore,
      loadAfter: loadavg()[0]!,
      fastest: repeats >= MIN_REPEATS ? { repeats, tesseraP99Us: fastest(ours), growthbookP99Us: fastest(theirs) } : undefined,
      sink,
    },
  }
}

export async function measureDecision(options: { quick: boolean }): Promise<DecisionMeasurement> {
  const { detail: _detail, ...measurement } = await runDecision(options.quick)
  return measurement
}

export const decisionScenario: Scenario = {
  name: 'decision',
  async run({ quick }) {
    const { detail, ...decision } = await runDecision(quick)
    const { sink: _sink, ...conditions } = detail
    // Equal work gives equal answers: a disagreement means the comparison is broken, not slow.
    if (decision.exactAgreement < 100) throw new ScenarioFailure(`GrowthBook and Tessera picked different variants in ${round(100 - decision.exactAgreement, 2)} % of slots`)
    const row = benchRow(quick, {
      measure: 'Decision, 50-slot page, interleaved with GrowthBook (µs p50 / p99)',
      tessera: `${round(decision.tessera.p50Us, 1)} / ${round(decision.tessera.p99Us, 1)}`,
      baseline: `GrowthBook ${round(decision.growthbook.p50Us, 1)} / ${round(decision.growthbook.p99Us, 1)}, same work`,
      ratio: `${round(decision.ratioP50, 1)}× / ${round(decision.ratioP99, 1)}× faster; same variant in ${round(decision.exactAgreement, 2)} % of ${decision.slotsCompared} slots`,
      target: `p99 ≤ ${TARGET_P99_US} µs, ≥ ${TARGET_RATIO}× faster`,
      met: decision.tessera.p99Us <= TARGET_P99_US && decision.ratioP99 >= TARGET_RATIO && decision.ratioP50 >= TARGET_RATIO,
    })
    return { rows: [row], detail: { ...decision, ...conditions } }
  },
}

function printTable(result: DecisionMeasurement & { detail: DecisionDetail }): void {
  const us = (value: number) => value.toFixed(1).padStart(9)
  const met = (ok: boolean) => (ok ? 'met' : 'MISSED')
  console.log(`Decision: ${SLOTS} slots × ${VARIANTS_PER_BLOCK} variants, ${SEGMENTS} segments, ${CONTEXTS} contexts, ${result.pages} pages each`)
  // Percentiles mean little on a busy machine: say how busy it was.
  console.log(`Load average: ${result.detail.loadBefore.toFixed(2)} before, ${result.detail.loadAfter.toFixed(2)} after (engine and SDK bundled by esbuild)`)
  console.log(`${''.padEnd(12)}${'p50 µs'.padStart(9)}${'p99 µs'.padStart(9)}`)
  console.log(`${'Tessera'.padEnd(12)}${us(result.tessera.p50Us)}${us(result.tessera.p99Us)}`)
  console.log(`${'GrowthBook'.padEnd(12)}${us(result.growthbook.p50Us)}${us(result.growthbook.p99Us)}`)
  console.log(`GrowthBook / Tessera: ${result.ratioP50.toFixed(1)}× at p50, ${result.ratioP99.toFixed(1)}× at p99`)
  const fastest = result.detail.fastest
  if (fastest) {
    console.log(
      `Fastest of ${fastest.repeats} runs per context, p99 over contexts: Tessera ${fastest.tesseraP99Us.toFixed(1)} µs, GrowthBook ${fastest.growthbookP99Us.toFixed(1)} µs (the decisions' own cost, without the machine's noise)`,
    )
  }
  console.log(
    `Agreement over ${result.slotsCompared} slot decisions: same variant ${result.exactAgreement.toFixed(2)}%, audience-targeted or not ${result.audienceAgreement.toFixed(2)}%`,
  )
  console.log(
    `Targets: p99 ≤ ${TARGET_P99_US} µs ${met(result.tessera.p99Us <= TARGET_P99_US)}; ≥ ${TARGET_RATIO}× faster ${met(Math.min(result.ratioP50, result.ratioP99) >= TARGET_RATIO)}`,
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printTable(await runDecision(process.argv.includes('--quick')))
}
