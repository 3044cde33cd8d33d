/** The demo content compiled in a scratch database: what the email and screen benchmarks render. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'

import { seedDemo } from '../migrations/demo/seed'
import { compileFromDatabase } from '../delivery/snapshot'
import type { DeliveryManifest, PageBundle } from '../engine'
import { createTesseraConfig } from '../payload.config'

export type DemoSnapshot = { payload: Payload; manifest: DeliveryManifest; bundle: (slug: string) => PageBundle; close: () => Promise<void> }

export async function demoSnapshot(): Promise<DemoSnapshot> {
  const directory = mkdtempSync(path.join(tmpdir(), 'tessera-demo-bench-'))
  const databaseUri = `file:${path.join(directory, 'demo.db')}`
  process.env.TESSERA_COMPILE_ON_PUBLISH = 'off'
  const payload = await getPayload({ config: createTesseraConfig({ databaseUri, mediaDir: path.join(directory, 'media') }), key: databaseUri })
  await seedDemo(payload, { adminEmail: 'a@bench.test', editorEmail: 'e@bench.test', reviewerEmail: 'r@bench.test', password: 'benchmark-password' })
  const { manifest, bundles } = await compileFromDatabase(payload)
  return {
    payload,
    manifest,
    bundle: (slug) => bundles.get(manifest.pages[slug]!.bundle)!,
    close: async () => {
      await payload.destroy()
      rmSync(directory, { recursive: true, force: true })
      delete process.env.TESSERA_COMPILE_ON_PUBLISH
    },
  }
}
