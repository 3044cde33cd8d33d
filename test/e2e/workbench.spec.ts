/**
 * The editor's workbench, as an editor uses it: preview as anyone on any
 * channel (drafts included, never served), the coverage matrix and creating
 * a missing variant from its cell, and the CX dashboard on the admin's home.
 */
import { expect, test, type APIRequestContext } from '@playwright/test'

import { DEMO, logIn } from './helpers'

const withKey = { Authorization: `Bearer ${DEMO.apiKey}` }

async function editorToken(request: APIRequestContext) {
  const login = await request.post('/api/users/login', { data: { email: DEMO.editorEmail, password: DEMO.password } })
  expect(login.ok()).toBe(true)
  return { Authorization: `JWT ${((await login.json()) as { token: string }).token}` }
}

test('preview the home page as loyal-gold in French on a phone: the variant and the trace', async ({ page }) => {
  await logIn(page)
  await page.goto('/admin/preview?page=home&segment=loyal-gold&locale=fr&device=phone&channel=web')
  const frame = page.getByTestId('preview-frame')
  await expect(frame).toBeVisible()
  expect((await frame.boundingBox())!.width).toBeLessThanOrEqual(392)
  const trace = page.getByTestId('preview-trace')
  await expect(trace.locator('tr', { hasText: 'loyal-gold' }).first()).toContainText(/yes/i)
  await expect(trace.locator('tr[data-chosen="true"]').first()).toBeVisible()
})

test('preview the newsletter as a first-time recipient: subject, variant and trace', async ({ page }) => {
  await logIn(page)
  await page.goto('/admin/preview?page=newsletter&segment=first-visit')
  await expect(page.getByTestId('preview-subject')).toHaveText('Our autumn edit is here')
  await expect(page.getByTestId('preview-trace').locator('caption', { hasText: 'First visit' }).first()).toBeVisible()
  await expect(page.frameLocator('[data-testid="preview-frame"]').getByText('New here? Take 10 % off your first order')).toBeVisible()
})

test('preview the newsletter in the subject experiment’s other arm, picked in the switcher', async ({ page }) => {
  await logIn(page)
  await page.goto('/admin/preview?page=newsletter')
  await expect(page.getByTestId('preview-subject')).toHaveText('Our autumn edit is here')
  await page.getByLabel('Experiment newsletter-subject-line: arm').selectOption({ label: 'Urgent' })
  await page.getByRole('button', { name: 'Show the preview' }).click()
  await expect(page.getByTestId('preview-subject')).toHaveText('Last 48 hours: −20 % on candles')
  await expect(page.getByTestId('preview-trace')).toContainText('picked in the preview')
  await expect(page.getByLabel('Experiment newsletter-subject-line: arm')).toHaveValue(/^newsletter-subject-line:/)
})

test('an unpublished draft shows in the preview, while the public render API does not serve it', async ({ page, request }) => {
  const auth = await editorToken(request)
  const headline = `Only in the draft ${Date.now()}`
  const created = await request.post('/api/blocks?draft=true', { headers: auth, data: { name: `Draft probe ${Date.now()}`, kind: 'hero', tone: 'friendly', length: 'medium', content: { headline }, _status: 'draft' } })
  expect(created.ok(), await created.text()).toBe(true)
  const draftBlock = ((await created.json()) as { doc: { id: number } }).doc.id
  const home = ((await (await request.get('/api/pages?where[slug][equals]=home&depth=0', { headers: auth })).json()) as { docs: { id: number; slots: { block: number }[] }[] }).docs[0]!
  const updated = await request.patch(`/api/pages/${home.id}?draft=true`, { headers: auth, data: { slots: [{ block: draftBlock }, ...home.slots.map((slot) => ({ block: slot.block }))], _status: 'draft' } })
  expect(updated.ok(), await updated.text()).toBe(true)

  await logIn(page)
  await page.goto(`/admin/preview?page=home&draft=${home.id}`)
  await expect(page.getByTestId('preview-draft')).toBeVisible()
  await expect(page.frameLocator('[data-testid="preview-frame"]').getByText(headline)).toBeVisible()

  const served = await request.get('/api/render/home', { headers: withKey })
  expect(served.status()).toBe(200)
  expect(await served.text()).not.toContain(headline)
  // Nobody but an editor's session previews: not an API key, not the public.
  expect((await request.get(`/api/pages/workbench/preview?page=home&draft=${home.id}`, { headers: withKey })).status()).toBe(403)
})

