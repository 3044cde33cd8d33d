/**
 * The render API and the website over real HTTP, on `next start` with a
 * database holding the demo plus the synthetic workload, each measured with
 * autocannon against its baselines on the same server and database:
 *  - render API (API key, varied contexts) vs Payload REST (depth=2) for the
 *    same page vs a bare route handler returning a static body of the same size;
 *  - the public website page vs a plain Next page reading the same content
 *    through the Local API.
 * Also: publish-to-visible time, and the server's resident memory once every
 * page of the snapshot has been served.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'
import { getPayload } from 'payload'

import { seedDemo } from '../migrations/demo/seed'
import { compileSnapshot } from '../delivery/snapshot'
import { createTesseraConfig } from '../payload.config'
import { fillSyntheticContent } from './fill'

const API_KEY = 'tsk_benchmark_render_and_events_key_0123456789'
const PASSWORD = 'benchmark-password'
const PORT = Number(process.env.BENCH_PORT ?? 3400)
const ORIGIN = `http://127.0.0.1:${PORT}`

export type LoadResult = { requestsPerSecond: number; p50Ms: number; p99Ms: number; bytes: number; errors: number; non2xx: number }

export type HttpMeasurement = {
  connections: number
  durationSeconds: number
  blocks: number
  renderApi: LoadResult
  payloadRest: LoadResult
  bareRoute: LoadResult
  websitePage: LoadResult
  plainNextPage: LoadResult
  publishToVisibleMs: number
  residentMemoryMb: { idle: number; afterAllPages: number }
}

const root = path.resolve(import.meta.dirname, '..')

async function prepareDatabase(directory: string, blocks: number): Promise<string> {
  const databaseUri = `file:${path.join(directory, 'bench.db')}`
  process.env.TESSERA_COMPILE_ON_PUBLISH = 'off'
  const payload = await getPayload({ config: createTesseraConfig({ databaseUri, mediaDir: path.join(directory, 'media') }), key: databaseUri })
  await seedDemo(payload, { adminEmail: 'admin@bench.test', editorEmail: 'editor@bench.test', reviewerEmail: 'reviewer@bench.test', password: PASSWORD, apiKey: API_KEY })
  await fillSyntheticContent(payload, blocks)
  await compileSnapshot(payload, 'bench: prepare')
  await payload.destroy()
  delete process.env.TESSERA_COMPILE_ON_PUBLISH
  return databaseUri
}

/**
 * A load test ends with requests still queued on the server (a slow baseline
 * leaves seconds of work behind): wait until it answers promptly again, so
 * each measurement starts on an idle server.
 */
async function settle(): Promise<void> {
  const deadline = Date.now() + 120_000
  let prompt = 0
  while (Date.now() < deadline && prompt < 3) {
    const started = performance.now()
    await fetch(`${ORIGIN}/api/health`).catch(() => undefined)
    prompt = performance.now() - started < 50 ? prompt + 1 : 0
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function waitForHealth(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${ORIGIN}/api/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new Error('The benchmark server did not become healthy')
}

/** Resident memory of the server and its children, in MB (Linux /proc). */
function residentMemoryMb(pid: number): number {
  const pids = [pid]
  for (let index = 0; index < pids.length; index++) {
    try {
      const children = readFileSync(`/proc/${pids[index]}/task/${pids[index]}/children`, 'utf8').trim()
      if (children) pids.push(...children.split(/\s+/).map(Number))
    } catch {
      // process gone or no children
    }
  }
  let kilobytes = 0
  for (const id of pids) {
    try {
      const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))
      if (match) kilobytes += Number(match[1])
    } catch {
      // ignore
    }
  }
  return Math.round(kilobytes / 1024)
}

function load(options: { requests: { path: string; headers?: Record<string, string> }[]; connections: number; duration: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: ORIGIN,
        connections: options.connections,
        duration: options.duration,
        requests: options.requests.map((request) => ({ method: 'GET', path: request.path, ...(request.headers ? { headers: request.headers } : {}) })),
      },
      (error, result) => {
        if (error) return reject(error)
        resolve({
          requestsPerSecond: Math.round(result.requests.average),
          p50Ms: result.latency.p50,
          p99Ms: result.latency.p99,
          bytes: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
          errors: result.errors,
          non2xx: result.non2xx,
        })
      },
    )
  })
}

/** Varied contexts for the render API: segments, traits, locales, cities, times. */
function renderRequests(slug: string): { path: string; headers: Record<string, string> }[] {
  const contexts = [
    'segment=loyal-gold',
    'segment=first-visit',
    'trait.loyaltyTier=gold&trait.visits=7',
    'trait.loyaltyTier=silver&city=Lyon',
    'locale=fr&city=Paris&tz=Europe/Paris',
    'trait.visits=2&device=mobile',
    'country=BE&trait.interests=candles',
    'channel=email&trait.loyaltyTier=platinum',
    'channel=screen&store=lyon-bellecour',
    'locale=fr&segment=weekend&trait.visits=12',
  ]
  return contexts.map((context) => ({ path: `/api/render/${slug}?${context}`, headers: { Authorization: `Bearer ${API_KEY}` } }))
}

