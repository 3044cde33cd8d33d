import { expect, test } from '@playwright/test'

import { logIn } from './helpers'

test('the demo editor logs in and sees the demo pages', async ({ page }) => {
  await logIn(page)
  await page.goto('/admin/collections/pages')
  for (const title of ['Maison Lumen: candles, linen and ceramics', 'Autumn newsletter', 'Store screen']) {
    await expect(page.getByRole('link', { name: title })).toBeVisible()
  }
})
