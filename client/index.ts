/**
 * The typed Tessera client: openapi-fetch over the types generated from the
 * OpenAPI document (client/schema.d.ts, `npm run openapi`). Web-standard
 * fetch only, so it runs in Node, browsers and edge runtimes alike.
 *
 *   const tessera = createTesseraClient({ baseUrl: 'https://cms.example.com', apiKey: process.env.TESSERA_KEY })
 *   const { data, error } = await tessera.GET('/api/render/{slug}', { params: { path: { slug: 'home' }, query: { segment: 'loyal-gold' } } })
 */
import createClient, { type Client } from 'openapi-fetch'

import type { components, paths } from './schema'

export type TesseraPaths = paths
export type RenderedPage = components['schemas']['RenderedPage']
export type RenderedEmail = components['schemas']['RenderedEmail']
export type RenderContext = components['schemas']['RenderContext']
export type EventBatch = components['schemas']['EventBatch']
export type TesseraError = components['schemas']['Error']

export type TesseraClientOptions = {
  /** The Tessera server's origin, e.g. https://cms.example.com. */
  baseUrl: string
  /** An API key (tsk_…) with the render and/or events scope; omit for public calls. */
  apiKey?: string
  /** A fetch of your own (a test's, a platform's); default: the global fetch. */
  fetch?: typeof globalThis.fetch
  headers?: Record<string, string>
}

export function createTesseraClient({ baseUrl, apiKey, fetch, headers }: TesseraClientOptions): Client<paths> {
  return createClient<paths>({
    baseUrl: baseUrl.replace(/\/$/, ''),
    ...(fetch ? { fetch } : {}),
    headers: { ...headers, ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}) },
  })
}

type RenderQuery = NonNullable<paths['/api/render/{slug}']['get']['parameters']['query']>

/** GET /api/render/{slug} as JSON: the page decided for this context (an email page answers with its subject, HTML and text too). */
export async function renderPage(client: Client<paths>, slug: string, query: Omit<RenderQuery, 'format'> = {}) {
  const { data, error, response } = await client.GET('/api/render/{slug}', { params: { path: { slug }, query: { ...query, format: 'json' } } })
  // format=json: the answer is JSON, never the HTML, text or PNG the same operation can give.
  return { data: data as RenderedPage | RenderedEmail | undefined, error, response }
}