export async function measureHttp(options: { quick: boolean }): Promise<HttpMeasurement> {
  const blocks = options.quick ? 100 : 10_000
  const duration = options.quick ? 2 : 10
  const connections = options.quick ? 10 : 50
  const directory = mkdtempSync(path.join(tmpdir(), 'tessera-http-bench-'))
  let server: ChildProcess | undefined
  try {
    const databaseUri = await prepareDatabase(directory, blocks)
    const { ensureBuild } = (await import('../scripts/build.mjs')) as { ensureBuild: () => void }
    ensureBuild()
    server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URI: databaseUri,
        MEDIA_DIR: path.join(directory, 'media'),
        PAYLOAD_SECRET: 'benchmark-secret-0123456789abcdef0123456789',
        TESSERA_SIGNING_KEYS: readFileSync(path.join(root, 'test/e2e/signing-keys.json'), 'utf8').trim(),
        TESSERA_PUBLIC_URL: ORIGIN,
        TESSERA_BENCH: '1',
        TESSERA_JOBS: 'off',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    })
    await waitForHealth(120_000)
    const idle = residentMemoryMb(server.pid!)

    const login = await fetch(`${ORIGIN}/api/users/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editor@bench.test', password: PASSWORD }),
    })
    const { token } = (await login.json()) as { token: string }
    const editor = { Authorization: `JWT ${token}` }

    const slug = 'bench-0'
    const render = renderRequests(slug)
    const sample = await fetch(`${ORIGIN}${render[0]!.path}`, { headers: render[0]!.headers })
    if (!sample.ok) throw new Error(`The render API answered ${sample.status} for ${slug}`)
    const renderBytes = (await sample.text()).length
    // Publish → visible through the render API, on an idle server.
    const { docs } = (await (await fetch(`${ORIGIN}/api/blocks?where[name][equals]=Block%200&depth=0&limit=1`, { headers: editor })).json()) as {
      docs: { id: number; content: Record<string, unknown> }[]
    }
    const block = docs[0]!
    const headline = `Published at ${Date.now()}`
    const started = performance.now()
    const update = await fetch(`${ORIGIN}/api/blocks/${block.id}`, {
      method: 'PATCH',
      headers: { ...editor, 'Content-Type': 'application/json' },
      body: JSON.stringify({ content: { ...block.content, headline }, _status: 'published' }),
    })
    if (!update.ok) throw new Error(`Publishing failed: ${update.status}`)
    let publishToVisibleMs = Number.NaN
    while (performance.now() - started < 30_000) {
      const body = await (await fetch(`${ORIGIN}/api/render/${slug}?trait.visits=50`, { headers: { Authorization: `Bearer ${API_KEY}` } })).text()
      if (body.includes(headline)) {
        publishToVisibleMs = Math.round(performance.now() - started)
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }

    // The slowest baseline last: it leaves the most work queued behind it.
    const scenarios = {
      renderApi: render,
      bareRoute: [{ path: `/api/bench/static?bytes=${renderBytes}` }],
      websitePage: [{ path: `/${slug}` }, { path: `/${slug}?locale=fr` }],
      plainNextPage: [{ path: `/bench/plain/${slug}` }],
      payloadRest: [{ path: `/api/pages?where[slug][equals]=${slug}&depth=2&limit=1`, headers: editor }],
    }
    // Warm every route (lazy route code, caches), then measure each on a settled server.
    for (const requests of Object.values(scenarios)) {
      await load({ requests, connections: 2, duration: 1 })
      await settle()
    }
    const results = {} as Record<keyof typeof scenarios, LoadResult>
    for (const [name, requests] of Object.entries(scenarios) as [keyof typeof scenarios, (typeof scenarios)[keyof typeof scenarios]][]) {
      results[name] = await load({ requests, connections, duration })
      await settle()
    }

    // Serve every page once: the whole snapshot is then in memory.
    for (let page = 0; page * 50 < blocks; page++) {
      await fetch(`${ORIGIN}/api/render/bench-${page}`, { headers: { Authorization: `Bearer ${API_KEY}` } })
    }
    const afterAllPages = residentMemoryMb(server.pid!)
    return { connections, durationSeconds: duration, blocks, ...results, publishToVisibleMs, residentMemoryMb: { idle, afterAllPages } }
  } finally {
    server?.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 500))
    rmSync(directory, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureHttp({ quick: process.argv.includes('--quick') }), null, 2))
  process.exit(0)
}
