import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import { expect, type APIRequestContext, type Page, type Request } from '@playwright/test'

/** The secret the e2e server runs with (scripts/e2e-server.mjs), to sign cookies as it would. */
export const E2E_SECRET = 'e2e-secret-0123456789abcdef0123456789abcdef'

/** The signing keys it runs with: the specs sign cookies and links with them too (set for every spec that imports these helpers). */
export const E2E_SIGNING_KEYS = readFileSync(path.join(import.meta.dirname, 'signing-keys.json'), 'utf8').trim()
process.env.TESSERA_SIGNING_KEYS = E2E_SIGNING_KEYS

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

/**
 * The admin edit form's form-state round trips (server actions: POSTs to the
 * admin's own pages). The form sends one 250 ms after a change, and merging an
 * answer can start another. An answer to a request sent before a submit still
 * thinks the form unsubmitted (it skips validation) and, merged after the
 * submit's field errors, marks those fields valid again; and a row added while
 * an answer is on its way can stay a loading placeholder until the next change.
 */
type FormStateWatch = { pending: Set<Request>; lastActivity: number }
const watches = new WeakMap<Page, FormStateWatch>()

const isFormStateRequest = (request: Request) => request.method() === 'POST' && new URL(request.url()).pathname.startsWith('/admin')

/** Starts following the admin's form-state round trips on `page`: call it before opening the form. */
export function watchFormState(page: Page) {
  if (watches.has(page)) return
  const watch: FormStateWatch = { pending: new Set(), lastActivity: Date.now() }
  watches.set(page, watch)
  page.on('request', (request) => {
    if (!isFormStateRequest(request)) return
    watch.pending.add(request)
    watch.lastActivity = Date.now()
  })
  // Not every answer reports `requestfinished`, so any end of the request counts.
  const ended = (request: Request) => {
    if (!watch.pending.delete(request)) return
    watch.lastActivity = Date.now()
  }
  page.on('response', (response) => ended(response.request()))
  page.on('requestfinished', ended)
  page.on('requestfailed', ended)
}

/**
 * Waits until the admin form has settled: no form-state request in flight,
 * and none started or answered for `quietMs` (well over the form's 250 ms
 * debounce, so a change just made has had its round trip, and so has any
 * round trip its answer started).
 */
export async function formStateSettled(page: Page, quietMs = 800) {
  const watch = watches.get(page)
  if (!watch) throw new Error('formStateSettled: call watchFormState(page) before opening the form')
  const since = Date.now()
  await expect
    .poll(() => watch.pending.size === 0 && Date.now() - Math.max(watch.lastActivity, since) >= quietMs, {
      message: 'the admin form to finish its form-state round trips',
      intervals: [100],
      timeout: 30_000,
    })
    .toBe(true)
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

export type AxeFinding = { id: string; impact: string; help: string; nodes: { target: string; html: string; summary: string }[] }

/**
 * Runs axe-core on the page (the whole document), or only inside the element
 * `scope` matches (a component of ours embedded in Payload's admin: axe then
 * skips its page-level rules), and returns the serious and critical
 * violations, each with the nodes it found.
 */
export async function seriousViolations(page: Page, { scope, tags }: { scope?: string; tags?: string[] } = {}): Promise<AxeFinding[]> {
  await page.addScriptTag({ path: axePath })
  return page.evaluate(
    async ({ scope, tags }) => {
      type Result = { violations: { id: string; impact: string; help: string; nodes: { target: string[]; html: string; failureSummary?: string }[] }[] }
      const axe = (window as unknown as { axe: { run: (context: Document | Element, options: object) => Promise<Result> } }).axe
      const context = scope ? document.querySelector(scope) : document
      if (!context) throw new Error(`axe: nothing matches ${scope}`)
      const result = await axe.run(context, tags ? { runOnly: { type: 'tag', values: tags } } : {})
      return result.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => ({ target: node.target.join(' '), html: node.html.slice(0, 300), summary: node.failureSummary ?? '' })) }))
    },
    { scope, tags },
  )
}
