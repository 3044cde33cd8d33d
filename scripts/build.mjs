#!/usr/bin/env node
/**
 * Builds the Next.js app unless .next already holds a build of exactly these
 * sources (a content hash of everything that goes into the build).
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const SOURCES = ['app', 'collections', 'migrations', 'engine', 'channels', 'delivery', 'edge', 'payload.config.ts', 'instrumentation.ts', 'next.config.mjs', 'tsconfig.json', 'package-lock.json']

function* files(entry) {
  const full = path.join(root, entry)
  if (!existsSync(full)) return
  if (statSync(full).isDirectory()) {
    for (const child of readdirSync(full).sort()) yield* files(path.join(entry, child))
  } else {
    yield entry
  }
}

export function sourceHash() {
  const hash = createHash('sha256')
  for (const source of SOURCES) {
    for (const file of files(source)) {
      hash.update(file).update('\0').update(readFileSync(path.join(root, file))).update('\0')
    }
  }
  return hash.digest('hex')
}

export function ensureBuild({ force = false } = {}) {
  const stamp = path.join(root, '.next', 'tessera-source-hash')
  const hash = sourceHash()
  const built = existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash
  if (built && !force) {
    console.log('Build is up to date with the sources; skipping next build.')
    return
  }
  console.log('Building the app (next build)…')
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  if (result.status !== 0) {
    console.error('next build failed; see the output above.')
    process.exit(result.status ?? 1)
  }
  writeFileSync(stamp, hash)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureBuild({ force: process.argv.includes('--force') })
}
