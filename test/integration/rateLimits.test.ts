/**
 * Rate limits on every endpoint a stranger can reach, through the real
 * handlers on a real Payload instance (SQLite: limits do not depend on the
 * database). Each test sets small limits through the environment, as an
 * operator would, so the N+1th call is refused however fast or slow the
 * machine: 429, `Retry-After`, never cacheable. An API key spends from its
 * own budget, never the public's.
 */
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { handleConsentPost, handleEventsRequest, handleIdentify, handlePreferencesPost, handleUnsubscribePost, newIdempotencyKey } from '../../delivery/customers'
import { forgetRateLimits, rateLimitVariable, type RateLimitName } from '../../delivery/limits'
import { handleRenderBatch, handleRenderRequest } from '../../delivery/render'
import { deliveryIdle } from '../../delivery/snapshot'
import { CONSENT_COOKIE, forgetApiKeys, limitLogins, PROFILE_COOKIE, signConsentCookie, signProfileCookie, signRecipientToken } from '../../delivery/trust'
import { seedDemo } from '../../migrations/demo/seed'
import { startPayload, type TestPayload } from './harness'

const KEY = 'tsk_integration_rate_limits_key_0123456789abcdef'
const BASE = 'http://tessera.test'
const PASSWORD = 'a-long-password'

type Init = { from: string; key?: string; cookie?: string; json?: unknown; form?: Record<string, string>; method?: string }

/** A request as `next start` passes it on behind one proxy: the client's address in X-Forwarded-For. */
function request(path: string, { from, key, cookie, json, form, method }: Init): Request {
  const headers = new Headers({ 'x-forwarded-for': from, origin: BASE })
  if (key) headers.set('authorization', `Bearer ${key}`)
  if (cookie) headers.set('cookie', cookie)
  let body: string | undefined
  if (json !== undefined) {
    headers.set('content-type', 'application/json')
    body = JSON.stringify(json)
  } else if (form) {
    headers.set('content-type', 'application/x-www-form-urlencoded')
    body = new URLSearchParams(form).toString()
  }
  return new Request(`${BASE}${path}`, { method: method ?? (body === undefined ? 'GET' : 'POST'), headers, body })
}

/** Sets limits as an operator does (TESSERA_RATE_LIMIT_*), on fresh limiters. */
function limits(settings: Partial<Record<RateLimitName, string>>): void {
  for (const [name, value] of Object.entries(settings)) process.env[rateLimitVariable(name as RateLimitName)] = value
  forgetRateLimits()
}

async function expectRateLimited(response: Response, message: RegExp, windowSeconds = 60): Promise<void> {
  expect(response.status).toBe(429)
  const retryAfter = response.headers.get('retry-after')
  expect(retryAfter).toMatch(/^\d+$/)
  expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
  expect(Number(retryAfter)).toBeLessThanOrEqual(windowSeconds)
  // Never stored by a shared cache, never varying: a limit does not change what another visitor gets.
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect(response.headers.get('vary')).toBeNull()
  const body = (await response.json()) as { error: { code: string; message: string; issues: unknown[] } }
  expect(body.error.code).toBe('rate_limited')
  expect(body.error.issues).toEqual([])
  expect(body.error.message).toMatch(message)
  expect(body.error.message).toContain(`Try again in ${retryAfter} s`)
}

