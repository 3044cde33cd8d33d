/**
 * The typed client's types match the server: what the handlers accept and
 * answer compiles, what they would refuse does not (`tsc` fails if any
 * `@ts-expect-error` below stops being an error). Checked by `npm run typecheck`.
 */
import { createTesseraClient, renderPage, type RenderedPage } from '../../client'

const tessera = createTesseraClient({ baseUrl: 'https://cms.example.com', apiKey: 'tsk_example' })

export async function specification() {
  const page = await tessera.GET('/api/render/{slug}', { params: { path: { slug: 'home' }, query: { segment: 'loyal-gold', locale: 'fr' } } })
  const rendered = page.data as RenderedPage | undefined
  const headline: string | undefined = rendered?.blocks[0]?.content.headline
  void headline

  // @ts-expect-error: there is no such locale
  await tessera.GET('/api/render/{slug}', { params: { path: { slug: 'home' }, query: { locale: 'de' } } })
  // @ts-expect-error: the page slug is required
  await tessera.GET('/api/render/{slug}', { params: { query: {} } })

  await tessera.POST('/api/events', { body: { events: [{ idempotencyKey: 'a1b2c3d4e5', type: 'page_view', customer: 'crm-42', category: 'candles' }] } })
  // @ts-expect-error: not an event type
  await tessera.POST('/api/events', { body: { events: [{ idempotencyKey: 'a1b2c3d4e5', type: 'teleport' }] } })
  // @ts-expect-error: events carry an idempotency key
  await tessera.POST('/api/events', { body: { events: [{ type: 'click' }] } })

  const batch = await tessera.POST('/api/render/{slug}/batch', { params: { path: { slug: 'newsletter' } }, body: { recipients: [{ customer: 'c-1' }] } })
  for (const result of batch.data?.results ?? []) {
    if (result.ok) void result.subject
    // @ts-expect-error: a failed result has no subject
    else void result.subject
  }
  // @ts-expect-error: identify needs a customer
  await tessera.POST('/api/identify', { body: { visitor: 'v-1' } })
}

/** README's example, as written there: it must compile. */
export async function readmeExample() {
  const tessera = createTesseraClient({ baseUrl: 'http://localhost:3000', apiKey: process.env.TESSERA_KEY })
  const { data, error } = await renderPage(tessera, 'home', { customer: 'crm-42', locale: 'fr' })
  if (error || !data) throw new Error(`${error?.error.code}: ${error?.error.message}`)
  console.log(data.blocks.map((block) => block.content.headline))
}
