/**
 * Email and screen channels over real HTTP against `next start` (the built
 * server bundles MJML, next/og and the screen fonts).
 */
import { expect, test } from '@playwright/test'

import { DEMO } from './helpers'

const withKey = { Authorization: `Bearer ${DEMO.apiKey}` }

test('the newsletter renders as an email with unsubscribe headers, and as a batch', async ({ request }) => {
  const response = await request.get('/api/render/newsletter?customer=e2e-1&trait.firstName=Ada', { headers: withKey })
  expect(response.status()).toBe(200)
  const email = await response.json()
  expect(email.html).toContain('Hello Ada,')
  expect(email.text).toContain('Hello Ada,')
  expect(email.headers['List-Unsubscribe']).toMatch(/\/api\/unsubscribe\?token=/)
  expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')

  const batch = await request.post('/api/render/newsletter/batch?channel=email', {
    headers: withKey,
    data: { recipients: [{ traits: { firstName: 'Ada' } }, {}, { geo: { country: 'nowhere' } }] },
  })
  expect(batch.status()).toBe(200)
  const { results } = await batch.json()
  expect(results.map((result: { ok: boolean }) => result.ok)).toEqual([true, true, false])
  expect(results[1].text).toContain('Hello,')
})

test('the store screen renders as a self-refreshing page and as a PNG', async ({ page, request }) => {
  const png = await request.get('/api/render/store-screen?format=png&store=lyon-bellecour&width=1080&height=1920')
  expect(png.status()).toBe(200)
  expect(png.headers()['content-type']).toBe('image/png')
  const bytes = await png.body()
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
  expect(bytes.readUInt32BE(16)).toBe(1080)
  expect(bytes.readUInt32BE(20)).toBe(1920)

  expect((await request.get('/api/render/store-screen?format=png&width=7680&height=4320')).status()).toBe(413)

  await page.setViewportSize({ width: 1920, height: 1080 })
  await page.goto('/api/render/store-screen?format=html&store=lyon-bellecour&refresh=5')
  await expect(page.locator('[data-slide]').first()).toBeVisible()
  // The poller asks again with the ETag and gets 304 while nothing changed.
  const poll = await page.waitForResponse((response) => response.url().includes('/api/render/store-screen') && response.request().headers()['if-none-match'] !== undefined, { timeout: 15_000 })
  expect(poll.status()).toBe(304)
})
