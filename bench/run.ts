/**
 * npm run bench [-- --quick]
 *
 * Every figure is measured in this run next to its baseline (these machines
 * are noisy; absolute times drift, ratios hold). Prints one table and writes
 * bench/results.json. --quick is a smoke run for CI: small workloads, short
 * loads, no claims about speed.
 */
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import path from 'node:path'

import { measureCompile, type CompileMeasurement } from './compile'
import { measureDecision } from './decision'
import { measureEmail } from './email'
import { measureHttp } from './http'
import { measureProfiling } from './profiling'
import { measureScreen } from './screen'
import { round } from './stats'

const quick = process.argv.includes('--quick')
const started = Date.now()
const log = (message: string) => console.error(`[bench ${Math.round((Date.now() - started) / 1000)}s] ${message}`)

type Row = { measure: string; tessera: string; baseline: string; ratio: string; target: string; met: string }
const rows: Row[] = []
const row = (measure: string, tessera: string, baseline: string, ratio: string, target: string, met: boolean | undefined) =>
  rows.push({ measure, tessera, baseline, ratio, target, met: met === undefined ? '' : met ? 'yes' : 'NO' })

log('decision speed (engine vs GrowthBook)…')
const decision = await measureDecision({ quick })
row(
  'Decision, 50-slot page (µs p50 / p99)',
  `${round(decision.tessera.p50Us, 1)} / ${round(decision.tessera.p99Us, 1)}`,
  `GrowthBook ${round(decision.growthbook.p50Us, 1)} / ${round(decision.growthbook.p99Us, 1)}`,
  `${round(decision.ratioP50, 1)}× / ${round(decision.ratioP99, 1)}× faster (agreement ${round(decision.agreement, 1)} %)`,
  'p99 ≤ 50 µs, ≥ 3× faster',
  quick ? undefined : decision.tessera.p99Us <= 50 && decision.ratioP99 >= 3,
)

log('render API and website over HTTP (autocannon)…')
const http = await measureHttp({ quick })
const rps = (result: { requestsPerSecond: number; p50Ms: number; p99Ms: number }) => `${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`
const vsRest = round(http.renderApi.requestsPerSecond / Math.max(1, http.payloadRest.requestsPerSecond), 1)
const vsBare = round((100 * http.renderApi.requestsPerSecond) / Math.max(1, http.bareRoute.requestsPerSecond), 0)
row('Render API vs Payload REST depth=2', rps(http.renderApi), rps(http.payloadRest), `${vsRest}×`, '≥ 10×', quick ? undefined : vsRest >= 10)
row('Render API vs bare route handler', rps(http.renderApi), rps(http.bareRoute), `${vsBare} %`, '≥ 75 %, p99 ≤ 20 ms', quick ? undefined : vsBare >= 75 && http.renderApi.p99Ms <= 20)
const vsPlain = round(http.websitePage.requestsPerSecond / Math.max(1, http.plainNextPage.requestsPerSecond), 1)
row('Website page vs plain Next page (Local API)', rps(http.websitePage), rps(http.plainNextPage), `${vsPlain}×`, 'faster than plain', quick ? undefined : vsPlain >= 1)
row('Publish → visible in render API', `${http.publishToVisibleMs} ms`, '', '', '≤ 5 s', quick ? undefined : http.publishToVisibleMs <= 5000)
row(`Server memory, ${http.blocks}-block snapshot served`, `${http.residentMemoryMb.afterAllPages} MB RSS`, `${http.residentMemoryMb.idle} MB idle`, '', '', undefined)

log('email per recipient…')
const email = await measureEmail({ quick })
row(
  `Email per recipient, ${email.recipients} recipients (ms p50 / p99)`,
  `${email.tessera.p50Ms} / ${email.tessera.p99Ms}`,
  `MJML from scratch ${email.fromScratch.p50Ms} / ${email.fromScratch.p99Ms} (${email.fromScratch.sampled} sampled)`,
  `${email.ratioP50}× faster`,
  '≤ 1 ms p50, ≥ 5× faster',
  quick ? undefined : email.tessera.p50Ms <= 1 && email.ratioP50 >= 5,
)

log('screen PNGs…')
const screen = await measureScreen({ quick })
for (const size of screen.sizes) {
  const budget = size.width >= 3840 ? 300 : 60
  row(
    `Screen PNG ${size.width}×${size.height} (ms)`,
    `cold p50 ${size.coldP50Ms} (max ${size.coldMaxMs}), cache hit ${size.warmP50Ms}`,
    `first render in process ${screen.firstRenderMs}`,
    '',
    `≤ ${budget} ms cold, ≤ 2 ms hit`,
    quick ? undefined : size.coldP50Ms <= budget && size.warmP50Ms <= 2,
  )
}

log('publish: snapshot compile…')
const compiles: CompileMeasurement[] = []
for (const blocks of quick ? [200] : [1000, 10_000]) {
  const result = await measureCompile(blocks)
  compiles.push(result)
  row(
    `Compile, ${blocks} blocks (${result.pages} pages)`,
    `one block published ${result.oneBlockMs} ms; after a restart ${result.restartMs} ms`,
    `first compile ${result.firstMs} ms`,
    '',
    blocks >= 10_000 ? '≤ 2 s' : '',
    quick || blocks < 10_000 ? undefined : result.oneBlockMs <= 2000 && result.restartMs <= 2000,
  )
}

log('progressive profiling: ask block, interest scores…')
const profiling = await measureProfiling({ quick })
row('Ask block, 50-slot decision (µs p50)', `${profiling.ask.withP50Us}`, `without ${profiling.ask.withoutP50Us}`, `+${profiling.ask.addedP50Us} µs`, '≤ +5 µs', quick ? undefined : profiling.ask.addedP50Us <= 5)
row('Event fold with 3 interest scores (events/s)', `${profiling.scores.withPerSecond}`, `without ${profiling.scores.withoutPerSecond}`, `${profiling.scores.ratioPercent} %`, '≥ 90 %', quick ? undefined : profiling.scores.ratioPercent >= 90)

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
const widths = (Object.keys(rows[0]!) as (keyof Row)[]).map((key) => Math.max(key.length, ...rows.map((entry) => entry[key].length)))
const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ')} |`
console.log(`\nTessera benchmarks${quick ? ' (quick smoke run: figures are not meaningful)' : ''} — ${machine}\n`)
console.log(line(['measure', 'tessera', 'baseline', 'ratio', 'target', 'met']))
console.log(line(widths.map((width) => '-'.repeat(width))))
for (const entry of rows) console.log(line(Object.values(entry)))

const results = { quick, machine, measuredAt: new Date().toISOString(), durationSeconds: Math.round((Date.now() - started) / 1000), rows, decision, http, email, screen, compiles, profiling }
writeFileSync(path.join(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`)
log(`done; bench/results.json written`)
process.exit(0)
