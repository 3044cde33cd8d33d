/**
 * A real events server process (eventsServer.ts) for the crash tests: a free
 * port, start it and wait until healthy, post a batch to it. The caller kills
 * it with SIGKILL.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

import pg from 'pg'

const SERVER = fileURLToPath(new URL('./eventsServer.ts', import.meta.url))
export const SERVER_NAME = 'tessera-crash-server'

export type Outcome = { status: 'accepted' | 'duplicate' | 'rejected'; code?: string }
export type Event = Record<string, unknown> & { idempotencyKey: string }

/** A free port from 3510 up (the e2e servers of this machine use others). */
export async function freePort(from = 3510): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once('error', () => resolve(false))
        .listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
    })
    if (free) return port
  }
  throw new Error(`No free port from ${from}`)
}

export type EventsServer = { process: ChildProcess; exited: Promise<void>; output: () => string }

/** The server's database URI: on PostgreSQL its connections carry a name the test can find them by. */
function serverUri(databaseUri: string): string {
  if (!databaseUri.startsWith('postgres')) return databaseUri
  const url = new URL(databaseUri)
  url.searchParams.set('application_name', SERVER_NAME)
  return url.toString()
}

/** Whether the server holds a transaction open now (PostgreSQL). */
export async function serverInTransaction(databaseUri: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUri })
  await client.connect()
  try {
    const { rows } = await client.query(`SELECT count(*)::int AS open FROM pg_stat_activity WHERE application_name = $1 AND state = 'idle in transaction'`, [SERVER_NAME])
    return (rows[0] as { open: number }).open > 0
  } finally {
    await client.end()
  }
}

export async function startServer(databaseUri: string, mediaDir: string, port: number, env: Record<string, string> = {}): Promise<EventsServer> {
  // --conditions=development: Lexical's default "node" entry points (loaded
  // with the Payload config) are wrappers that pick the build with a top-level
  // `await import()`; several of them at once now and then deadlock Node 20's
  // module evaluation, and the process ends with exit code 13 and no output
  // before a line of ours runs (3 of 80 starts here under tsx, most starts
  // when bundled). The condition loads the build those wrappers would pick
  // outside production, directly.
  const child = spawn(process.execPath, ['--conditions=development', '--import', 'tsx', SERVER], {
    env: { ...process.env, DATABASE_URI: serverUri(databaseUri), MEDIA_DIR: mediaDir, PORT: String(port), TESSERA_JOBS: 'off', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000))
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  // 'close' comes after the output is read to its end.
  const started = Date.now()
  let gone: string | undefined
  const exited = new Promise<void>((resolve) =>
    child.once('close', (code, signal) => {
      gone = `code ${code}, signal ${signal}, after ${Date.now() - started} ms`
      resolve()
    }),
  )
  // Ready when its health endpoint says so (polled: boot time varies).
  const deadline = Date.now() + 120_000
  for (;;) {
    if (gone) throw new Error(`The events server exited while starting (${gone}):\n${output}`)
    const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((response) => response.ok, () => false)
    if (healthy) break
    if (Date.now() > deadline) throw new Error(`The events server did not become healthy:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { process: child, exited, output: () => output }
}

export async function postBatch(port: number, key: string, events: Event[]): Promise<{ status: number; results?: Outcome[] }> {
  const response = await fetch(`http://127.0.0.1:${port}/api/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  })
  const body = (await response.json()) as { results?: Outcome[] }
  return { status: response.status, results: body.results }
}
