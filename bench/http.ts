/**
 * The render API, the website and the email batch endpoint over real HTTP, on
 * `next start` with the benchmark database (demo, synthetic workload in two
 * locales, recipient profiles), each against its baselines on the same server
 * and database in the same run:
 *  - render API (API key, varied contexts, en and fr) vs a bare route handler
 *    returning a static body of the same size, and vs Payload REST (depth=2);
 *  - the public website page vs a plain Next page reading the same content
 *    through the Local API;
 *  - the email batch endpoint end to end (10 × 1,000 recipients: context,
 *    profile lookup, decision, layout, per-recipient signed links) vs the bare
 *    route sending bodies of the same size;
 *  - publish-to-visible time, and the server's resident memory once every
 *    page of the snapshot has been served.
 * Every response is checked: one non-2xx answer or request error fails the
 * scenario.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'
import { getPayload } from 'payload'

import { compileSnapshot } from '../delivery/snapshot'
import { createTesseraConfig } from '../payload.config'

import { benchRow, type BenchRow, type Scenario, ScenarioFailure, type ScenarioOptions } from './scenario'
import { percentile, round } from './stats'
import { BENCH_API_KEY, BENCH_EDITOR, BENCH_PASSWORD, benchRecipients, recipientCustomer, workloadDatabase } from './workload'

const PORT = Number(process.env.BENCH_PORT ?? 3400)
/** Blocks of the HTTP and compile workload (50 per page): 10,000 unless BENCH_BLOCKS says otherwise. */
export const BENCH_BLOCKS = Number(process.env.BENCH_BLOCKS ?? 10_000)
const ORIGIN = `http://127.0.0.1:${PORT}`
const RENDER_AUTH = { Authorization: `Bearer ${BENCH_API_KEY}` }

export type LoadResult = { requests: number; requestsPerSecond: number; p50Ms: number; p99Ms: number; bytes: number }

export type EmailBatchResult = { batches: number; recipientsPerBatch: number; recipientsPerSecond: number; batchP50Ms: number; batchMaxMs: number; bytesPerBatch: number }

export type HttpMeasurement = {
  connections: number
  durationSeconds: number
  blocks: number
  renderApi: LoadResult
  payloadRest: LoadResult
  bareRoute: LoadResult
  websitePage: LoadResult
  plainNextPage: LoadResult
  emailBatch: EmailBatchResult
  /** The bare route sending the same bytes, batch after batch: the ceiling of the transport. */
  emailBaseline: EmailBatchResult
  publishToVisibleMs: number
  residentMemoryMb: { idle: number; afterAllPages: number }
}

const root = path.resolve(import.meta.dirname, '..')

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

