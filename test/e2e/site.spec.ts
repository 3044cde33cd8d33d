/**
 * The demo website in a real browser: the personalized variant is in the
 * first byte of HTML (no client-side swap, no layout shift), and the pages
 * pass an accessibility scan.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test'

import { CONSENT_COOKIE, PROFILE_COOKIE, signConsentCookie, signProfileCookie } from '../../delivery/trust'
import { E2E_SECRET, seriousViolations } from './helpers'

async function loyalCookies(context: BrowserContext, baseURL: string) {
  process.env.PAYLOAD_SECRET = E2E_SECRET
  const consent = await signConsentCookie({ purposes: ['necessary', 'personalization'], at: new Date().toISOString() })
  const profile = await signProfileCookie({ visitor: 'e2e-loyal-visitor', traits: { loyaltyTier: 'gold', visits: 12 } })
  await context.addCookies([
    { name: CONSENT_COOKIE, value: consent, url: baseURL },
    { name: PROFILE_COOKIE, value: profile, url: baseURL },
  ])
}

const hero = (page: Page) => page.locator('main .tessera-block').first()

async function cumulativeLayoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value
          }
        }).observe({ type: 'layout-shift', buffered: true })
        setTimeout(() => resolve(total), 1000)
      }),
  )
}

test('a stranger gets the default hero; a visitor with a signed loyal cookie gets the Gold variant in the first HTML byte', async ({ page, context, baseURL, request }) => {
  await page.goto('/')
  await expect(hero(page)).toHaveAttribute('data-tessera-variant', 'default')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Light up your evenings')

  await loyalCookies(context, baseURL!)
  const cookies = (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
  const serverHtml = await (await request.get('/', { headers: { cookie: cookies } })).text()
  expect(serverHtml).toContain('Welcome back: your private sale is open')
  expect(serverHtml).not.toContain('Light up your evenings')

  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome back: your private sale is open')
  await expect(hero(page)).not.toHaveAttribute('data-tessera-variant', 'default')
})

test('the server HTML is what the hydrated page shows, without layout shift', async ({ page, context, baseURL, request }) => {
  for (const loyal of [false, true]) {
    if (loyal) await loyalCookies(context, baseURL!)
    const cookies = (await context.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
    const serverHtml = await (await request.get('/', { headers: cookies ? { cookie: cookies } : {} })).text()
    const serverMain = /<main id="main">([\s\S]*?)<\/main>/.exec(serverHtml)?.[1]

    await page.goto('/', { waitUntil: 'load' })
    await page.waitForTimeout(500)
    expect(await page.locator('main').innerHTML()).toBe(serverMain)
    expect(await cumulativeLayoutShift(page)).toBeLessThan(0.01)
  }
})

test('the demo pages have no serious or critical accessibility violations', async ({ page, context, baseURL }) => {
  for (const loyal of [false, true]) {
    if (loyal) await loyalCookies(context, baseURL!)
    for (const path of ['/', '/?locale=fr']) {
      await page.goto(path)
      const serious = await seriousViolations(page, { tags: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })
      expect(serious, `${path}${loyal ? ' (loyal)' : ''}: ${JSON.stringify(serious)}`).toEqual([])
    }
  }
})
