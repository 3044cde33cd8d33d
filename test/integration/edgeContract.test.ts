/**
 * The edge renderer keeps the render API's contract, on every runtime: the
 * same requests go to the origin (the real handlers on a real database, over
 * HTTP) and to the edge bundle running on workerd, Deno and Node, and the
 * answers are compared byte for byte: status, body, and every header the
 * contract sets. The edge decides what it can verify itself (and says so in
 * X-Tessera-Edge), forwards the rest; it keeps serving its last good version
 * while the origin is away, and picks up a publish by revalidating. A runtime
 * that cannot be installed is SKIPPED, loudly.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findProfile, handleEventsRequest, profileKey } from '../../delivery/customers'
import { handleDeliveryBundle, handleDeliveryManifest, handleRenderRequest } from '../../delivery/render'
import { deliveryIdle } from '../../delivery/snapshot'
import { CONSENT_COOKIE, PROFILE_COOKIE, signConsentCookie, signProfileCookie } from '../../delivery/trust'
import { EventQueue } from '../../edge'
import { fetchServer } from '../../edge/node/server'
import { buildEdge } from '../../scripts/build-edge.mjs'
import { EDGE_RUNTIMES, runtimeBinary, startEdgeRuntime } from '../../scripts/edge-runtimes.mjs'
import { startDemo, type TestPayload } from './harness'

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100)
const ORIGIN_PORT = BASE_PORT + 41
const ORIGIN = `http://127.0.0.1:${ORIGIN_PORT}`
const RENDER_KEY = 'tsk_integration_edge_render_key_0123456789abcdef'
const EDGE_KEY = 'tsk_integration_edge_delivery_key_0123456789abcd'
const PUBLIC_URL = 'https://shop.maison-lumen.example'

type Runtime = { name: (typeof EDGE_RUNTIMES)[number]; port: number; skipReason?: string; process?: ChildProcess }

const RUNTIMES: Runtime[] = EDGE_RUNTIMES.map((name, index) => ({
  name,
  port: BASE_PORT + 42 + index,
  ...(runtimeBinary(name) ? {} : { skipReason: `${name} is not installed (npm install): the edge contract on ${name} is SKIPPED` }),
}))
for (const runtime of RUNTIMES) if (runtime.skipReason) console.warn(runtime.skipReason)

/** The headers the contract sets, compared byte for byte. */
const CONTRACT_HEADERS = ['status', 'content-type', 'cache-control', 'vary', 'etag', 'x-tessera-snapshot', 'x-tessera-personalized', 'x-tessera-ignored', 'content-security-policy', 'www-authenticate']

type Answer = { status: number; headers: Record<string, string | null>; body: string; edge: string | null }

async function ask(base: string, call: Call): Promise<Answer> {
  const response = await fetch(`${base}${call.path}`, { method: call.method ?? 'GET', headers: call.headers, body: call.body })
  // The one documented difference: the origin's screen documents name its update stream
  // (server-sent events, README "Real-time sharing"); the edge has none, so its screens poll.
  const bytes = Buffer.from(await response.arrayBuffer())
  const text = response.headers.get('content-type')?.startsWith('text/html') === true
  const body = (text ? Buffer.from(bytes.toString('utf8').replace(' data-updates="/api/updates"', '')) : bytes).toString('base64')
  const headers = Object.fromEntries(CONTRACT_HEADERS.filter((name) => name !== 'status').map((name) => [name, response.headers.get(name)]))
  return { status: response.status, headers, body, edge: response.headers.get('x-tessera-edge') }
}

type Call = { name: string; path: string; method?: string; headers?: Record<string, string>; body?: string; at: 'edge' | 'origin' }

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, tries = 600): Promise<T> {
  for (let attempt = 0; attempt < tries; attempt++) {
    const value = await probe().catch(() => undefined)
    if (value !== undefined) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`Gave up waiting for ${what}`)
}

/** Daypart and weekday decisions change on the hour: two sides asked a few ms apart must not straddle it. */
async function awayFromTheHour() {
  const intoHour = Date.now() % 3_600_000
  if (intoHour > 3_600_000 - 60_000) await new Promise((resolve) => setTimeout(resolve, 3_600_000 - intoHour + 2_000))
}