async function waitForHealth(server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new ScenarioFailure(`The benchmark server exited with code ${server.exitCode}`)
    try {
      if ((await fetch(`${ORIGIN}/api/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
  throw new ScenarioFailure('The benchmark server did not become healthy')
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

type Request = { path: string; headers?: Record<string, string> }

/** One answer, checked: a non-2xx status fails the scenario, with what the server said. */
async function checked(request: Request, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(`${ORIGIN}${request.path}`, { ...init, headers: { ...request.headers, ...(init.headers as Record<string, string> | undefined) } })
  if (!response.ok) throw new ScenarioFailure(`${init.method ?? 'GET'} ${request.path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`)
  return response
}

/** autocannon over `requests` in turn; every response is counted and checked (status, errors, timeouts). */
/**
 * `allowNone` (quick smoke runs only): a window in which a slow route finished
 * no request, with no error, no timeout and no failed status, is too short to
 * measure, not a failure; it reports 0 req/s. A full run still fails on it.
 */
function load(name: string, options: { requests: Request[]; connections: number; duration: number; allowNone?: boolean }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = []
    const failures = new Map<number, number>()
    const instance = autocannon(
      {
        url: ORIGIN,
        connections: options.connections,
        duration: options.duration,
        // A slow answer is a latency, not an error: the plain Payload page (depth 2, 50 blocks) takes seconds under 50 connections.
        timeout: 60,
        requests: options.requests.map((request) => ({ method: 'GET', path: request.path, ...(request.headers ? { headers: request.headers } : {}) })),
      },
      (error, result) => {
        if (error) return reject(error)
        const problems = [...failures].map(([status, count]) => `${count} × ${status}`)
        if (result.errors > 0) problems.push(`${result.errors} request errors`)
        if (result.timeouts > 0) problems.push(`${result.timeouts} timeouts`)
        if (result.non2xx > 0 && failures.size === 0) problems.push(`${result.non2xx} non-2xx answers`)
        if (problems.length > 0) return reject(new ScenarioFailure(`${name}: ${problems.join(', ')}`))
        if (latencies.length === 0 && !options.allowNone) return reject(new ScenarioFailure(`${name}: no response at all`))
        resolve({
          requests: latencies.length,
          requestsPerSecond: Math.round(latencies.length / options.duration),
          p50Ms: latencies.length === 0 ? 0 : round(percentile(latencies, 50), 1),
          p99Ms: latencies.length === 0 ? 0 : round(percentile(latencies, 99), 1),
          bytes: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
        })
      },
    )
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime)
      if (statusCode < 200 || statusCode > 299) failures.set(statusCode, (failures.get(statusCode) ?? 0) + 1)
    })
  })
}

/** Varied contexts for the render API: segments, traits, both locales, cities, times, channels. */
function renderRequests(slug: string): Request[] {
  const contexts = [
    'segment=loyal-gold',
    'locale=fr&segment=first-visit',
    'trait.loyaltyTier=gold&trait.visits=7',
    'locale=fr&trait.loyaltyTier=silver&city=Lyon',
    'locale=fr&city=Paris&tz=Europe/Paris',
    'trait.visits=2&device=mobile',
    'locale=fr&country=BE&trait.interests=candles',
    'channel=email&trait.loyaltyTier=platinum',
    'channel=screen&store=lyon-bellecour',
    'locale=fr&segment=weekend&trait.visits=12',
  ]
  return contexts.map((context) => ({ path: `/api/render/${slug}?${context}`, headers: RENDER_AUTH }))
}

function batchResult(size: number, durations: number[], seconds: number, bytes: number): EmailBatchResult {
  return {
    batches: durations.length,
    recipientsPerBatch: size,
    recipientsPerSecond: Math.round((durations.length * size) / seconds),
    batchP50Ms: round(percentile(durations, 50), 1),
    batchMaxMs: round(Math.max(...durations), 1),
    bytesPerBatch: bytes,
  }
}

type BatchBody = { count: number; results: { index: number; ok: boolean; error?: { code: string; message: string } }[] }

/** `batches` batches of `size` recipients, one after another as an email platform sends them; every recipient must render. */
async function emailBatches(batches: number, size: number): Promise<EmailBatchResult> {
  const durations: number[] = []
  let bytes = 0
  const started = performance.now()
  for (let batch = 0; batch < batches; batch++) {
    const recipients = Array.from({ length: size }, (_, offset) => {
      const index = batch * size + offset
      return { customer: recipientCustomer(index), locale: index % 2 === 0 ? 'en' : 'fr' }
    })
    const begun = performance.now()
    const response = await checked(
      { path: '/api/render/newsletter/batch?channel=email', headers: { ...RENDER_AUTH, 'Content-Type': 'application/json' } },
      { method: 'POST', body: JSON.stringify({ recipients }) },
    )
    const text = await response.text()
    const body = JSON.parse(text) as BatchBody
    durations.push(performance.now() - begun)
    bytes = text.length
    const failed = body.results.filter((result) => !result.ok)
    if (body.count !== size || failed.length > 0) {
      throw new ScenarioFailure(`email batch ${batch}: ${failed.length} of ${size} recipients failed (${failed[0]?.error?.code}: ${failed[0]?.error?.message})`)
    }
  }
  return batchResult(size, durations, (performance.now() - started) / 1000, bytes)
}

/** The bare route answering bodies of the batch's size, as many times: what moving the bytes alone costs. */
async function transportBaseline(batches: number, size: number, bytes: number): Promise<EmailBatchResult> {
  const durations: number[] = []
  const started = performance.now()
  for (let batch = 0; batch < batches; batch++) {
    const begun = performance.now()
    await (await checked({ path: `/api/bench/static?bytes=${bytes}` })).text()
    durations.push(performance.now() - begun)
  }
  return batchResult(size, durations, (performance.now() - started) / 1000, bytes)
}

/** An editor publishes a new title for the page; how long until the render API serves it. */
async function publishToVisible(editor: Record<string, string>, slug: string): Promise<number> {
  const found = (await (await checked({ path: `/api/pages?where[slug][equals]=${slug}&depth=0&limit=1`, headers: editor })).json()) as { docs: { id: number }[] }
  const page = found.docs[0]
  if (!page) throw new ScenarioFailure(`Page ${slug} of the workload is missing`)
  const title = `Published at ${Date.now()}`
  const started = performance.now()
  await checked(
    { path: `/api/pages/${page.id}`, headers: { ...editor, 'Content-Type': 'application/json' } },
    { method: 'PATCH', body: JSON.stringify({ title, _status: 'published' }) },
  )
  while (performance.now() - started < 30_000) {
    const body = await (await checked({ path: `/api/render/${slug}?trait.visits=50`, headers: RENDER_AUTH })).text()
    if (body.includes(title)) return Math.round(performance.now() - started)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new ScenarioFailure('The published change was not visible through the render API within 30 s')
}

export async function measureHttp(options: { quick: boolean; log?: (message: string) => void }): Promise<HttpMeasurement> {
  const log = options.log ?? (() => {})
  const blocks = options.quick ? 100 : BENCH_BLOCKS
  const duration = options.quick ? 2 : 10
  const connections = options.quick ? 10 : 50
  const batches = 10
  const batchSize = options.quick ? 20 : 1000
  const directory = mkdtempSync(path.join(tmpdir(), 'tessera-http-bench-'))
  let server: ChildProcess | undefined
  try {
    log(`preparing the database (${blocks} blocks, ${batches * batchSize} recipient profiles)…`)
    const { databaseUri, mediaDir } = await workloadDatabase(directory, { blocks, recipients: benchRecipients(options.quick) })
    log('compiling the snapshot before the server starts (the compile scenario measures compiles)…')
    await compileWorkload(databaseUri, mediaDir)
    const { ensureBuild } = (await import('../scripts/build.mjs')) as { ensureBuild: () => void }
    ensureBuild()
    server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(PORT), '-H', '127.0.0.1'], {
      cwd: root,
      stdio: ['ignore', process.env.BENCH_SERVER_LOG ? openSync(process.env.BENCH_SERVER_LOG, 'w') : 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URI: databaseUri,
        MEDIA_DIR: mediaDir,
        PAYLOAD_SECRET: 'benchmark-secret-0123456789abcdef0123456789',
        TESSERA_SIGNING_KEYS: readFileSync(path.join(root, 'test/e2e/signing-keys.json'), 'utf8').trim(),
        TESSERA_PUBLIC_URL: ORIGIN,
        TESSERA_BENCH: '1',
        TESSERA_JOBS: 'off',
        NEXT_TELEMETRY_DISABLED: '1',
      },
    })
    await waitForHealth(server, 180_000)
    const idle = residentMemoryMb(server.pid!)

    const login = await checked(
      { path: '/api/users/login', headers: { 'Content-Type': 'application/json' } },
      { method: 'POST', body: JSON.stringify({ email: BENCH_EDITOR, password: BENCH_PASSWORD }) },
    )
    const { token } = (await login.json()) as { token: string }
    const editor = { Authorization: `JWT ${token}` }

    const slug = 'bench-0'
    const render = renderRequests(slug)
    const renderBytes = (await (await checked(render[0]!)).text()).length
    log('publish → visible…')
    const publishToVisibleMs = await publishToVisible(editor, slug)

    // The slowest baseline last: it leaves the most work queued behind it.
    const scenarios = {
      renderApi: render,
      bareRoute: [{ path: `/api/bench/static?bytes=${renderBytes}` }],
      websitePage: [{ path: `/${slug}` }, { path: `/${slug}?locale=fr` }],
      plainNextPage: [{ path: `/bench/plain/${slug}` }],
      payloadRest: [{ path: `/api/pages?where[slug][equals]=${slug}&depth=2&limit=1`, headers: editor }],
    }
    // Check every request once, warm every route (lazy route code, caches), then measure each on a settled server.
    for (const requests of Object.values(scenarios)) {
      // A fixed number of checked requests, not a timed window: a slow baseline on a loaded machine
      // may finish none in one second, and a warm-up is not a measurement.
      for (let round = 0; round < 10; round++) {
        for (const request of requests) await (await checked(request)).arrayBuffer()
      }
      await settle()
    }
    const results = {} as Record<keyof typeof scenarios, LoadResult>
    for (const [name, requests] of Object.entries(scenarios) as [keyof typeof scenarios, Request[]][]) {
      log(`${name}: ${connections} connections for ${duration} s…`)
      results[name] = await load(name, { requests, connections, duration, allowNone: options.quick })
      await settle()
    }

    log(`email batches: ${batches} × ${batchSize} recipients…`)
    // Not warmed: the first batch pays for its layout compiles, as the first send after a publish does.
    const emailBatch = await emailBatches(batches, batchSize)
    const emailBaseline = await transportBaseline(batches, batchSize, emailBatch.bytesPerBatch)

    log('serving every page once, for the memory figure…')
    for (let page = 0; page * 50 < blocks; page++) await (await checked({ path: `/api/render/bench-${page}`, headers: RENDER_AUTH })).arrayBuffer()
    const afterAllPages = residentMemoryMb(server.pid!)
    return { connections, durationSeconds: duration, blocks, ...results, emailBatch, emailBaseline, publishToVisibleMs, residentMemoryMb: { idle, afterAllPages } }
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve))
      server.kill('SIGTERM')
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
    }
    rmSync(directory, { recursive: true, force: true })
  }
}

/** Publishes the workload, in this process: the server then starts with a snapshot to serve, as after any publish. */
async function compileWorkload(databaseUri: string, mediaDir: string): Promise<void> {
  process.env.TESSERA_COMPILE_ON_PUBLISH = 'off'
  const payload = await getPayload({ config: createTesseraConfig({ databaseUri, mediaDir }), key: databaseUri })
  try {
    await compileSnapshot(payload, 'bench: prepare')
  } finally {
    await payload.destroy()
    delete process.env.TESSERA_COMPILE_ON_PUBLISH
  }
}

const rps = (result: LoadResult) => `${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`

/** Targets (issue 15): render API ≥ 75 % of the bare route; email ≥ 2,000 recipients/s; memory ≤ 400 MB. */
export function httpRows(http: HttpMeasurement, quick: boolean): BenchRow[] {
  const vsRest = round(http.renderApi.requestsPerSecond / Math.max(1, http.payloadRest.requestsPerSecond), 1)
  const vsBare = round((100 * http.renderApi.requestsPerSecond) / Math.max(1, http.bareRoute.requestsPerSecond), 0)
  const vsPlain = round(http.websitePage.requestsPerSecond / Math.max(1, http.plainNextPage.requestsPerSecond), 1)
  const email = http.emailBatch
  const emailShare = round((100 * email.recipientsPerSecond) / Math.max(1, http.emailBaseline.recipientsPerSecond), 0)
  return [
    benchRow(quick, { measure: 'Render API vs bare Next route, same bytes', tessera: rps(http.renderApi), baseline: rps(http.bareRoute), ratio: `${vsBare} %`, target: '≥ 75 %', met: vsBare >= 75 }),
    benchRow(quick, { measure: 'Render API vs Payload REST depth=2', tessera: rps(http.renderApi), baseline: rps(http.payloadRest), ratio: `${vsRest}×`, target: '≥ 10×', met: vsRest >= 10 }),
    benchRow(quick, { measure: 'Website page vs plain Next page (Local API)', tessera: rps(http.websitePage), baseline: rps(http.plainNextPage), ratio: `${vsPlain}×`, target: 'faster than plain', met: vsPlain >= 1 }),
    benchRow(quick, {
      measure: `Email batch over HTTP, ${email.batches} × ${email.recipientsPerBatch} recipients`,
      tessera: `${email.recipientsPerSecond} recipients/s (batch p50 ${email.batchP50Ms} ms)`,
      baseline: `bare route, same bytes: ${http.emailBaseline.recipientsPerSecond} recipients/s`,
      ratio: `${emailShare} %`,
      target: '≥ 2,000 recipients/s',
      met: email.recipientsPerSecond >= 2000,
    }),
    benchRow(quick, { measure: 'Publish → visible in render API', tessera: `${http.publishToVisibleMs} ms`, target: '≤ 5 s', met: http.publishToVisibleMs <= 5000 }),
    benchRow(quick, {
      measure: `Server memory, ${http.blocks}-block snapshot served`,
      tessera: `${http.residentMemoryMb.afterAllPages} MB RSS`,
      baseline: `${http.residentMemoryMb.idle} MB idle`,
      ratio: `${round(http.residentMemoryMb.afterAllPages / Math.max(1, http.residentMemoryMb.idle), 1)}×`,
      target: '≤ 400 MB',
      met: http.residentMemoryMb.afterAllPages <= 400,
    }),
  ]
}

export const httpScenario: Scenario = {
  name: 'http',
  async run({ quick, log }: ScenarioOptions) {
    const http = await measureHttp({ quick, log })
    return { rows: httpRows(http, quick), detail: http }
  },
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick')
  const http = await measureHttp({ quick, log: (message) => console.error(message) })
  console.log(JSON.stringify(http, null, 2))
  console.table(httpRows(http, quick))
  process.exit(0)
}
