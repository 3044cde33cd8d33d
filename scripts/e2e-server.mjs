#!/usr/bin/env node
/**
 * The server end-to-end tests run against: `next start` on the built app,
 * with a fresh SQLite database and media folder, seeded with the demo.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'

import { root } from './build.mjs'

const dir = path.join(root, 'data', 'e2e')
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })

const port = process.env.E2E_PORT ?? '3100'
const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', port, '-H', '127.0.0.1'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URI: `file:${path.join(dir, 'tessera.db')}`,
    MEDIA_DIR: path.join(dir, 'media'),
    PAYLOAD_SECRET: 'e2e-secret-0123456789abcdef0123456789abcdef',
    // The specs sign cookies and links with the same test keys (test/e2e/helpers.ts).
    TESSERA_SIGNING_KEYS: readFileSync(path.join(root, 'test/e2e/signing-keys.json'), 'utf8').trim(),
    TESSERA_SEED_DEMO: '1',
    TESSERA_PUBLIC_URL: `http://127.0.0.1:${port}`,
    DEMO_API_KEY: process.env.DEMO_API_KEY ?? 'tsk_e2e_render_and_events_key_0123456789abcdef',
    NEXT_TELEMETRY_DISABLED: '1',
    // Small enough for test/e2e/rateLimits.spec.ts to reach; nothing else sends a wrong key. Other limits keep their defaults.
    TESSERA_RATE_LIMIT_API_KEY_FAILURES: '3/1m',
  },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
