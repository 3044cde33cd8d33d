#!/usr/bin/env node
/**
 * npm run migrate:create -- <name>
 * Creates a migration for each SQL adapter (SQLite and PostgreSQL) from the
 * current collections. PostgreSQL is reached at MIGRATIONS_POSTGRES_URI
 * (default postgres://postgres@127.0.0.1:5432/test); MongoDB needs none.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { root } from './build.mjs'

const name = process.argv[2]
if (!name || !/^[a-z0-9_-]+$/i.test(name)) {
  console.error('Usage: npm run migrate:create -- <name>   (letters, digits, "_" and "-")')
  process.exit(2)
}

const scratch = mkdtempSync(path.join(tmpdir(), 'tessera-migrate-'))
const targets = [
  ['SQLite', `file:${path.join(scratch, 'schema.db')}`],
  ['PostgreSQL', process.env.MIGRATIONS_POSTGRES_URI || 'postgres://postgres@127.0.0.1:5432/test'],
]
for (const [label, uri] of targets) {
  console.log(`\n${label}:`)
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/payload/bin.js'), 'migrate:create', name, '--skip-empty'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URI: uri },
  })
  if (result.status !== 0) {
    rmSync(scratch, { recursive: true, force: true })
    process.exit(result.status ?? 1)
  }
}
rmSync(scratch, { recursive: true, force: true })