describe('rate limits', () => {
  let t: TestPayload
  let payload: Payload

  const siteCookies = async (visitor: string) =>
    `${CONSENT_COOKIE}=${await signConsentCookie({ purposes: ['necessary', 'analytics'], at: new Date().toISOString() })}; ${PROFILE_COOKIE}=${await signProfileCookie({ visitor })}`
  const pageView = () => ({ idempotencyKey: newIdempotencyKey(), type: 'page_view', category: 'candles' })
  const render = (path: string, init: Init) => handleRenderRequest(payload, request(path, init), path.split('?')[0]!.split('/').pop()!)
  const png = (width: number, height: number, init: Init) => render(`/api/render/store-screen?format=png&store=lyon-bellecour&width=${width}&height=${height}`, init)
  const profiles = async () => (await payload.count({ collection: 'profiles' })).totalDocs

  beforeAll(async () => {
    t = await startPayload({ name: 'sqlite' })
    payload = t.payload
    await seedDemo(payload, { adminEmail: 'a@x.test', editorEmail: 'e@x.test', reviewerEmail: 'r@x.test', password: PASSWORD, apiKey: KEY })
    await deliveryIdle(payload)
  })
  afterEach(() => {
    for (const name of Object.keys(process.env)) if (name.startsWith('TESSERA_RATE_LIMIT_')) delete process.env[name]
    forgetRateLimits()
    forgetApiKeys(payload)
    vi.restoreAllMocks()
  })
  afterAll(async () => t?.close())

  it('consent: an address makes 3 choices a minute; the 4th is refused and creates no profile', async () => {
    limits({ consent: '3/1m' })
    const choose = (from: string) => handleConsentPost(payload, request('/api/consent', { from, json: { purposes: ['personalization'] } }))
    for (let choice = 0; choice < 3; choice++) expect((await choose('203.0.113.10')).status).toBe(200)
    const before = await profiles()
    await expectRateLimited(await choose('203.0.113.10'), /Too many consent choices: at most 3 per 1 min/)
    expect(await profiles()).toBe(before)
    expect((await choose('203.0.113.11')).status).toBe(200)
  })

  it('consent: a client cannot get a fresh budget by prepending addresses to X-Forwarded-For', async () => {
    limits({ consent: '2/1m' })
    const choose = (forwarded: string) => handleConsentPost(payload, request('/api/consent', { from: forwarded, json: { purposes: [] } }))
    expect((await choose('203.0.113.12')).status).toBe(200)
    expect((await choose('198.51.100.1, 203.0.113.12')).status).toBe(200)
    await expectRateLimited(await choose('198.51.100.2, 203.0.113.12'), /consent choices/)
  })

  it('site events: a visitor sends 2 batches a minute and an address 3; an events key from that address is limited by neither', async () => {
    limits({ siteEventsPerVisitor: '2/1m', siteEvents: '3/1m' })
    const fromSite = async (from: string, visitor: string) => handleEventsRequest(payload, request('/api/events', { from, cookie: await siteCookies(visitor), json: { events: [pageView()] } }))
    expect((await fromSite('203.0.113.20', 'visitor-rl-1')).status).toBe(200)
    expect((await fromSite('203.0.113.20', 'visitor-rl-1')).status).toBe(200)
    await expectRateLimited(await fromSite('203.0.113.20', 'visitor-rl-1'), /event batches from this visitor: at most 2/)
    await expectRateLimited(await fromSite('203.0.113.20', 'visitor-rl-2'), /event batches from the website: at most 3/)
    expect((await fromSite('203.0.113.21', 'visitor-rl-2')).status).toBe(200)

    const withKey = await handleEventsRequest(payload, request('/api/events', { from: '203.0.113.20', key: KEY, json: { events: [{ ...pageView(), customer: 'crm-rl' }] } }))
    expect(withKey.status).toBe(200)
  })

  it('site events: the website sends at most 50 events a batch (413 beyond); a key still sends 1,000', async () => {
    const batch = async (count: number, key?: string) => {
      const events = Array.from({ length: count }, () => (key ? { ...pageView(), customer: 'crm-rl-batch' } : pageView()))
      return handleEventsRequest(payload, request('/api/events', { from: '203.0.113.22', key, cookie: key ? undefined : await siteCookies('visitor-rl-batch'), json: { events } }))
    }
    expect((await batch(50)).status).toBe(200)
    const tooMany = await batch(51)
    expect(tooMany.status).toBe(413)
    expect(((await tooMany.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'invalid_events', message: expect.stringMatching(/at most 50 events/) })
    expect((await batch(1000, KEY)).status).toBe(200)
  }, 120_000)

  it('preferences: each signed link may change 2 lists a minute, and each address 3', async () => {
    limits({ preferencesPerLink: '2/1m', preferences: '3/1m' })
    const first = await signRecipientToken({ customer: 'crm-rl-pref-1', list: 'newsletter' })
    const second = await signRecipientToken({ customer: 'crm-rl-pref-2', list: 'newsletter' })
    const change = (from: string, token: string) => handlePreferencesPost(payload, request('/api/preferences', { from, form: { token, list: 'newsletter', action: 'subscribe' } }))
    expect((await change('203.0.113.30', first)).status).toBe(303)
    expect((await change('203.0.113.30', first)).status).toBe(303)
    await expectRateLimited(await change('203.0.113.30', first), /preference changes from this link: at most 2/)
    await expectRateLimited(await change('203.0.113.30', second), /preference changes: at most 3/)
    expect((await change('203.0.113.31', second)).status).toBe(303)
  })

  it('one-click unsubscribe: each link may post 2 times a minute; a mailbox provider’s address is limited only far above', async () => {
    limits({ unsubscribePerLink: '2/1m', unsubscribe: '4/1m' })
    const oneClick = (from: string, token: string) =>
      handleUnsubscribePost(payload, request(`/api/unsubscribe?token=${token}`, { from, form: { 'List-Unsubscribe': 'One-Click' } }))
    const links = await Promise.all(['a', 'b', 'c'].map((recipient) => signRecipientToken({ customer: `crm-rl-unsub-${recipient}`, list: 'newsletter' })))
    expect((await oneClick('192.0.2.40', links[0]!)).status).toBe(200)
    expect((await oneClick('192.0.2.40', links[0]!)).status).toBe(200)
    await expectRateLimited(await oneClick('192.0.2.40', links[0]!), /unsubscribes from this link: at most 2/)
    expect((await oneClick('192.0.2.40', links[1]!)).status).toBe(200)
    await expectRateLimited(await oneClick('192.0.2.40', links[2]!), /one-click unsubscribes: at most 4/)
    expect((await oneClick('192.0.2.41', links[2]!)).status).toBe(200)
  })

  it('public render: an address renders 3 pages a minute; an API key from the same address is not throttled', async () => {
    limits({ publicRender: '3/1m' })
    for (let call = 0; call < 3; call++) {
      const served = await render('/api/render/home', { from: '203.0.113.50' })
      expect(served.status).toBe(200)
      expect(served.headers.get('cache-control')).toMatch(/^public/)
    }
    await expectRateLimited(await render('/api/render/home', { from: '203.0.113.50' }), /public render requests: at most 3/)
    expect((await render('/api/render/home', { from: '203.0.113.50', key: KEY })).status).toBe(200)
    expect((await render('/api/render/home', { from: '203.0.113.51' })).status).toBe(200)
  })

  it('render with a key: the key has its own budget, apart from the public’s', async () => {
    limits({ keyRender: '2/1m', publicRender: '1/1m' })
    expect((await render('/api/render/home', { from: '203.0.113.52', key: KEY })).status).toBe(200)
    expect((await render('/api/render/home', { from: '203.0.113.53', key: KEY })).status).toBe(200)
    await expectRateLimited(await render('/api/render/home', { from: '203.0.113.54', key: KEY }), /render requests with this key: at most 2/)
    expect((await render('/api/render/home', { from: '203.0.113.52' })).status).toBe(200)
  })

  it('screen PNGs: the public gets 2 cold renders a minute; one already in memory costs nothing; a key is not limited by it', async () => {
    limits({ coldPng: '2/1m' })
    const from = '203.0.113.60'
    expect((await png(1000, 600, { from })).status).toBe(200)
    expect((await png(1000, 600, { from })).status).toBe(200)
    expect((await png(1000, 600, { from })).status).toBe(200)
    expect((await png(600, 1000, { from })).status).toBe(200)
    await expectRateLimited(await png(800, 480, { from }), /screen PNGs not yet rendered: at most 2/)
    const withKey = await png(800, 480, { from, key: KEY })
    expect(withKey.status).toBe(200)
    expect(withKey.headers.get('content-type')).toBe('image/png')
  }, 60_000)

  it('batches: a key spends one point per recipient', async () => {
    limits({ keyBatchRecipients: '5/1m' })
    const batch = (count: number) =>
      handleRenderBatch(payload, request('/api/render/newsletter/batch?channel=email', { from: '203.0.113.70', key: KEY, json: { recipients: Array.from({ length: count }, (_, index) => ({ customer: `c-${index}` })) } }), 'newsletter')
    expect((await batch(3)).status).toBe(200)
    expect((await batch(2)).status).toBe(200)
    await expectRateLimited(await batch(1), /batch recipients with this key: at most 5/)
  })

  it('events and identify with a key: each has the key’s own budget', async () => {
    limits({ keyEvents: '2/1m', keyIdentify: '1/1m' })
    const events = () => handleEventsRequest(payload, request('/api/events', { from: '203.0.113.80', key: KEY, json: { events: [{ ...pageView(), customer: 'crm-rl-key' }] } }))
    const identify = () => handleIdentify(payload, request('/api/identify', { from: '203.0.113.80', key: KEY, json: { visitor: 'visitor-rl-identify', customer: 'crm-rl-key' } }))
    expect((await events()).status).toBe(200)
    expect((await events()).status).toBe(200)
    await expectRateLimited(await events(), /event batches with this key: at most 2/)
    expect((await identify()).status).toBe(200)
    await expectRateLimited(await identify(), /identify calls with this key: at most 1/)
  })

  it('invalid API keys: an address has 3 failed attempts a minute, then is refused before any database lookup; a good key costs none', async () => {
    limits({ apiKeyFailures: '3/1m' })
    const from = '203.0.113.90'
    const guess = (secret: string) => render('/api/render/home', { from, key: secret })
    // A good key, looked up then refunded: it leaves the budget whole.
    expect((await guess(KEY)).status).toBe(200)
    expect((await guess('tsk_guess_0000000000000000000000000000000001')).status).toBe(401)
    expect((await guess('tsk_guess_0000000000000000000000000000000002')).status).toBe(401)
    expect((await guess('not-even-a-key')).status).toBe(401)

    const lookups = vi.spyOn(payload, 'find')
    await expectRateLimited(await guess('tsk_guess_0000000000000000000000000000000003'), /failed API key attempts: at most 3/)
    expect(lookups.mock.calls.filter(([query]) => query.collection === 'api-keys')).toEqual([])
    // A key known to be good is still served from that address; other addresses keep their own budget.
    expect((await guess(KEY)).status).toBe(200)
    expect((await render('/api/render/home', { from: '203.0.113.91', key: 'tsk_guess_0000000000000000000000000000000004' })).status).toBe(401)
  })

  describe('Payload’s login', () => {
    const login = limitLogins((req, { params }) =>
      params.then(({ slug }) => handleEndpoints({ config: payload.config, path: `/api/${slug.join('/')}`, request: req, payloadInstanceCacheKey: t.databaseUri })),
    )
    const attempt = (from: string, email: string, password: string, path = ['users', 'login']) =>
      login(request(`/api/${path.join('/')}`, { from, json: { email, password } }), { params: Promise.resolve({ slug: path }) })

    it('counts failed logins per address; logins that succeed cost nothing', async () => {
      limits({ loginFailures: '3/10m' })
      const from = '203.0.113.100'
      for (let session = 0; session < 4; session++) expect((await attempt(from, 'e@x.test', PASSWORD)).status).toBe(200)
      for (const email of ['nobody-1@x.test', 'nobody-2@x.test', 'nobody-3@x.test']) expect((await attempt(from, email, 'wrong-password')).status).toBe(401)
      await expectRateLimited(await attempt(from, 'nobody-4@x.test', 'wrong-password'), /failed logins: at most 3 per 10 min/, 600)
      // However the path is spelled, Payload routes it to login, and so do the limits.
      await expectRateLimited(await attempt(from, 'nobody-5@x.test', 'wrong-password', ['users', 'LOGIN']), /failed logins/, 600)
      expect((await attempt('203.0.113.101', 'nobody-4@x.test', 'wrong-password')).status).toBe(401)
    })

    it('counts failed logins per account, from every address', async () => {
      limits({ loginFailuresPerEmail: '2/10m' })
      expect((await attempt('203.0.113.110', 'r@x.test', 'wrong-password')).status).toBe(401)
      expect((await attempt('203.0.113.111', 'R@X.test', 'wrong-password')).status).toBe(401)
      await expectRateLimited(await attempt('203.0.113.112', 'r@x.test', 'wrong-password'), /failed logins to this account: at most 2/, 600)
      expect((await attempt('203.0.113.112', 'a@x.test', PASSWORD)).status).toBe(200)
    })
  })
})
