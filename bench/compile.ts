/**
 * Publish cost: compiling the delivery snapshot from the database for 1,000
 * and 10,000 blocks (50-slot pages, 10 variants each in two locales, 40
 * segments, plus the demo):
 *  - first compile: nothing compiled yet, every block read and compiled;
 *  - one block published: the everyday case, incremental;
 *  - after a restart: a new process (really: another Node process started
 *    here) compiles, warming up from the active snapshot. Its baseline is the
 *    first compile.
 *
 *   npx tsx bench/compile.ts [--blocks 1000,10000]
 *   npx tsx bench/compile.ts --restart <databaseUri> <mediaDir>   (the restarted process)
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { getPayload } from 'payload'

import { compileSnapshot } from '../delivery/snapshot'
import { createTesseraConfig } from '../payload.config'
import { BENCH_BLOCKS } from './http'
import { benchRow, type Scenario, ScenarioFailure } from './scenario'
import { round } from './stats'
import { benchRecipients, workloadDatabase } from './workload'

export type CompileMeasurement = {
  blocks: number
  pages: number
  firstMs: number
  oneBlockMs: number
  /** The compile in the restarted process, and that process's time from spawn to compiled (boot included). */
  restartMs: number
  restartProcessMs: number
}

/** Target (issue 15): the first compile of 10,000 blocks. */
const FIRST_COMPILE_TARGET_MS = 5000

/** Compiles are this scenario's to time: none on publish while it runs (the setting is put back after, for the scenarios that follow). */
async function withoutCompileOnPublish<T>(work: () => Promise<T>): Promise<T> {
  const before = process.env.TESSERA_COMPILE_ON_PUBLISH
  process.env.TESSERA_COMPILE_ON_PUBLISH = 'off'
  try {
    return await work()
  } finally {
    if (before === undefined) delete process.env.TESSERA_COMPILE_ON_PUBLISH
    else process.env.TESSERA_COMPILE_ON_PUBLISH = before
  }
}

async function openPayload(databaseUri: string, mediaDir: string) {
  return getPayload({ config: createTesseraConfig({ databaseUri, mediaDir }), key: databaseUri })
}

/** Compiles in a new Node process, as a restarted server does; resolves with that compile's duration. */
function compileInNewProcess(databaseUri: string, mediaDir: string): Promise<{ compileMs: number; processMs: number }> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', import.meta.filename, '--restart', databaseUri, mediaDir], { stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      const line = output.trim().split('\n').pop() ?? ''
      if (code !== 0 || !line.startsWith('{')) return reject(new ScenarioFailure(`The restarted compile exited with code ${code}: ${output.slice(-300)}`))
      resolve({ compileMs: (JSON.parse(line) as { durationMs: number }).durationMs, processMs: Math.round(performance.now() - started) })
    })
  })
}

export async function measureCompile(blocks: number, quick = false): Promise<CompileMeasurement> {
  const directory = mkdtempSync(path.join(tmpdir(), 'tessera-compile-bench-'))
  try {
    const { databaseUri, mediaDir } = await workloadDatabase(directory, { blocks, recipients: benchRecipients(quick) })
    const { first, oneBlock } = await withoutCompileOnPublish(async () => {
      const payload = await openPayload(databaseUri, mediaDir)
      try {
        const first = await compileSnapshot(payload, 'bench: first compile')
        const { docs } = await payload.find({ collection: 'blocks', where: { name: { equals: 'Block 0' } }, depth: 0, limit: 1, overrideAccess: true })
        if (!docs[0]) throw new ScenarioFailure('Block 0 of the workload is missing')
        await payload.update({ collection: 'blocks', id: docs[0].id, data: { content: { headline: `Changed at ${Date.now()}` }, _status: 'published' }, overrideAccess: true })
        const oneBlock = await compileSnapshot(payload, 'bench: one block published')
        return { first, oneBlock }
      } finally {
        await payload.destroy()
      }
    })
    const restart = await compileInNewProcess(databaseUri, mediaDir)
    return {
      blocks,
      pages: Object.keys(first.manifest.pages).length,
      firstMs: first.durationMs,
      oneBlockMs: oneBlock.durationMs,
      restartMs: restart.compileMs,
      restartProcessMs: restart.processMs,
    }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

export const compileScenario: Scenario = {
  name: 'compile',
  async run({ quick, log }) {
    const measurements: CompileMeasurement[] = []
    for (const blocks of quick ? [100] : [...new Set([1000, BENCH_BLOCKS])]) {
      log(`compile, ${blocks} blocks…`)
      measurements.push(await measureCompile(blocks, quick))
    }
    const rows = measurements.flatMap((result) => {
      const large = result.blocks >= 10_000
      return [
        benchRow(quick, {
          measure: `First compile, ${result.blocks} blocks (${result.pages} pages)`,
          tessera: `${result.firstMs} ms`,
          target: large ? `≤ ${FIRST_COMPILE_TARGET_MS / 1000} s` : '',
          ...(large ? { met: result.firstMs <= FIRST_COMPILE_TARGET_MS } : {}),
        }),
        benchRow(quick, {
          measure: `Compile, ${result.blocks} blocks: one block published / after a real restart`,
          tessera: `${result.oneBlockMs} ms / ${result.restartMs} ms (new process, boot included: ${result.restartProcessMs} ms)`,
          baseline: `first compile ${result.firstMs} ms`,
          ratio: `${round(result.oneBlockMs / Math.max(1, result.firstMs), 2)}× / ${round(result.restartMs / Math.max(1, result.firstMs), 2)}×`,
          target: large ? '≤ 2 s each' : '',
          ...(large ? { met: result.oneBlockMs <= 2000 && result.restartMs <= 2000 } : {}),
        }),
      ]
    })
    return { rows, detail: measurements }
  },
}

const restartFlag = process.argv.indexOf('--restart')
if (import.meta.url === `file://${process.argv[1]}` && restartFlag > 0) {
  const payload = await openPayload(process.argv[restartFlag + 1]!, process.argv[restartFlag + 2]!)
  const compiled = await compileSnapshot(payload, 'bench: after a restart')
  await payload.destroy()
  console.log(JSON.stringify({ durationMs: compiled.durationMs }))
  process.exit(0)
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const flag = process.argv.indexOf('--blocks')
  const sizes = (flag > 0 ? process.argv[flag + 1]! : '1000,10000').split(',').map(Number)
  for (const size of sizes) console.log(JSON.stringify(await measureCompile(size)))
  process.exit(0)
}
