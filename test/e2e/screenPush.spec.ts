/**
 * A store screen in Chromium follows publishes through the update stream
 * (GET /api/updates, server-sent events) and, when the stream is cut, through
 * its ETag poll, keeping the last good slides on screen meanwhile.
 *
 * The screen document's slides are `<section data-slide data-tessera-block="<block id>"
 * data-tessera-variant="<variant id or default>">` with the headline in
 * `h2.headline` (channels/screen/html.ts); the block id is Payload's document id.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { DEMO } from './helpers'

type Block = { id: number; content: Record<string, unknown>; variants?: { id: string; content?: Record<string, unknown> }[] }

async function editorToken(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/users/login', { data: { email: DEMO.editorEmail, password: DEMO.password } })
  expect(login.ok()).toBe(true)
  return ((await login.json()) as { token: string }).token
}

async function screenWelcome(request: APIRequestContext, token: string): Promise<Block> {
  const found = await request.get('/api/blocks?where[name][equals]=Screen%20welcome&depth=0', { headers: { Authorization: `JWT ${token}` } })
  expect(found.ok()).toBe(true)
  return ((await found.json()) as { docs: Block[] }).docs[0]!
}

/** Publishes `headline` on the variant the screen shows (or the default content), in the screen's locale. */
async function publishHeadline(request: APIRequestContext, token: string, blockId: number, variant: string, locale: string, headline: string) {
  const read = await request.get(`/api/blocks/${blockId}?depth=0&locale=${locale}`, { headers: { Authorization: `JWT ${token}` } })
  expect(read.ok()).toBe(true)
  const block = (await read.json()) as Block
  const variants = (block.variants ?? []).map((row) => (row.id === variant ? { ...row, content: { ...row.content, headline } } : row))
  const content = variant === 'default' ? { ...block.content, headline } : block.content
  const update = await request.patch(`/api/blocks/${blockId}?locale=${locale}`, { headers: { Authorization: `JWT ${token}` }, data: { content, variants, _status: 'published' } })
  expect(update.status(), await update.text()).toBe(200)
}

/** Records every EventSource the screen opens and when each `publish` arrived, so the spec can time the push and cut it. */
async function instrumentEventSource(page: Page) {
  await page.addInitScript(() => {
    const Original = window.EventSource
    const w = window as unknown as { __sources: EventSource[]; __publishAt: number[] }
    w.__sources = []
    w.__publishAt = []
    window.EventSource = class extends Original {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init)
        w.__sources.push(this)
        this.addEventListener('publish', () => w.__publishAt.push(Date.now()))
      }
    }
  })
}

/** Notes the time the slide's headline first reads `text`. */
async function watchHeadline(page: Page, blockId: number, text: string) {
  await page.evaluate(
    ([selector, wanted]) => {
      const w = window as unknown as { __shownAt?: number }
      delete w.__shownAt
      const check = () => {
        if (w.__shownAt === undefined && document.querySelector(selector)?.textContent === wanted) w.__shownAt = Date.now()
      }
      new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, characterData: true })
      check()
    },
    [`[data-tessera-block="${blockId}"] h2.headline`, text] as const,
  )
}

test('a screen shows a publish within a second through the update stream', async ({ page, request }) => {
  const token = await editorToken(request)
  const block = await screenWelcome(request, token)
  await instrumentEventSource(page)
  await page.setViewportSize({ width: 1920, height: 1080 })
  // A 300 s poll: only the push can bring the change in time.
  const stream = page.waitForResponse((response) => response.url().includes('/api/updates'))
  await page.goto('/api/render/store-screen?format=html&store=lyon-bellecour&refresh=300')
  expect((await stream).status()).toBe(200)
  const slide = page.locator(`[data-tessera-block="${block.id}"]`)
  await expect(slide).toHaveCount(1)
  const variant = (await slide.getAttribute('data-tessera-variant'))!
  const locale = (await page.locator('html').getAttribute('lang'))!

  const headline = `Pushed at ${Date.now()}`
  await watchHeadline(page, block.id, headline)
  const publishedAt = Date.now()
  await publishHeadline(request, token, block.id, variant, locale, headline)
  // The compile after a publish runs in the background; the push starts when the snapshot is live.
  await expect(slide.locator('h2.headline')).toHaveText(headline, { timeout: 10_000 })
  const { publishAt, shownAt } = await page.evaluate(() => {
    const w = window as unknown as { __publishAt: number[]; __shownAt: number }
    return { publishAt: w.__publishAt, shownAt: w.__shownAt }
  })
  expect(publishAt.length, 'the screen heard the publish on its stream').toBeGreaterThan(0)
  const pushToVisible = shownAt - publishAt[0]!
  console.log(`screen push: PATCH → visible ${shownAt - publishedAt} ms; publish event → visible ${pushToVisible} ms`)
  expect(pushToVisible).toBeLessThanOrEqual(1_000)
})

// The shortest poll a screen may ask for is 5 s (contract/screen.ts: refresh below 5 is a 400).
test('a screen whose stream is cut keeps its slides and catches up by polling', async ({ page, request }) => {
  const token = await editorToken(request)
  const block = await screenWelcome(request, token)
  await instrumentEventSource(page)
  await page.setViewportSize({ width: 1920, height: 1080 })
  const stream = page.waitForResponse((response) => response.url().includes('/api/updates'))
  await page.goto('/api/render/store-screen?format=html&store=lyon-bellecour&refresh=5')
  expect((await stream).status()).toBe(200)
  const slide = page.locator(`[data-tessera-block="${block.id}"]`)
  const variant = (await slide.getAttribute('data-tessera-variant'))!
  const locale = (await page.locator('html').getAttribute('lang'))!
  const before = (await slide.locator('h2.headline').textContent())!

  // Cut the push (and keep it cut), and make the server unreachable for the poll too.
  await page.route('**/api/updates**', (route) => route.abort())
  await page.evaluate(() => (window as unknown as { __sources: EventSource[] }).__sources.forEach((source) => source.close()))
  await page.route('**/api/render/store-screen**', (route) => route.abort())

  const headline = `Polled at ${Date.now()}`
  await publishHeadline(request, token, block.id, variant, locale, headline)
  // The next poll (5 s) fails: still the last good slide, and the offline marker.
  await expect(page.locator('#tessera-offline')).toBeVisible({ timeout: 15_000 })
  await expect(slide.locator('h2.headline')).toHaveText(before)

  await page.unroute('**/api/render/store-screen**')
  await expect(slide.locator('h2.headline')).toHaveText(headline, { timeout: 15_000 })
  await expect(page.locator('#tessera-offline')).toBeHidden()
  const pushed = await page.evaluate(() => (window as unknown as { __publishAt: number[] }).__publishAt.length)
  expect(pushed, 'the change came by the poll, not the stream').toBe(0)
})
