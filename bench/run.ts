/**
 * npm run bench [-- --quick] [-- --only decision,http]
 *
 * Runs every registered scenario (bench/scenarios.ts). Every figure is
 * measured in this run next to its baseline (these machines are noisy and
 * shared; absolute times drift, ratios hold). Prints one table and writes
 * bench/results.json (a quick run: results.quick.json; --only: results.partial.json). A scenario that
 * meets an error (a non-2xx answer, a failed request, a wrong result) fails,
 * and so does the run: exit code 1. --quick is the smoke run CI uses: small
 * workloads, short loads, no claims about speed.
 */
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'

import { type BenchResults, resultsFile } from './results'
import type { BenchRow } from './scenario'
import { SCENARIOS } from './scenarios'

const quick = process.argv.includes('--quick')
const onlyFlag = process.argv.indexOf('--only')
const only = onlyFlag > 0 ? new Set(process.argv[onlyFlag + 1]!.split(',')) : undefined
const started = Date.now()
const log = (message: string) => console.error(`[bench ${Math.round((Date.now() - started) / 1000)}s] ${message}`)

const scenarios: BenchResults['scenarios'] = []
for (const scenario of SCENARIOS) {
  if (only && !only.has(scenario.name)) continue
  log(`${scenario.name}…`)
  const begun = Date.now()
  const durationSeconds = () => Math.round((Date.now() - begun) / 1000)
  try {
    const { rows, detail } = await scenario.run({ quick, log: (message) => log(`${scenario.name}: ${message}`) })
    scenarios.push({ name: scenario.name, ok: true, durationSeconds: durationSeconds(), rows, detail })
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    log(`${scenario.name} FAILED: ${message}`)
    if (error instanceof Error && error.name !== 'ScenarioFailure') console.error(error.stack)
    scenarios.push({ name: scenario.name, ok: false, durationSeconds: durationSeconds(), error: message })
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`
const rows: BenchRow[] = scenarios.flatMap((scenario) => (scenario.ok ? scenario.rows : []))
if (rows.length > 0) {
  const keys = Object.keys(rows[0]!) as (keyof BenchRow)[]
  const widths = keys.map((key) => Math.max(key.length, ...rows.map((entry) => entry[key].length)))
  const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(widths[index]!)).join(' | ')} |`
  console.log(`\nTessera benchmarks${quick ? ' (quick smoke run: figures are not meaningful)' : ''} — ${machine}\n`)
  console.log(line(keys))
  console.log(line(widths.map((width) => '-'.repeat(width))))
  for (const entry of rows) console.log(line(keys.map((key) => entry[key])))
}

const failed = scenarios.filter((scenario) => !scenario.ok)
const results: BenchResults = { quick, machine, measuredAt: new Date().toISOString(), durationSeconds: Math.round((Date.now() - started) / 1000), scenarios }
writeFileSync(resultsFile({ quick, partial: only !== undefined }), `${JSON.stringify(results, null, 2)}\n`)
log(`done; ${resultsFile({ quick, partial: only !== undefined })} written`)
if (failed.length > 0) {
  console.error(`\n${failed.length} scenario(s) failed: ${failed.map((scenario) => `${scenario.name} (${scenario.ok ? '' : scenario.error})`).join('; ')}`)
  process.exit(1)
}
process.exit(0)
