/**
 * Store screens as PNG: render time at 1920×1080 and 3840×2160, cold (a
 * decision not rendered yet) and warm (served from the PNG cache), on the
 * demo store screen.
 */
import { decideFor, type Decision, screenPng } from '../delivery/render'
import { demoSnapshot } from './demoSnapshot'
import { percentile, round } from './stats'

export type ScreenMeasurement = {
  firstRenderMs: number
  sizes: { width: number; height: number; coldP50Ms: number; coldMaxMs: number; warmP50Ms: number }[]
}

export async function measureScreen(options: { quick: boolean }): Promise<ScreenMeasurement> {
  const demo = await demoSnapshot()
  const runs = options.quick ? 2 : 6
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
    const first = performance.now()
    await screenPng(demo.payload, decided(0).resolved, decided(0), params(1920, 1080, 99))
    const firstRenderMs = round(performance.now() - first, 1)
    const sizes: ScreenMeasurement['sizes'] = []
    for (const [width, height] of [[1920, 1080], [3840, 2160]] as const) {
      const cold: number[] = []
      const warm: number[] = []
      for (let run = 0; run < runs; run++) {
        const decision = decided(run)
        let started = performance.now()
        await screenPng(demo.payload, decision.resolved, decision, params(width, height, run))
        cold.push(performance.now() - started)
        started = performance.now()
        await screenPng(demo.payload, decision.resolved, decision, params(width, height, run))
        warm.push(performance.now() - started)
      }
      sizes.push({ width, height, coldP50Ms: round(percentile(cold, 50), 1), coldMaxMs: round(Math.max(...cold), 1), warmP50Ms: round(percentile(warm, 50), 3) })
    }
    return { firstRenderMs, sizes }
  } finally {
    await demo.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureScreen({ quick: process.argv.includes('--quick') }), null, 2))
  process.exit(0)
}
