/**
 * Consent and preferences in a real browser against `next start`: nothing
 * stored before a choice, personalization from behaviour after accepting and
 * gone after withdrawing, and mailing lists left one at a time.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { signRecipientToken } from '../../delivery/trust'
import { DEMO, E2E_SECRET, restAsEditor, seriousViolations } from './helpers'

const withKey = { Authorization: `Bearer ${DEMO.apiKey}` }

async function storedEvents(request: APIRequestContext): Promise<number> {
  const rest = await restAsEditor(request)
  return (await rest('/api/profile-events?limit=1&depth=0')).totalDocs as number
}

const heroVariant = (page: Page) => page.locator('main .tessera-block').first().getAttribute('data-tessera-variant')

test('no cookie and no event before consent; personalization after accepting, gone after withdrawing', async ({ page, context, request }) => {
  const eventsBefore = await storedEvents(request)
  await page.goto('/')
  await expect(page.getByRole('region', { name: 'Your choices' })).toBeVisible()
  await page.goto('/candles')
  await page.goto('/candles')
  await page.goto('/')
  expect(await context.cookies()).toEqual([])
  expect(await storedEvents(request)).toBe(eventsBefore)
  const defaultHero = await heroVariant(page)

  // Refusing is as easy as accepting: two buttons side by side.
  const banner = page.getByRole('region', { name: 'Your choices' })
  await expect(banner.getByRole('button', { name: 'Refuse all' })).toBeVisible()
  const reloaded = page.waitForEvent('framenavigated')
  await banner.getByRole('button', { name: 'Accept all' }).click()
  await reloaded
  await page.waitForLoadState('load')
  await expect(page.getByRole('region', { name: 'Your choices' })).toHaveCount(0)
  const cookies = await context.cookies()
  expect(cookies.map((cookie) => cookie.name).sort()).toEqual(['tessera_consent', 'tessera_profile'])
  expect(cookies.every((cookie) => cookie.httpOnly && cookie.sameSite === 'Lax')).toBe(true)

  // Two looks at the candles page make a candle-curious visitor.
  for (let visit = 0; visit < 2; visit++) {
    const beacon = page.waitForResponse((response) => response.url().endsWith('/api/events') && response.request().method() === 'POST')
    await page.goto('/candles')
    expect((await beacon).status()).toBe(200)
  }
  await expect.poll(async () => {
    await page.goto('/')
    return page.getByRole('heading', { level: 1 }).textContent()
  }, { timeout: 10_000 }).toBe('Still thinking about those candles? Here is 10 % off')

  // Withdraw: the next request is not personalized and collects nothing.
  await page.getByRole('button', { name: 'Privacy choices' }).click()
  const reloadedAgain = page.waitForEvent('framenavigated')
  await page.getByRole('region', { name: 'Your choices' }).getByRole('button', { name: 'Refuse all' }).click()
  await reloadedAgain
  await page.waitForLoadState('load')
  await page.goto('/')
  expect(await heroVariant(page)).toBe(defaultHero)
  expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(['tessera_consent'])
  const afterWithdrawal = await storedEvents(request)
  await page.goto('/candles')
  await page.goto('/')
  expect(await storedEvents(request)).toBe(afterWithdrawal)
})

test('two lists are left independently, from the preference page and by one-click POST; a forged link changes nothing', async ({ page, request }) => {
  const customer = `e2e-lists-${Date.now()}`
  const subscribe = await request.post('/api/events', {
    headers: withKey,
    data: { events: [{ idempotencyKey: `subscribe-${customer}`, type: 'consent_change', customer, consents: { newsletter: true, 'atelier-club': true } }] },
  })
  expect((await subscribe.json()).accepted).toBe(1)

  const email = await (await request.get(`/api/render/newsletter?customer=${customer}`, { headers: withKey })).json()
  const unsubscribeUrl = /<([^>]+)>/.exec(email.headers['List-Unsubscribe'])![1]!
  const token = new URL(unsubscribeUrl).searchParams.get('token')!

  await page.goto(`/preferences?token=${encodeURIComponent(token)}`)
  const club = page.locator('[data-list="atelier-club"]')
  const newsletter = page.locator('[data-list="newsletter"]')
  await expect(club.locator('.preferences-status')).toHaveText('Subscribed')
  await expect(newsletter.locator('.preferences-status')).toHaveText('Subscribed')
  await club.getByRole('button', { name: /Unsubscribe/ }).click()
  await expect(page.getByRole('status')).toContainText('Atelier Club')
  await expect(club.locator('.preferences-status')).toHaveText('Unsubscribed')
  await expect(newsletter.locator('.preferences-status')).toHaveText('Subscribed')

  expect(await seriousViolations(page)).toEqual([])

  // One-click, as a mailbox provider does it: no cookie, no login.
  const forged = unsubscribeUrl.replace(/.{4}$/, 'AAAA')
  expect((await request.post(forged, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: 'List-Unsubscribe=One-Click' })).status()).toBe(403)
  for (let attempt = 0; attempt < 2; attempt++) {
    const oneClick = await request.post(unsubscribeUrl, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, data: 'List-Unsubscribe=One-Click' })
    expect(oneClick.status()).toBe(200)
  }
  await page.reload()
  await expect(newsletter.locator('.preferences-status')).toHaveText('Unsubscribed')
  await expect(club.locator('.preferences-status')).toHaveText('Unsubscribed')

  // The newsletter is no longer rendered for them.
  expect((await request.get(`/api/render/newsletter?customer=${customer}`, { headers: withKey })).status()).toBe(409)
})

test('an editor sees a profile in the admin with its consents, lists, segments and events, and can export it', async ({ page, request }) => {
  const customer = `e2e-profile-${Date.now()}`
  await request.post('/api/events', {
    headers: withKey,
    data: {
      events: [
        { idempotencyKey: `${customer}-1`, type: 'consent_change', customer, consents: { personalization: true, analytics: true, newsletter: true } },
        { idempotencyKey: `${customer}-2`, type: 'trait_update', customer, traits: { loyaltyTier: 'gold' } },
        { idempotencyKey: `${customer}-3`, type: 'page_view', customer, category: 'candles' },
      ],
    },
  })
  const rest = await restAsEditor(request)
  const profiles = await rest(`/api/profiles?where[customerId][equals]=${customer}&depth=0`)
  const id = profiles.docs[0].id

  const { logIn } = await import('./helpers')
  await logIn(page)
  await page.goto(`/admin/collections/profiles/${id}`)
  await expect(page.getByRole('table', { name: 'Consents' })).toContainText('personalization')
  await expect(page.getByRole('table', { name: 'Lists' })).toContainText('newsletter')
  await expect(page.getByRole('table', { name: 'Traits' })).toContainText('loyaltyTier')
  await expect(page.getByRole('table', { name: /Segments now/ })).toContainText('loyal-gold')
  await expect(page.getByRole('table', { name: 'Recent events' })).toContainText('page_view')

  await expect(page.getByRole('link', { name: 'Export (JSON)' })).toHaveAttribute('href', `/api/profiles/${id}/export`)
  const body = await rest(`/api/profiles/${id}/export`)
  expect(body.profile.customerId).toBe(customer)
  expect(body.events).toHaveLength(3)
})

test('an editor rebuilds a profile from its events on its page; a reviewer may not', async ({ page, request }) => {
  const customer = `e2e-rebuild-${Date.now()}`
  await request.post('/api/events', {
    headers: withKey,
    data: {
      events: [
        { idempotencyKey: `${customer}-1`, type: 'consent_change', customer, consents: { personalization: true, analytics: true } },
        { idempotencyKey: `${customer}-2`, type: 'trait_update', customer, traits: { loyaltyTier: 'gold' } },
        { idempotencyKey: `${customer}-3`, type: 'page_view', customer, category: 'candles' },
      ],
    },
  })
  const rest = await restAsEditor(request)
  const id = (await rest(`/api/profiles?where[customerId][equals]=${customer}&depth=0`)).docs[0].id

  const login = await request.post('/api/users/login', { data: { email: 'reviewer@example.com', password: DEMO.password } })
  const { token } = (await login.json()) as { token: string }
  const refused = await request.post(`/api/profiles/${id}/rebuild`, { headers: { Authorization: `JWT ${token}` } })
  expect(refused.status()).toBe(403)
  expect((await refused.json()).error.code).toBe('forbidden')

  const { logIn } = await import('./helpers')
  await logIn(page)
  await page.goto(`/admin/collections/profiles/${id}`)
  const rebuilt = page.waitForResponse((response) => response.url().endsWith(`/api/profiles/${id}/rebuild`))
  await page.getByRole('button', { name: 'Rebuild from events' }).click()
  expect((await rebuilt).status()).toBe(200)
  // The page shows the profile anew, as rebuilt, and says from how many events.
  // (The admin has live regions of its own: the one that says what was rebuilt.)
  await expect(page.getByRole('status').filter({ hasText: 'Rebuilt from' })).toHaveText('Rebuilt from 3 events')
  await expect(page.getByRole('table', { name: 'Traits' })).toContainText('loyaltyTier')
  expect((await rest(`/api/profiles/${id}?depth=0`)).eventCount).toBe(3)
})

test('opening the preference page creates no profile; only a choice made there does', async ({ page, request }) => {
  process.env.PAYLOAD_SECRET = E2E_SECRET
  const customer = `e2e-reads-only-${Date.now()}`
  const token = await signRecipientToken({ customer, list: 'newsletter' })
  await page.goto(`/preferences?token=${encodeURIComponent(token)}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your email preferences')
  const rest = await restAsEditor(request)
  expect((await rest(`/api/profiles?where[customerId][equals]=${customer}&depth=0`)).docs).toHaveLength(0)
  await page.getByRole('button', { name: /Subscribe: Newsletter/ }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible()
  expect((await rest(`/api/profiles?where[customerId][equals]=${customer}&depth=0`)).docs).toHaveLength(1)
})
