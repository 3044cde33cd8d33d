#!/usr/bin/env node
/**
 * npm run demo: builds if needed, then serves the admin and the demo site on
 * the embedded SQLite database (data/tessera.db), seeded with Maison Lumen on
 * first run. PORT overrides 3000.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { ensureBuild, root } from './build.mjs'
import { rotatedKeySet } from './signing-keys.mjs'

const dataDir = path.join(root, 'data')
mkdirSync(dataDir, { recursive: true })

/** A per-install secret, created once, unless PAYLOAD_SECRET is set. */
function payloadSecret() {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  const file = path.join(dataDir, '.payload-secret')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}

/** Per-install signing keys (Ed25519), created once, unless TESSERA_SIGNING_KEYS is set. */
function signingKeys() {
  if (process.env.TESSERA_SIGNING_KEYS) return process.env.TESSERA_SIGNING_KEYS
  const file = path.join(dataDir, '.signing-keys.json')
  if (!existsSync(file)) writeFileSync(file, rotatedKeySet(), { mode: 0o600 })
  return readFileSync(file, 'utf8').trim()
}

ensureBuild()

const port = process.env.PORT || '3000'
const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', port], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    PAYLOAD_SECRET: payloadSecret(),
    TESSERA_SIGNING_KEYS: signingKeys(),
    TESSERA_SEED_DEMO: '1',
    TESSERA_PUBLIC_URL: process.env.TESSERA_PUBLIC_URL || `http://localhost:${port}`,
    NEXT_TELEMETRY_DISABLED: '1',
  },
})

/**
 * Payload boots on the first request: it runs the migrations and, on an empty
 * database, seeds the demo (printing the API key). Do it now, not when the
 * first visitor arrives.
 */
async function warmUp() {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`)
      if (response.ok) {
        console.log(`\nTessera demo ready: site http://localhost:${port}/  ·  admin http://localhost:${port}/admin\n`)
        return
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  console.error('The server did not become ready within 3 minutes; see the log above.')
}
void warmUp()

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
