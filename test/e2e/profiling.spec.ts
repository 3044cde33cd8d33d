/**
 * Progressive profiling in Chromium: a consented visitor answers the question
 * on the home page (with JavaScript, and without), reloads and gets the next
 * one; an editor sees the answer on the profile and the NPS dashboard with
 * its interval. The site's page is axe-clean; the survey dashboard on the
 * admin page is checked in adminAccessibility.spec.ts.
 */
import { expect, test, type Page } from '@playwright/test'

import { CONSENT_COOKIE, PROFILE_COOKIE, signConsentCookie, signProfileCookie } from '../../delivery/trust'
import { E2E_SECRET, logIn, restAsEditor, seriousViolations } from './helpers'

const askForm = (page: Page) => page.locator('form.tessera-ask').first()

test('a consented visitor answers the home page’s question, reloads and gets the next one', async ({ page }) => {
  await page.goto('/')
  // The banner stores the choice, then reloads the page itself: wait for both rather than race them with a reload.
  const consented = page.waitForResponse((response) => response.url().endsWith('/api/consent') && response.request().method() === 'POST')
  const reloaded = page.waitForEvent('framenavigated')
  await page.getByRole('region', { name: 'Your choices' }).getByRole('button', { name: 'Accept all' }).click()
  await consented
  await reloaded
  await page.waitForLoadState('load')
  await expect(askForm(page).getByLabel('What should we call you?')).toBeVisible()
  expect(await seriousViolations(page)).toEqual([])
  await askForm(page).getByLabel('What should we call you?').fill('Ada')
  const answered = page.waitForResponse((response) => response.url().endsWith('/api/answers') && response.request().method() === 'POST')
  await askForm(page).getByRole('button', { name: 'Answer' }).click()
  await answered
  await expect(askForm(page).getByRole('group', { name: 'Which store do you visit most?' })).toBeVisible()
  await expect(page).toHaveURL(/\/$/)
  await page.reload()
  await expect(askForm(page).getByRole('group', { name: 'Which store do you visit most?' })).toBeVisible()
  await expect(page.getByLabel('What should we call you?')).toHaveCount(0)
})

test('without JavaScript too: the form posts, the page comes back with the next question', async ({ browser, baseURL }) => {
  process.env.PAYLOAD_SECRET = E2E_SECRET
  const context = await browser.newContext({ javaScriptEnabled: false })
  const visitor = `e2e-no-js-${Date.now()}`
  const url = new URL(baseURL!)
  await context.addCookies([
    { name: CONSENT_COOKIE, value: await signConsentCookie({ purposes: ['personalization', 'analytics'], at: new Date().toISOString() }), domain: url.hostname, path: '/' },
    { name: PROFILE_COOKIE, value: await signProfileCookie({ visitor }), domain: url.hostname, path: '/' },
  ])
  const page = await context.newPage()
  await page.goto('/')
  await askForm(page).getByLabel('What should we call you?').fill('Grace')
  await askForm(page).getByRole('button', { name: 'Answer' }).click()
  await expect(askForm(page).getByRole('group', { name: 'Which store do you visit most?' })).toBeVisible()
  await askForm(page).getByLabel('Lyon Bellecour').check()
  // The post answers 303 back to the page: wait for it and for the page it leads to, or a reload races that navigation.
  const posted = page.waitForResponse((response) => response.url().endsWith('/api/answers') && response.request().method() === 'POST')
  await askForm(page).getByRole('button', { name: 'Answer' }).click()
  await posted
  await expect(askForm(page).getByRole('group', { name: 'What do you love most?' })).toBeVisible()
  await page.reload()
  await expect(askForm(page).getByRole('group', { name: 'What do you love most?' })).toBeVisible()
  await context.close()
})

test('an editor sees the answer on the profile and the NPS dashboard with its interval', async ({ page, request }) => {
  process.env.PAYLOAD_SECRET = E2E_SECRET
  const visitor = `e2e-editor-sees-${Date.now()}`
  const url = new URL(test.info().project.use.baseURL!)
  await page.context().addCookies([
    { name: CONSENT_COOKIE, value: await signConsentCookie({ purposes: ['personalization'], at: new Date().toISOString() }), domain: url.hostname, path: '/' },
    { name: PROFILE_COOKIE, value: await signProfileCookie({ visitor }), domain: url.hostname, path: '/' },
  ])
  await page.goto('/')
  await askForm(page).getByLabel('What should we call you?').fill('Hedy')
  await askForm(page).getByRole('button', { name: 'Answer' }).click()
  await page.context().clearCookies()

  const rest = await restAsEditor(request)
  const profile = (await rest(`/api/profiles?where[keys][contains]=v:${visitor}&depth=0`)).docs[0] as { id: number }
  const nps = (await rest('/api/questions?where[type][equals]=nps&depth=0')).docs[0] as { id: number }
  await logIn(page)
  await page.goto(`/admin/collections/profiles/${profile.id}`)
  const answers = page.getByRole('table', { name: 'Questions asked (answered, declined, skipped)' })
  await expect(answers).toContainText('firstName')
  await expect(answers).toContainText('answered: "Hedy"')

  await page.goto(`/admin/collections/questions/${nps.id}`)
  await expect(page.locator('.survey-score')).toContainText(/NPS -?\d+\.\d/)
  await expect(page.locator('.survey-interval')).toContainText(/95 % interval \[-?\d+\.\d ; -?\d+\.\d\]/)
  await expect(page.getByRole('table', { name: 'Trend' }).locator('tbody tr')).not.toHaveCount(0)
})
