/**
 * README's screenshots of the editor's workbench: the preview, the coverage
 * matrix and the CX dashboard, taken in Chromium from a running demo.
 *
 *   npm run demo                        # or: E2E_PORT=3701 node scripts/e2e-server.mjs
 *   TESSERA_URL=http://127.0.0.1:3000 npx tsx scripts/screenshots.ts
 *
 * TESSERA_EMAIL / TESSERA_PASSWORD (the demo editor by default), CHROMIUM_PATH
 * (Debian's /usr/bin/chromium by default). Writes docs/screenshots/*.png.
 */
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'

import { chromium } from '@playwright/test'

const base = process.env.TESSERA_URL ?? 'http://127.0.0.1:3000'
const email = process.env.TESSERA_EMAIL ?? 'editor@example.com'
const password = process.env.TESSERA_PASSWORD ?? 'tessera-demo'
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
const out = path.join(import.meta.dirname, '..', 'docs', 'screenshots')

async function main() {
  mkdirSync(out, { recursive: true })
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] })
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, baseURL: base })
    await page.goto('/admin/login')
    await page.getByLabel(/email/i).fill(email)
    await page.getByLabel(/password/i).fill(password)
    await page.getByRole('button', { name: /login|log in/i }).click()
    await page.waitForURL(/\/admin\/?$/)

    await page.getByTestId('cx-dashboard').waitFor()
    await page.getByTestId('cx-dashboard').screenshot({ path: path.join(out, 'dashboard.png') })

    await page.goto('/admin/preview?page=home&segment=loyal-gold&locale=fr&device=phone&channel=web')
    const frame = page.frameLocator('[data-testid="preview-frame"]')
    await frame.locator('body').waitFor()
    // The pictures of the rendered page in view (not the lazy ones below), loaded.
    await frame.locator('img').first().waitFor()
    for (const image of await frame.locator('img').all()) await image.evaluate((img: HTMLImageElement) => img.complete || img.loading === 'lazy' || new Promise((done) => img.addEventListener('load', done, { once: true })))
    await page.screenshot({ path: path.join(out, 'preview.png'), fullPage: false })

    await page.goto('/admin/coverage?page=home')
    await page.getByRole('table').first().waitFor()
    await page.screenshot({ path: path.join(out, 'coverage.png'), fullPage: false })
    console.log(`Screenshots written to ${out}`)
  } finally {
    await browser.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
