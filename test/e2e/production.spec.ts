/**
 * Production refuses unsafe defaults at start-up: a server without its own
 * secret or its public origin exits, saying what to set, before serving anything.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test } from '@playwright/test'

const root = path.resolve(import.meta.dirname, '../..')

function startWithout(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tessera-prod-'))
  return new Promise((resolve) => {
    const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(Number(process.env.E2E_PORT ?? 3100) + 90), '-H', '127.0.0.1'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URI: `file:${path.join(dir, 't.db')}`, TESSERA_SEED_DEMO: '0', ...env },
    })
    let output = ''
    server.stdout.on('data', (chunk) => (output += chunk))
    server.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => server.kill('SIGKILL'), 60_000)
    server.on('exit', (code) => {
      clearTimeout(timer)
      rmSync(dir, { recursive: true, force: true })
      resolve({ code, output })
    })
  })
}

test('a production server without PAYLOAD_SECRET, TESSERA_SIGNING_KEYS or TESSERA_PUBLIC_URL exits at start, naming each', async () => {
  test.setTimeout(90_000)
  const { code, output } = await startWithout({ PAYLOAD_SECRET: '', TESSERA_PUBLIC_URL: '', TESSERA_SIGNING_KEYS: '' })
  expect(code).toBe(1)
  expect(output).toContain('Tessera refuses to start in production')
  expect(output).toContain('PAYLOAD_SECRET is not set')
  expect(output).toContain('TESSERA_PUBLIC_URL is not set')
  expect(output).toContain('TESSERA_SIGNING_KEYS is not set')
})
