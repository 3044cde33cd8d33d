/**
 * Publish cost: compiling the delivery snapshot from the database for 1,000
 * and 10,000 blocks (50-slot pages, 10 variants each, 40 segments):
 *  - first compile: nothing compiled yet, every block read and compiled;
 *  - after a restart: a new process warms up from the active snapshot;
 *  - one block published: the everyday case, incremental.
 *
 *   npx tsx bench/compile.ts [--blocks 1000,10000]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { getPayload } from 'payload'

import { compileSnapshot, forgetCompiledBlocks } from '../delivery/snapshot'
import { createTesseraConfig } from '../payload.config'
import { fillSyntheticContent } from './fill'

process.env.TESSERA_COMPILE_ON_PUBLISH = 'off'

export type CompileMeasurement = { blocks: number; pages: number; firstMs: number; restartMs: number; oneBlockMs: number }

export async function measureCompile(blocks: number): Promise<CompileMeasurement> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tessera-bench-'))
  const databaseUri = `file:${path.join(scratch, 'bench.db')}`
  const payload = await getPayload({ config: createTesseraConfig({ databaseUri, mediaDir: path.join(scratch, 'media') }), key: databaseUri })
  try {
    const { blockIds } = await fillSyntheticContent(payload, blocks)
    forgetCompiledBlocks(payload)
    const first = await compileSnapshot(payload, 'bench: first compile')

    forgetCompiledBlocks(payload, { warm: true })
    const restart = await compileSnapshot(payload, 'bench: after a restart')

    await payload.update({
      collection: 'blocks',
      id: blockIds[0]!,
      data: { content: { headline: `Changed at ${Date.now()}` }, _status: 'published' },
      overrideAccess: true,
    })
    const oneBlock = await compileSnapshot(payload, 'bench: one block published')
    return { blocks, pages: Object.keys(first.manifest.pages).length, firstMs: first.durationMs, restartMs: restart.durationMs, oneBlockMs: oneBlock.durationMs }
  } finally {
    await payload.destroy()
    rmSync(scratch, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flag = process.argv.indexOf('--blocks')
  const sizes = (flag > 0 ? process.argv[flag + 1]! : '1000,10000').split(',').map(Number)
  for (const size of sizes) {
    const result = await measureCompile(size)
    console.log(
      `${size} blocks (${result.pages} pages): first compile ${result.firstMs} ms, after a restart ${result.restartMs} ms, one block published ${result.oneBlockMs} ms`,
    )
  }
  process.exit(0)
}
