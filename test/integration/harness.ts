/**
 * Boots Payload (Local API) on a real, fresh database for one test file:
 * SQLite always; PostgreSQL when TEST_POSTGRES_URI is set; MongoDB when
 * MONGODB_URI is set. Absent servers are reported as skipped, loudly.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import pg from 'pg'
import { getPayload, type Payload } from 'payload'

import { stopSharing } from '../../delivery/sharing'
import { deliveryIdle, stopLiveSnapshot } from '../../delivery/snapshot'
import { seedDemo } from '../../migrations/demo/seed'
import { createTesseraConfig } from '../../payload.config'

export type DatabaseUnderTest = { name: 'sqlite' | 'postgres' | 'mongodb'; serverUri?: string; skipReason?: string }

export function databasesUnderTest(): DatabaseUnderTest[] {
  const postgres = process.env.TEST_POSTGRES_URI
  const mongodb = process.env.MONGODB_URI
  return [
    { name: 'sqlite' },
    postgres
      ? { name: 'postgres', serverUri: postgres }
      : { name: 'postgres', skipReason: 'TEST_POSTGRES_URI is not set: the PostgreSQL run is SKIPPED' },
    mongodb
      ? { name: 'mongodb', serverUri: mongodb }
      : { name: 'mongodb', skipReason: 'MONGODB_URI is not set: the MongoDB run is SKIPPED' },
  ]
}

export type TestPayload = { payload: Payload; databaseUri: string; close: () => Promise<void> }

function withDatabaseName(uri: string, name: string): string {
  const url = new URL(uri)
  url.pathname = `/${name}`
  return url.toString()
}

export async function startPayload(database: DatabaseUnderTest): Promise<TestPayload> {
  const id = `tessera_test_${Date.now()}_${randomBytes(3).toString('hex')}`
  const scratch = mkdtempSync(path.join(tmpdir(), 'tessera-'))
  let databaseUri: string
  let dropDatabase = async () => {}

  if (database.name === 'sqlite') {
    databaseUri = `file:${path.join(scratch, 'tessera.db')}`
  } else if (database.name === 'postgres') {
    const admin = new pg.Client({ connectionString: database.serverUri })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${id}`)
    await admin.end()
    databaseUri = withDatabaseName(database.serverUri!, id)
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: database.serverUri })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${id} WITH (FORCE)`)
      await client.end()
    }
  } else {
    databaseUri = withDatabaseName(database.serverUri!, id)
  }

  const payload = await getPayload({
    config: createTesseraConfig({ databaseUri, mediaDir: path.join(scratch, 'media') }),
    key: databaseUri,
  })
  if (database.name === 'mongodb') {
    dropDatabase = async () => {
      await (payload.db as unknown as { connection: { dropDatabase: () => Promise<void> } }).connection.dropDatabase()
    }
  }

  return {
    payload,
    databaseUri,
    close: async () => {
      await deliveryIdle(payload).catch(() => {})
      stopLiveSnapshot(payload)
      await stopSharing(payload)
      if (database.name === 'mongodb') await dropDatabase().catch(() => {})
      await payload.destroy().catch(() => {})
      // Payload's destroy() leaves the driver's connections open.
      const db = payload.db as unknown as { pool?: { on: (event: 'error', listener: () => void) => void }; client?: { close?: () => void } }
      // Dropping the database ends the pool's idle connections; expect it.
      db.pool?.on('error', () => {})
      if (database.name === 'sqlite') db.client?.close?.()
      if (database.name === 'postgres') await dropDatabase().catch(() => {})
      rmSync(scratch, { recursive: true, force: true })
    },
  }
}

/** A fresh database with the demo seeded (its API key is `apiKey`) and its first snapshot live. */
export async function startDemo(database: DatabaseUnderTest, apiKey: string): Promise<TestPayload> {
  const started = await startPayload(database)
  await seedDemo(started.payload, { adminEmail: 'a@x.test', editorEmail: 'e@x.test', reviewerEmail: 'r@x.test', password: 'a-long-password', apiKey })
  await deliveryIdle(started.payload)
  return started
}
