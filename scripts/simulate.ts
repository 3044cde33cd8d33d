/**
 * npm run simulate: realistic, consented traffic for the demo's experiments,
 * sent through the real APIs with the typed client (client/index.ts), so the
 * results view has something true to show.
 *
 * - Visitors: first-time customers from the welcome campaign
 *   (utm_campaign=welcome) who consent to personalization and analytics see
 *   the home page; those shown “free delivery” buy more often
 *   (12 % against 9 %), for about 60 € either way.
 * - Recipients: the newsletter is rendered for each (email platform, API
 *   key); the urgent subject line is clicked more (11 % against 7 %); a few
 *   unsubscribe (the guardrail), as many in both arms.
 *
 * TESSERA_URL (default http://localhost:3000), TESSERA_API_KEY (else
 * DEMO_API_KEY: a key with the render and events scopes), SIMULATE_VISITORS
 * and SIMULATE_RECIPIENTS (default 3,000 each), SIMULATE_SEED.
 */
import { createTesseraClient, renderPage, type EventBatch, type RenderedEmail, type RenderedPage } from '../client'
import { seededRandom } from '../test/support/seededRandom'

const baseUrl = process.env.TESSERA_URL ?? 'http://localhost:3000'
const apiKey = process.env.TESSERA_API_KEY ?? process.env.DEMO_API_KEY
if (!apiKey) {
  console.error('Set TESSERA_API_KEY (or DEMO_API_KEY) to an API key with the render and events scopes: npm run demo prints one.')
  process.exit(2)
}
const visitors = Number(process.env.SIMULATE_VISITORS ?? 3000)
const recipients = Number(process.env.SIMULATE_RECIPIENTS ?? 3000)
const run = process.env.SIMULATE_SEED ?? Date.now().toString(36)
const random = seededRandom((Number.parseInt(run, 36) || 1) % 2 ** 32)
/**
 * A connection the server closed while idle (its keep-alive timeout, during a
 * long events batch) fails with a network error: retried, twice at most.
 * Renders and events are safe to repeat (exposures count once per unit,
 * events once per idempotency key).
 */
async function retryingFetch(input: Request | URL | string, init?: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetch(input instanceof Request ? input.clone() : input, init)
    } catch (error) {
      if (attempt >= 3) throw error
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt))
    }
  }
}
const tessera = createTesseraClient({ baseUrl, apiKey, fetch: retryingFetch as typeof fetch })
const CONCURRENCY = 8

type Event = EventBatch['events'][number]
const events: Event[] = []
let sent = 0

async function postEvents(force = false): Promise<void> {
  while (events.length >= 1000 || (force && events.length > 0)) {
    const batch = events.splice(0, 1000)
    const { error } = await tessera.POST('/api/events', { body: { events: batch } })
    if (error) throw new Error(`events: ${error.error.message}`)
    sent += batch.length
    console.log(`  ${sent} events sent`)
  }
}

async function inParallel(count: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(next++)
    }),
  )
}

const key = (...parts: (string | number)[]) => `sim-${run}-${parts.join('-')}`

async function simulateVisitors(): Promise<Record<string, number>> {
  const arms: Record<string, number> = {}
  // Consent first: the events API records a person's events only with their consent on file.
  for (let i = 0; i < visitors; i++) events.push({ idempotencyKey: key('consent', i), type: 'consent_change', customer: key('c', i), consents: { personalization: true, analytics: true } })
  await postEvents(true)
  await inParallel(visitors, async (i) => {
    const customer = key('c', i)
    const { data, error } = await renderPage(tessera, 'home', { customer, consent: 'personalization,analytics', utm_campaign: 'welcome', locale: random.uniform() < 0.3 ? 'fr' : 'en' })
    if (error || !data) throw new Error(`render home: ${error?.error.message}`)
    const hero = (data as RenderedPage).blocks[0]!
    const freeDelivery = hero.variant.label === 'First visit, free delivery'
    arms[hero.variant.label] = (arms[hero.variant.label] ?? 0) + 1
    events.push({ idempotencyKey: key('view', i), type: 'page_view', customer, category: 'home' })
    if (random.uniform() < (freeDelivery ? 0.12 : 0.09)) {
      events.push({ idempotencyKey: key('buy', i), type: 'conversion', name: 'purchase', customer, properties: { value: Math.round(40 + random.uniform() * 40) } })
    }
    if (events.length >= 1000) await postEvents()
  })
  await postEvents(true)
  return arms
}

async function simulateRecipients(): Promise<Record<string, number>> {
  const arms: Record<string, number> = {}
  for (let i = 0; i < recipients; i++) {
    events.push({ idempotencyKey: key('r-consent', i), type: 'consent_change', customer: key('r', i), consents: { analytics: true, newsletter: true } })
  }
  await postEvents(true)
  await inParallel(recipients, async (i) => {
    const customer = key('r', i)
    const { data, error } = await renderPage(tessera, 'newsletter', { channel: 'email', customer, consent: 'analytics' })
    if (error || !data) throw new Error(`render newsletter: ${error?.error.message}`)
    const subject = (data as RenderedEmail).email!.variant.label
    arms[subject] = (arms[subject] ?? 0) + 1
    if (random.uniform() < (subject === 'Urgent' ? 0.11 : 0.07)) events.push({ idempotencyKey: key('click', i), type: 'click', name: 'newsletter', customer })
    if (random.uniform() < 0.01) events.push({ idempotencyKey: key('unsubscribe', i), type: 'consent_change', customer, consents: { newsletter: false } })
    if (events.length >= 1000) await postEvents()
  })
  await postEvents(true)
  return arms
}

const started = Date.now()
console.log(`Simulating ${visitors} visitors and ${recipients} newsletter recipients against ${baseUrl} (run ${run})…`)
const heroArms = await simulateVisitors()
console.log('Home hero served:', heroArms)
const subjectArms = await simulateRecipients()
console.log('Newsletter subject served:', subjectArms)
console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${sent} events sent. Open Personalization → Experiments in the admin for the results.`)
