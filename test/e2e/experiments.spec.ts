/**
 * An editor starts an experiment on a block from its page, traffic arrives
 * through the real render and events APIs, and the results view shows the
 * arms, the lift and the sample-ratio check; Stop and Ship (and its undo)
 * change what the site serves. The admin speaks French too.
 */
import { expect, test } from '@playwright/test'

import { bucketOf, hashSeed } from '../../engine'
import { DEMO, logIn, restAsEditor } from './helpers'

const withKey = { Authorization: `Bearer ${DEMO.apiKey}` }

test('an editor starts an experiment on a block, reads its results, stops it and ships a winner', async ({ page, request }) => {
  const key = `candle-e2e-${Date.now()}`
  const rest = await restAsEditor(request)
  const blockId = ((await rest('/api/blocks?where[name][equals]=Product: amber candle&depth=0')) as { docs: { id: number }[] }).docs[0]!.id

  await logIn(page)
  await page.goto(`/admin/collections/blocks/${blockId}`)
  await page.getByRole('button', { name: 'Start an experiment' }).click()
  const dialog = page.getByRole('dialog', { name: 'Start an experiment on this block' })
  await dialog.getByLabel('Key (hash seed)').fill(key)
  await dialog.getByLabel('Default content').check()
  await dialog.getByLabel('Weekend', { exact: true }).check()
  await dialog.getByLabel('Event name').fill('purchase')
  await dialog.getByRole('button', { name: 'Start' }).click()
  await expect(page).toHaveURL(/\/admin\/collections\/experiments\/\d+/)
  const results = page.getByRole('region', { name: 'Results' })
  await expect(results.locator('[data-status]')).toHaveText('running')

  // Traffic: 300 consenting customers see the home page; the Weekend arm converts better.
  const customers = Array.from({ length: 300 }, (_, i) => `${key}-customer-${i}`)
  const treated = (customer: string) => bucketOf(hashSeed(key), customer) >= 0.5
  for (const customer of customers) {
    const rendered = await request.get(`/api/render/home?customer=${customer}&consent=analytics`, { headers: withKey })
    expect(rendered.status()).toBe(200)
  }
  const events = customers.flatMap((customer, i) => [
    { idempotencyKey: `${customer}-consent`, type: 'consent_change', customer, consents: { analytics: true } },
    ...((treated(customer) ? i % 2 === 0 : i % 5 === 0) ? [{ idempotencyKey: `${customer}-buy`, type: 'conversion', name: 'purchase', customer }] : []),
  ])
  expect((await request.post('/api/events', { headers: withKey, data: { events } })).ok()).toBe(true)
  // Exposures are written off the request path: wait until all 300 are in.
  await expect
    .poll(async () => {
      const body = (await (await request.get(`/api/experiments/${key}/results`, { headers: withKey })).json()) as { metrics: { statistics: { arms: { units: number }[] } }[] }
      return body.metrics[0]?.statistics.arms.reduce((sum, arm) => sum + arm.units, 0) ?? 0
    })
    .toBe(300)

  await page.reload()
  await expect(results.locator('tr[data-arm]')).toHaveCount(2)
  await expect(results.locator('tr[data-arm="default"]')).toContainText('(control)')
  await expect(results.locator('[data-lift]').first()).toHaveText(/^\+\d/)
  await expect(results.getByRole('status').filter({ hasText: 'Sample ratio OK' })).toBeVisible()

  await results.getByRole('button', { name: 'Stop', exact: true }).click()
  await expect(results.locator('[data-status]')).toHaveText('stopped')

  await results.getByRole('button', { name: 'Ship Weekend', exact: true }).click()
  await expect(results.locator('[data-status]')).toHaveText('shipped')
  // The publish compiles in the background: the trace says when the shipped arm is served to everyone.
  const experimentWhy = async () => {
    const traced = (await (await request.get('/api/render/home?debug=1', { headers: withKey })).json()) as {
      blocks: { block: string; variant: { label: string } }[]
      trace: { slots: { block: string; experiment?: { why: string } }[] }
    }
    const block = traced.blocks.find((candidate) => candidate.block === String(blockId))!
    return `${traced.trace.slots.find((slot) => slot.block === String(blockId))?.experiment?.why ?? 'none'} → ${block.variant.label}`
  }
  await expect.poll(experimentWhy).toBe('shipped: everyone in scope sees the shipped arm → Weekend')

  // Reversible: unship, and the site serves its normal decision again.
  await results.getByRole('button', { name: 'Unship (stop)', exact: true }).click()
  await expect(results.locator('[data-status]')).toHaveText('stopped')
  await expect.poll(experimentWhy).toMatch(/^none → /)
  // Every change is in the history, with who made it.
  const stored = (await rest(`/api/experiments?where[key][equals]=${key}&depth=0`)) as { docs: { history: { by: string; change: string }[] }[] }
  expect(stored.docs[0]!.history.map((entry) => entry.change)).toEqual(['created (running)', 'running → stopped', expect.stringMatching(/^shipped arm /), 'shipped → stopped'])
  expect(stored.docs[0]!.history.every((entry) => entry.by === DEMO.editorEmail)).toBe(true)
})

test('the experiment admin speaks French', async ({ page, context, baseURL }) => {
  await logIn(page)
  await context.addCookies([{ name: 'payload-lng', value: 'fr', url: baseURL! }])
  await page.goto('/admin/collections/experiments')
  const first = page.locator('table tbody tr a').first()
  await first.click()
  await expect(page.getByRole('region', { name: 'Résultats' })).toBeVisible()
})
