/**
 * The render API over real HTTP, against `next start` on the demo database,
 * asked through the typed client (client/) as a headless site would, and
 * through Playwright's request context for what the client does not model.
 */
import { expect, test } from '@playwright/test'

import { createTesseraClient, renderPage } from '../../client'
import { DEMO, restAsEditor } from './helpers'

const withKey = { Authorization: `Bearer ${DEMO.apiKey}` }

type RenderJson = {
  snapshot: { version: string }
  personalized: boolean
  ignored: string[]
  blocks: { variant: { id: string; label: string }; content: { headline?: string } }[]
  trace?: { slots: { chosen: string; candidates: { variant: string; kept: boolean; reason: string }[] }[] }
  error?: { code: string; issues: { path: string; message: string }[] }
}

test('two API-key callers asserting first-visit and loyal-gold get different home heroes', async ({ baseURL }) => {
  const tessera = createTesseraClient({ baseUrl: baseURL!, apiKey: DEMO.apiKey })
  const first = await renderPage(tessera, 'home', { segment: 'first-visit' })
  const gold = await renderPage(tessera, 'home', { segment: 'loyal-gold' })
  expect(first.response.status).toBe(200)
  expect(gold.response.status).toBe(200)
  const firstHero = first.data!.blocks[0]!
  const goldHero = gold.data!.blocks[0]!
  expect(firstHero.variant.label).toBe('First visit')
  expect(goldHero.variant.label).toBe('Gold members')
  expect(goldHero.content.headline).not.toBe(firstHero.content.headline)
})

test('a public request cannot choose its own segment', async ({ baseURL }) => {
  const { data, response } = await renderPage(createTesseraClient({ baseUrl: baseURL! }), 'home', { segment: 'loyal-gold' })
  expect(response.status).toBe(200)
  expect(data!.blocks[0]!.variant.label).not.toBe('Gold members')
  expect(data!.ignored).toContain('segment')
  expect(data!.personalized).toBe(false)
})

test('the API describes itself: an OpenAPI document the typed client is made from, and a reference page that loads nothing from elsewhere', async ({ page, request, baseURL }) => {
  const document = await request.get('/api/openapi.json')
  expect(document.status()).toBe(200)
  expect(((await document.json()) as { openapi: string }).openapi).toBe('3.1.0')
  const elsewhere: string[] = []
  page.on('request', (asked) => {
    if (!asked.url().startsWith(baseURL!) && !asked.url().startsWith('data:') && !asked.url().startsWith('blob:')) elsewhere.push(asked.url())
  })
  await page.goto('/api/docs')
  await expect(page.getByText('Render a page for a context given in the query string').first()).toBeVisible()
  expect(elsewhere).toEqual([])
})

test('?channel=screen never returns an email-only variant', async ({ request }) => {
  for (const query of ['channel=screen&debug=1', 'channel=screen&debug=1&segment=loyal-gold', 'channel=screen&debug=1&tone=friendly&length=long']) {
    const json = (await (await request.get(`/api/render/home?${query}`, { headers: withKey })).json()) as RenderJson
    const emailOnly = json.trace!.slots.flatMap((slot) => slot.candidates.filter((candidate) => /^for email only/.test(candidate.reason)))
    expect(emailOnly.length).toBeGreaterThan(0)
    for (const slot of json.trace!.slots) {
      expect(emailOnly.map((candidate) => candidate.variant)).not.toContain(slot.chosen)
      expect(slot.candidates.find((candidate) => candidate.variant === slot.chosen)?.kept).toBe(true)
    }
  }
})

test('a malformed context gets a 400 naming the field', async ({ request }) => {
  const bad = await request.get('/api/render/home?channel=fax', { headers: withKey })
  expect(bad.status()).toBe(400)
  const json = (await bad.json()) as RenderJson
  expect(json.error?.code).toBe('invalid_context')
  expect(json.error?.issues[0]?.path).toBe('channel')

  const body = await request.post('/api/render/home', { headers: withKey, data: { geo: { country: 'France' } } })
  expect(body.status()).toBe(400)
  expect(((await body.json()) as RenderJson).error?.issues[0]?.path).toBe('geo.country')
})

test('ETag and If-None-Match give 304 for an unchanged decision', async ({ request }) => {
  const first = await request.get('/api/render/home?segment=loyal-gold', { headers: withKey })
  const etag = first.headers().etag!
  expect(etag).toBeTruthy()
  const again = await request.get('/api/render/home?segment=loyal-gold', { headers: { ...withKey, 'If-None-Match': etag } })
  expect(again.status()).toBe(304)
  const other = await request.get('/api/render/home?segment=first-visit', { headers: { ...withKey, 'If-None-Match': etag } })
  expect(other.status()).toBe(200)
})

test('Cache-Control is private exactly when the decision used visitor data', async ({ request }) => {
  const anonymous = await request.get('/api/render/home')
  expect(((await anonymous.json()) as RenderJson).personalized).toBe(false)
  expect(anonymous.headers()['cache-control']).toMatch(/^public, .*s-maxage=\d+/)

  const publicWithSegment = await request.get('/api/render/home?segment=loyal-gold')
  expect(publicWithSegment.headers()['cache-control']).toMatch(/^public/)

  const keyed = await request.get('/api/render/home?segment=loyal-gold', { headers: withKey })
  expect(((await keyed.json()) as RenderJson).personalized).toBe(true)
  expect(keyed.headers()['cache-control']).toMatch(/^private/)
})

test('a publish is visible through the render API and the site within seconds', async ({ request }) => {
  const rest = await restAsEditor(request)
  const found = await rest('/api/blocks?where[name][equals]=Delivery%20promise&depth=0')
  const block = found.docs[0]
  const login = await request.post('/api/users/login', { data: { email: DEMO.editorEmail, password: DEMO.password } })
  const { token } = await login.json()
  const sentence = `Free delivery everywhere, published at ${Date.now()}`
  const body = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text: sentence, version: 1 }], version: 1 }], version: 1 }
  const update = await request.patch(`/api/blocks/${block.id}`, {
    headers: { Authorization: `JWT ${token}` },
    data: { content: { ...block.content, body: { root: body } }, _status: 'published' },
  })
  expect(update.status()).toBe(200)

  const started = Date.now()
  await expect
    .poll(async () => (await (await request.get('/api/render/home?trait.visits=3', { headers: withKey })).text()).includes(sentence), { timeout: 5_000, intervals: [100, 250, 500] })
    .toBe(true)
  // The website is not served from a stale cache either.
  await expect
    .poll(async () => (await (await request.get('/')).text()).includes(sentence), { timeout: 5_000, intervals: [100, 250, 500] })
    .toBe(true)
  expect(Date.now() - started).toBeLessThan(5_000)
})
