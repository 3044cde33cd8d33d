import { expect, type Page } from '@playwright/test'

export const DEMO = {
  editorEmail: 'editor@example.com',
  adminEmail: 'admin@example.com',
  password: 'tessera-demo',
  apiKey: process.env.DEMO_API_KEY ?? 'tsk_e2e_render_and_events_key_0123456789abcdef',
}

export async function logIn(page: Page, email = DEMO.editorEmail, password = DEMO.password) {
  await page.goto('/admin/login')
  await page.getByLabel(/email/i).fill(email)
  await page.getByLabel(/password/i).fill(password)
  await page.getByRole('button', { name: /login|log in/i }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}
