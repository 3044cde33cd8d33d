/**
 * No request leaves the machine from the admin: every request a page makes
 * (scripts, styles, fonts, workers, images, fetches) goes to the server's own
 * origin. The JSON fields' code editor (monaco) is the one part that used to
 * come from a CDN, so the walk waits for it to render.
 */
import { expect, test, type Page } from '@playwright/test'

import { DEMO, logIn, restAsEditor } from './helpers'

const withKey = { Authorization: `Bearer ${DEMO.apiKey}` }

/** Every request `page` (and its workers) makes from now on whose origin is not `origin` (data: URLs carry their bytes and go nowhere). */
function outsideRequests(page: Page, origin: string) {
  const outside: string[] = []
  page.context().on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol === 'data:') return
    // A blob: URL's origin is the document's that made it.
    if (url.origin !== origin) outside.push(`${request.resourceType()} ${request.url()}`)
  })
  return outside
}

async function codeEditorRenders(page: Page, field: string) {
  const editor = page.locator(`#field-${field} .monaco-editor`)
  await expect(editor).toBeVisible()
  // Its text is drawn by monaco, not the shimmer shown while it loads.
  await expect(editor.locator('.view-lines')).not.toBeEmpty()
}

test('the admin asks nothing of another origin: home, a page, the preview, a profile and an event with their code editors', async ({ page, request, baseURL }) => {
  const origin = new URL(baseURL!).origin
  const customer = `e2e-origin-${Date.now()}`
  const recorded = await request.post('/api/events', {
    headers: withKey,
    data: {
      events: [
        { idempotencyKey: `${customer}-1`, type: 'consent_change', customer, consents: { personalization: true } },
        { idempotencyKey: `${customer}-2`, type: 'trait_update', customer, traits: { loyaltyTier: 'gold' } },
      ],
    },
  })
  expect(recorded.ok(), await recorded.text()).toBe(true)
  const rest = await restAsEditor(request)
  const profile = (await rest(`/api/profiles?where[customerId][equals]=${customer}&depth=0`)).docs[0] as { id: number }
  const event = (await rest(`/api/profile-events?where[type][equals]=trait_update&sort=-createdAt&limit=1&depth=0`)).docs[0] as { id: number }
  const home = (await rest('/api/pages?where[slug][equals]=home&depth=0')).docs[0] as { id: number }

  const outside = outsideRequests(page, origin)
  await logIn(page)
  await expect(page.getByRole('link', { name: /pages/i }).first()).toBeVisible()

  await page.goto(`/admin/collections/pages/${home.id}`)
  await expect(page.locator('#field-title')).toBeVisible()

  await page.goto('/admin/preview?page=home')
  await expect(page.getByTestId('preview-trace')).toBeVisible()

  await page.goto(`/admin/collections/profiles/${profile.id}`)
  await codeEditorRenders(page, 'traits')
  await expect(page.locator('#field-traits')).toContainText('loyaltyTier')

  await page.goto(`/admin/collections/profile-events/${event.id}`)
  await codeEditorRenders(page, 'traits')

  expect(outside).toEqual([])
})
