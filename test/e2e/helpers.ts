import { expect, type APIRequestContext, type Page } from '@playwright/test'

/** The secret the e2e server runs with (scripts/e2e-server.mjs), to sign cookies as it would. */
export const E2E_SECRET = 'e2e-secret-0123456789abcdef0123456789abcdef'

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

/** Reads Payload's REST API as the demo editor (JWT header: cookies need a CSRF origin). */
export async function restAsEditor(request: APIRequestContext) {
  const login = await request.post('/api/users/login', { data: { email: DEMO.editorEmail, password: DEMO.password } })
  expect(login.ok()).toBe(true)
  const { token } = (await login.json()) as { token: string }
  return async (path: string) => {
    const response = await request.get(path, { headers: { Authorization: `JWT ${token}` } })
    expect(response.ok(), `${path} answered ${response.status()}`).toBe(true)
    return response.json()
  }
}
