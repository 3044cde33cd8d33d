/**
 * Store screens as PNG: render time at 1920×1080 and 3840×2160, cold (a
 * decision not rendered yet) and warm (served from the PNG cache), on the
 * demo store screen; the baseline is the first render in the process (fonts
 * and renderer loading included, at 1280×720).
 */
import { decideFor, type Decision, isScreenPngCached, screenPng } from '../delivery/render'
import { demoSnapshot } from './demoSnapshot'
import { benchRow, type Scenario, ScenarioFailure } from './scenario'
import { percentile, round } from './stats'

export type ScreenMeasurement = {
  firstRenderMs: number
  sizes: { width: number; height: number; coldP50Ms: number; coldMaxMs: number; warmP50Ms: number }[]
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47]
// The site origin an ask slide's QR code would lead to (the demo screen has none: no effect on the pixels).
const BASE = 'http://localhost:3000'

export async function measureScreen(options: { quick: boolean }): Promise<ScreenMeasurement> {
  const demo = await demoSnapshot()
  const runs = options.quick ? 2 : 15
  try {
    const bundle = demo.bundle('store-screen')
    const stores = Object.keys(demo.manifest.stores)
    const decided = (index: number): Decision => {
      // Each run is another store, language and hour (Paris time, from 17:30), so each is a new decision.
      const at = new Date(Date.parse('2026-11-24T17:30:00Z') + index * 3_600_000).toISOString()
      const context = { channel: 'screen' as const, store: stores[index % stores.length], locale: (index % 2 ? 'fr' : 'en') as 'en' | 'fr', at, timezone: 'Europe/Paris' }
      return decideFor(demo.manifest, bundle, { request: { context, caller: { kind: 'public' }, ignored: [], debug: false, trusted: false } })
    }
    const params = (width: number, height: number, slide: number) => ({ width, height, refreshSeconds: 30, slideSeconds: 8, slide })
    const render = async (decision: Decision, width: number, height: number, slide: number) => {
      const bytes = await screenPng(demo.payload, decision.resolved, decision, params(width, height, slide), BASE)
      if (bytes.length < 100 || PNG_SIGNATURE.some((byte, index) => bytes[index] !== byte)) throw new ScenarioFailure(`The ${width}×${height} screen did not render a PNG`)
    }
    const first = performance.now()
    await render(decided(0), 1280, 720, 0)
    const firstRenderMs = round(performance.now() - first, 1)
    const sizes: ScreenMeasurement['sizes'] = []
    for (const [width, height] of [[1920, 1080], [3840, 2160]] as const) {
      const cold: number[] = []
      const warm: number[] = []
      // Cold means not in memory: decisions (and slides) that happen to draw the same PNG as an earlier one are skipped.
      for (let index = 0, run = 0; run < runs; index++) {
        if (index > runs * 20) throw new ScenarioFailure(`Fewer than ${runs} distinct screen decisions to render cold`)
        const decision = decided(index)
        const slide = index % 3
        if (isScreenPngCached(decision, params(width, height, slide), BASE)) continue
        let started = performance.now()
        await render(decision, width, height, slide)
        cold.push(performance.now() - started)
        started = performance.now()
        await render(decision, width, height, slide)
        warm.push(performance.now() - started)
        run++
      }
      sizes.push({ width, height, coldP50Ms: round(percentile(cold, 50), 1), coldMaxMs: round(Math.max(...cold), 1), warmP50Ms: round(percentile(warm, 50), 3) })
    }
    return { firstRenderMs, sizes }
  } finally {
    await demo.close()
  }
}

export const screenScenario: Scenario = {
  name: 'screen',
  async run({ quick }) {
    const screen = await measureScreen({ quick })
    const rows = screen.sizes.map((size) => {
      const budget = size.width >= 3840 ? 300 : 60
      return benchRow(quick, {
        measure: `Screen PNG ${size.width}×${size.height} (ms)`,
        tessera: `cold p50 ${size.coldP50Ms} (max ${size.coldMaxMs}), cache hit ${size.warmP50Ms}`,
        baseline: `first render in process ${screen.firstRenderMs}`,
        ratio: `${round(size.coldP50Ms / screen.firstRenderMs, 2)}×`,
        target: `≤ ${budget} ms cold, ≤ 2 ms hit`,
        met: size.coldP50Ms <= budget && size.warmP50Ms <= 2,
      })
    })
    return { rows, detail: screen }
  },
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureScreen({ quick: process.argv.includes('--quick') }), null, 2))
  process.exit(0)
}