describe('the edge renderer', () => {
  let t: TestPayload
  let payload: Payload
  let origin: Server | undefined
  let scratch: string
  const savedPublicUrl = process.env.TESSERA_PUBLIC_URL
  let calls: Call[] = []

  const startOrigin = () =>
    new Promise<void>((resolve) => {
      origin = fetchServer(async (request) => {
        const { pathname } = new URL(request.url)
        if (pathname === '/api/delivery/manifest') return handleDeliveryManifest(payload, request)
        const bundle = /^\/api\/delivery\/bundles\/([^/]+)$/.exec(pathname)
        if (bundle) return handleDeliveryBundle(payload, request, bundle[1]!)
        if (pathname === '/api/events') return handleEventsRequest(payload, request)
        const render = /^\/api\/render\/([^/]+)$/.exec(pathname)
        if (render) return handleRenderRequest(payload, request, decodeURIComponent(render[1]!))
        return Response.json({ error: { code: 'not_found', message: 'Not here', issues: [] } }, { status: 404 })
      }, ORIGIN).listen(ORIGIN_PORT, '127.0.0.1', resolve)
    })
  /** Stops the origin at once: its keep-alive connections with the edges too (a real outage does not wait for them). */
  const stopOrigin = () =>
    new Promise<void>((resolve) => {
      if (!origin) return resolve()
      origin.close(() => resolve())
      origin.closeAllConnections()
    })

  beforeAll(async () => {
    // Links and media URLs are built from the public origin: the same on every side.
    process.env.TESSERA_PUBLIC_URL = PUBLIC_URL
    t = await startDemo({ name: 'sqlite' }, RENDER_KEY)
    payload = t.payload
    await payload.create({ collection: 'api-keys', data: { name: 'Edge renderers', scopes: ['delivery', 'events'], secret: EDGE_KEY } as never, overrideAccess: true })
    await startOrigin()

    scratch = mkdtempSync(path.join(tmpdir(), 'tessera-edge-'))
    const bundles = await buildEdge(scratch)
    for (const runtime of RUNTIMES) {
      if (!runtime.skipReason) runtime.process = await startEdgeRuntime(runtime.name, { port: runtime.port, origin: ORIGIN, key: EDGE_KEY, revalidateSeconds: 1, bundles })
    }

    const now = new Date().toISOString()
    const noPersonalization = `${CONSENT_COOKIE}=${await signConsentCookie({ purposes: ['necessary', 'analytics'], at: now })}`
    const withProfile = `${CONSENT_COOKIE}=${await signConsentCookie({ purposes: ['necessary', 'personalization'], at: now })}; ${PROFILE_COOKIE}=${await signProfileCookie({ visitor: 'edge-visitor', traits: { loyaltyTier: 'gold', visits: 12, firstName: 'Ada' } })}`
    const homeEtag = (await ask(ORIGIN, { name: '', path: '/api/render/home', at: 'origin' })).headers.etag!
    calls = [
      { name: 'home, JSON', path: '/api/render/home', at: 'edge' },
      { name: 'home, HTML fragment', path: '/api/render/home?format=html', at: 'edge' },
      { name: 'home in French by Accept-Language', path: '/api/render/home', headers: { 'accept-language': 'fr-FR,fr;q=0.9' }, at: 'edge' },
      { name: 'home from a phone in Lyon (platform geo headers, client hints)', path: '/api/render/home', headers: { 'cf-ipcountry': 'FR', 'cf-ipcity': 'Lyon', 'cf-timezone': 'Europe/Paris', 'sec-ch-ua-mobile': '?1' }, at: 'edge' },
      { name: 'home with stated context (country, UTM, store)', path: '/api/render/home?country=FR&utm_source=newsletter&utm_campaign=autumn&device=desktop&tz=Europe/Paris', at: 'edge' },
      { name: 'home with what a stranger may not state (ignored, listed)', path: '/api/render/home?segment=vip&trait.loyaltyTier=gold&debug=1&visitor=v-1', at: 'edge' },
      { name: 'home POSTed as JSON', path: '/api/render/home', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locale: 'fr', geo: { country: 'FR' } }), at: 'edge' },
      { name: 'home with a consent cookie (no personalization), verified by public key', path: '/api/render/home', headers: { cookie: noPersonalization }, at: 'edge' },
      { name: 'home revalidated: 304', path: '/api/render/home', headers: { 'if-none-match': homeEtag }, at: 'edge' },
      { name: 'home HEAD', path: '/api/render/home', method: 'HEAD', at: 'edge' },
      { name: 'candles page', path: '/api/render/candles?locale=fr', at: 'edge' },
      { name: 'store screen, JSON', path: '/api/render/store-screen', at: 'edge' },
      { name: 'store screen, HTML document', path: '/api/render/store-screen?format=html&width=1080&height=1920&refresh=15', at: 'edge' },
      { name: 'an invalid locale: 400 naming it', path: '/api/render/home?locale=xx', at: 'edge' },
      { name: 'an unknown format: 400', path: '/api/render/home?format=pdf', at: 'edge' },
      { name: 'a format the channel does not render: 400', path: '/api/render/home?format=png', at: 'origin' },
      { name: 'a screen too large: 413', path: '/api/render/store-screen?format=html&width=8000&height=8000', at: 'edge' },
      { name: 'a page that does not exist: 404', path: '/api/render/nowhere', at: 'edge' },
      { name: 'a body that is not JSON: 415', path: '/api/render/home', method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x', at: 'edge' },
      { name: 'a visitor with our profile cookie (their profile is the origin’s)', path: '/api/render/home', headers: { cookie: withProfile }, at: 'origin' },
      { name: 'an API key (known to the origin only)', path: '/api/render/home?segment=vip', headers: { authorization: `Bearer ${RENDER_KEY}` }, at: 'origin' },
      { name: 'a wrong API key: 401', path: '/api/render/home', headers: { authorization: 'Bearer tsk_wrong_key_0123456789abcdefghijklmnopqrstu' }, at: 'origin' },
      { name: 'an email (rendered on the origin)', path: '/api/render/newsletter', at: 'origin' },
    ]
  }, 240_000)

  afterAll(async () => {
    for (const runtime of RUNTIMES) runtime.process?.kill('SIGTERM')
    await stopOrigin()
    await t?.close()
    if (scratch) rmSync(scratch, { recursive: true, force: true })
    if (savedPublicUrl === undefined) delete process.env.TESSERA_PUBLIC_URL
    else process.env.TESSERA_PUBLIC_URL = savedPublicUrl
  })

  it('reads the snapshot through the delivery endpoints only with the delivery scope', async () => {
    expect((await fetch(`${ORIGIN}/api/delivery/manifest`)).status).toBe(401)
    expect((await fetch(`${ORIGIN}/api/delivery/manifest`, { headers: { authorization: `Bearer ${RENDER_KEY}` } })).status).toBe(403)
    const manifest = await fetch(`${ORIGIN}/api/delivery/manifest`, { headers: { authorization: `Bearer ${EDGE_KEY}` } })
    expect(manifest.status).toBe(200)
    expect(manifest.headers.get('cache-control')).toBe('private, no-cache')
    const body = (await manifest.json()) as { manifest: { pages: Record<string, { bundle: string }> }; keys: { keys: Record<string, unknown>[] } }
    expect(body.keys.keys.every((key) => !('d' in key))).toBe(true)
    const again = await fetch(`${ORIGIN}/api/delivery/manifest`, { headers: { authorization: `Bearer ${EDGE_KEY}`, 'if-none-match': manifest.headers.get('etag')! } })
    expect(again.status).toBe(304)
    const hash = body.manifest.pages.home!.bundle
    const bundle = await fetch(`${ORIGIN}/api/delivery/bundles/${hash}`, { headers: { authorization: `Bearer ${EDGE_KEY}` } })
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('cache-control')).toBe('private, max-age=31536000, immutable')
    expect((await fetch(`${ORIGIN}/api/delivery/bundles/${hash}`, { headers: { authorization: `Bearer ${EDGE_KEY}`, 'if-none-match': `"${hash}"` } })).status).toBe(304)
    expect((await fetch(`${ORIGIN}/api/delivery/bundles/${'0'.repeat(24)}`, { headers: { authorization: `Bearer ${EDGE_KEY}` } })).status).toBe(404)
    expect((await fetch(`${ORIGIN}/api/delivery/bundles/..%2Fsecrets`, { headers: { authorization: `Bearer ${EDGE_KEY}` } })).status).toBe(400)
  })

  it('sends the events it learns to the origin’s events API in batches, keeping them while the origin is away', async () => {
    const queue = new EventQueue({ origin: ORIGIN, eventsKey: EDGE_KEY, batchSize: 2 })
    const visitor = `edge-events-${Date.now()}`
    const at = new Date().toISOString()
    queue.add({ idempotencyKey: `${visitor}-consent`, type: 'consent_change', visitor, consents: { analytics: true }, occurredAt: at })
    for (const index of [1, 2, 3]) queue.add({ idempotencyKey: `${visitor}-view-${index}`, type: 'page_view', name: 'home', visitor, occurredAt: at })
    await stopOrigin()
    try {
      await queue.flush()
      expect(queue.size).toBe(4)
    } finally {
      await startOrigin()
    }
    await queue.flush()
    expect(queue.size).toBe(0)
    const profile = await findProfile(payload, profileKey.visitor(visitor))
    expect(Object.keys(profile!.consents)).toContain('analytics')
    const { totalDocs } = await payload.find({ collection: 'profile-events', where: { profile: { equals: profile!.id }, type: { equals: 'page_view' } }, limit: 0 })
    expect(totalDocs).toBe(3)
  })

  for (const runtime of RUNTIMES) {
    describe.skipIf(Boolean(runtime.skipReason))(`on ${runtime.name}`, () => {
      const edge = `http://127.0.0.1:${runtime.port}`
      /** Waits until the edge serves the origin's live version (another runtime's test may have published). */
      const inSync = async () => {
        const live = (await ask(ORIGIN, { name: '', path: '/api/render/home', at: 'origin' })).headers['x-tessera-snapshot']
        await waitFor(`${runtime.name} to serve ${live}`, async () => ((await fetch(`${edge}/api/render/home`)).headers.get('x-tessera-snapshot') === live ? true : undefined))
        return live!
      }

      it('answers every request of the contract exactly as the origin does', async () => {
        await awayFromTheHour()
        await inSync()
        for (const call of calls) {
          const [fromOrigin, fromEdge] = await Promise.all([ask(ORIGIN, call), ask(edge, call)])
          expect({ call: call.name, status: fromEdge.status, headers: fromEdge.headers, body: fromEdge.body }).toEqual({ call: call.name, status: fromOrigin.status, headers: fromOrigin.headers, body: fromOrigin.body })
          expect({ call: call.name, edge: fromEdge.edge }).toEqual({ call: call.name, edge: call.at === 'edge' ? 'decided' : 'forwarded' })
          // Asked again: what a shared cache may store now comes from the edge's memory, and must be the same bytes.
          const again = await ask(edge, call)
          expect({ call: `${call.name}, again`, status: again.status, headers: again.headers, body: again.body, edge: again.edge }).toEqual({
            call: `${call.name}, again`,
            status: fromOrigin.status,
            headers: fromOrigin.headers,
            body: fromOrigin.body,
            edge: fromEdge.edge,
          })
        }
      })

      it('keeps serving its last good version while the origin is away, and picks up a publish when it is back', async () => {
        const version = await inSync()
        await stopOrigin()
        try {
          for (const path of ['/api/render/home', '/api/render/candles?format=html', '/api/render/store-screen?format=html']) {
            const response = await fetch(`${edge}${path}`)
            expect([path, response.status, response.headers.get('x-tessera-snapshot'), response.headers.get('x-tessera-edge')]).toEqual([path, 200, version, 'decided'])
          }
          // What needs the origin says so.
          const keyed = await fetch(`${edge}/api/render/home`, { headers: { authorization: `Bearer ${RENDER_KEY}` } })
          expect(keyed.status).toBe(502)
          expect(((await keyed.json()) as { error: { code: string } }).error.code).toBe('origin_unreachable')
        } finally {
          await startOrigin()
        }

        const hero = (await payload.find({ collection: 'blocks', where: { name: { equals: 'Home hero' } } })).docs[0]!
        const headline = `Edge on ${runtime.name}, ${Date.now()}`
        await payload.update({ collection: 'blocks', id: hero.id, data: { content: { headline }, _status: 'published' } as never })
        await deliveryIdle(payload)
        const published = (await ask(ORIGIN, { name: '', path: '/api/render/home', at: 'origin' })).headers['x-tessera-snapshot']
        expect(published).not.toBe(version)
        const served = await waitFor('the edge to serve the new version', async () => {
          const response = await fetch(`${edge}/api/render/home`)
          return response.headers.get('x-tessera-snapshot') === published ? ((await response.json()) as { blocks: { content: { headline?: string } }[] }) : undefined
        })
        expect(served.blocks[0]!.content.headline).toBe(headline)
      })
    })
  }
})