test('the coverage matrix flags a missing French variant, and creating it from the cell fills in the axes', async ({ page, request }) => {
  const auth = await editorToken(request)
  const gold = ((await (await request.get('/api/segments?where[slug][equals]=loyal-gold&depth=0', { headers: auth })).json()) as { docs: { id: number }[] }).docs[0]!
  const created = await request.post('/api/blocks?locale=en', {
    headers: auth,
    data: { name: `English only ${Date.now()}`, kind: 'hero', tone: 'friendly', length: 'medium', content: { headline: 'Lanterns' }, variants: [{ label: 'Gold, English', tone: 'formal', length: 'medium', channels: ['web'], audience: [gold.id], content: { headline: 'Lanterns for Gold' } }], _status: 'published' },
  })
  expect(created.ok(), await created.text()).toBe(true)
  const blockId = ((await created.json()) as { doc: { id: number } }).doc.id
  const home = ((await (await request.get('/api/pages?where[slug][equals]=home&depth=0', { headers: auth })).json()) as { docs: { id: number; slots: { block: number }[] }[] }).docs[0]!
  const published = await request.patch(`/api/pages/${home.id}`, { headers: auth, data: { slots: [...home.slots.map((slot) => ({ block: slot.block })), { block: blockId }], _status: 'published' } })
  expect(published.ok(), await published.text()).toBe(true)

  await logIn(page)
  const cell = page.locator('[data-cell="loyal-gold:web:fr"]')
  // The matrix reads the live snapshot, which compiles in the background after the publish.
  await expect(async () => {
    await page.goto(`/admin/coverage?block=${blockId}`)
    await expect(cell).toHaveAttribute('data-gap', 'true', { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await expect(cell).toContainText('Gold, English')
  await expect(page.locator('[data-cell="loyal-gold:web:en"]')).toHaveAttribute('data-gap', 'false')

  await cell.getByRole('link', { name: /Create the variant/i }).click()
  await expect(page).toHaveURL(new RegExp(`/admin/collections/blocks/${blockId}\\?locale=fr`))
  await expect(page.getByText(/A new variant was added with the audience, channel and locale of the cell/)).toBeVisible()
  await page.getByRole('button', { name: 'Variants' }).click()
  await expect(page.locator('#field-variants__1__label')).toHaveValue('web · fr')
  await expect(page.locator('#field-variants__1__channels')).toContainText('Web')
  await expect(page.locator('#field-variants__1__audience')).toContainText('Membres fidélité Or') // the segment's French name: the block is open in French
})

test('the dashboard shows the live snapshot, coverage gaps and standards violations, each linked to its view', async ({ page }) => {
  await logIn(page)
  const dashboard = page.getByTestId('cx-dashboard')
  await expect(dashboard).toBeVisible()
  await expect(page.getByTestId('tile-snapshot-version')).toHaveText(/\d/)
  await expect(page.getByRole('region', { name: 'Coverage gaps' }).getByRole('link', { name: 'Details: Coverage gaps' })).toBeVisible()
  await expect(page.getByTestId('tile-standards-total')).toHaveText(/\d/)
  await page.getByTestId('tile-standards').getByRole('link').first().click()
  await expect(page).toHaveURL(/\/admin\/standards-report/)
})

test('the dashboard shows the running experiments with their headline result, and the NPS and CES trend, as their views and APIs count them', async ({ page, request }) => {
  const auth = await editorToken(request)
  const running = (await (await request.get('/api/experiments?where[status][equals]=running&depth=0&limit=100', { headers: auth })).json()) as { totalDocs: number; docs: { id: number; name: string }[] }
  expect(running.totalDocs).toBeGreaterThanOrEqual(2)
  const board = (await (await request.get('/api/questions/board', { headers: auth })).json()) as { months: string[]; nps: { period: string; result: { score: number; n: number } }[] }
  expect(board.months.length).toBeGreaterThan(1)

  await logIn(page)
  const experiments = page.getByTestId('tile-experiments')
  await expect(page.getByTestId('tile-experiments-total')).toHaveText(String(running.totalDocs))
  const hero = experiments.getByRole('link', { name: 'Home hero: welcome offer for the welcome campaign' })
  await expect(hero).toBeVisible()
  await expect(experiments.getByRole('link', { name: 'Newsletter: subject line' })).toBeVisible()
  await expect(experiments.getByTestId('tile-experiment-headline').first()).toContainText(/Units: \d+/)

  // The NPS trend: one row per month of the board, each with the board's score and count.
  const trend = page.getByTestId('tile-surveys-trend')
  for (const point of board.nps) await expect(trend.locator(`tr[data-period="${point.period}"]`)).toContainText(`${point.result.score.toFixed(1)} [`)
  const last = board.nps.at(-1)!
  await expect(trend.locator(`tr[data-period="${last.period}"]`)).toContainText(`n = ${last.result.n}`)

  // Each tile leads to its detail: the experiment's page (its results), the CX board.
  await hero.click()
  await expect(page).toHaveURL(new RegExp(`/admin/collections/experiments/${running.docs.find((doc) => doc.name.startsWith('Home hero'))!.id}`))
  await page.goto('/admin')
  await page.getByTestId('tile-surveys').getByRole('link', { name: 'Details: NPS and CES by month' }).click()
  await expect(page.getByRole('heading', { name: 'Monthly CX board' })).toBeVisible()
})

test('an open preview follows a publish through the update stream, without a reload', async ({ page, request }) => {
  const auth = await editorToken(request)
  await logIn(page)
  await page.goto('/admin/preview?page=home&channel=web')
  const follower = page.getByTestId('preview-follower')
  await expect(follower).toHaveAttribute('data-pushed', 'yes')
  const before = (await follower.getAttribute('data-version'))!
  // Marks the document: a reload (instead of the in-place refresh) would lose it.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true))

  const headline = `Followed at ${Date.now()}`
  const created = await request.post('/api/blocks?locale=en', { headers: auth, data: { name: `Follow probe ${Date.now()}`, kind: 'hero', tone: 'friendly', length: 'medium', content: { headline }, _status: 'published' } })
  expect(created.ok(), await created.text()).toBe(true)
  const blockId = ((await created.json()) as { doc: { id: number } }).doc.id
  const home = ((await (await request.get('/api/pages?where[slug][equals]=home&depth=0', { headers: auth })).json()) as { docs: { id: number; slots: { block: number }[] }[] }).docs[0]!
  const slots = home.slots.map((slot) => ({ block: slot.block }))
  try {
    const published = await request.patch(`/api/pages/${home.id}`, { headers: auth, data: { slots: [...slots, { block: blockId }], _status: 'published' } })
    expect(published.ok(), await published.text()).toBe(true)
    // The compile runs in the background (about a second); then the stream's publish event re-renders the view.
    await expect(page.frameLocator('[data-testid="preview-frame"]').getByText(headline)).toBeVisible({ timeout: 10_000 })
    await expect(follower).not.toHaveAttribute('data-version', before)
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true)
  } finally {
    await request.patch(`/api/pages/${home.id}`, { headers: auth, data: { slots, _status: 'published' } })
  }
})

test('the live preview beside a block’s form shows the headline as the editor types it, before any save', async ({ page, request }) => {
  const auth = await editorToken(request)
  const blocks = (await (await request.get('/api/blocks?where[name][equals]=Welcome%20text&depth=0', { headers: auth })).json()) as { docs: { id: number }[] }
  const id = blocks.docs[0]!.id
  await logIn(page)
  // In English, whatever locale an earlier test left the editor in.
  await page.goto(`/admin/collections/blocks/${id}?locale=en`)
  await page.waitForLoadState('networkidle')
  await page.getByRole('button', { name: 'Live Preview' }).click()
  const live = page.frameLocator('iframe[src*="/preview/live"]')
  // Payload sends the form once the preview says it is ready: the first render of it.
  await expect(live.locator('body[data-updates]')).toBeAttached()
  const typed = ` typed live ${Date.now()}`
  await page.locator('#field-content__headline').click()
  await page.keyboard.press('End')
  await page.keyboard.type(typed)
  await expect(live.frameLocator('#live-output').getByText(typed.trim())).toBeVisible()
  const headline = `${(await page.locator('#field-content__headline').inputValue())}`
  // Nothing was saved: the stored block still has its own headline.
  const stored = (await (await request.get(`/api/blocks/${id}?depth=0&draft=true`, { headers: auth })).json()) as { content: { headline?: string } }
  expect(stored.content.headline).not.toBe(headline)
})
