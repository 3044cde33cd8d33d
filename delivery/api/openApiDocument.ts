/**
 * The OpenAPI 3.1 document of every public endpoint, made from the very zod
 * schemas the handlers validate with and answer by (zod-openapi), so the
 * document cannot drift from the code. `npm run openapi` writes it to
 * openapi.json (committed: the typed client is generated from it, and a test
 * fails when it is out of date); /api/openapi.json serves it.
 */
import { z } from 'zod'
import { createDocument, type ZodOpenApiObject, type ZodOpenApiResponsesObject } from 'zod-openapi'

import { CHANNELS, DEVICES, LENGTHS, LOCALES, RenderContextSchema } from '../../engine'
import {
  ChoiceSchema,
  ConsentSavedSchema,
  ConsentStateSchema,
  EventBatchSchema,
  EventsResponseSchema,
  IdentifiedSchema,
  IdentifySchema,
  UnsubscribedSchema,
} from '../customers'
import { EXPORT_COLUMNS, ExperimentResultsSchema, ExposureExportQuerySchema, ResultsQuerySchema } from '../experiments'
import { ErrorBodySchema } from '../http'
import { BUNDLE_CACHE_CONTROL, DistributedBundleSchema, DistributedManifestSchema } from '../../contract'
import { BatchResponseSchema, BatchSchema, RENDER_FORMATS } from '../render'
import { RenderedJsonSchema } from '../../channels/json'
import { BEHAVIOUR_TYPES, CHANGE_TYPES, ChangeMessageSchema } from '../sharing'
import { HealthSchema } from '../snapshot'

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } })

const error = (description: string) => ({ description, content: json(ErrorBodySchema) })

/** Errors every endpoint may answer. */
const commonErrors: ZodOpenApiResponsesObject = {
  '429': error('Past a rate limit (see Retry-After); never cached.'),
  '500': error('Something unforeseen broke; the error is logged, nothing internal is shown.'),
  '503': error('The server is starting, or nothing has been published yet.'),
}

const keyErrors: ZodOpenApiResponsesObject = {
  '401': error('invalid_api_key (unknown, revoked or expired) or api_key_required'),
  '403': error('insufficient_scope: the key lacks the scope this endpoint needs'),
}

const EmailJsonSchema = RenderedJsonSchema.extend({
  subject: z.string(),
  preheader: z.string(),
  html: z.string().meta({ description: 'Email HTML (MJML: table layout, inlined CSS, dark-mode aware)' }),
  text: z.string().meta({ description: 'The plain-text part' }),
  headers: z.record(z.string(), z.string()).meta({ description: 'List-Unsubscribe and List-Unsubscribe-Post for this recipient and list' }),
}).meta({ id: 'RenderedEmail' })

const shape = RenderContextSchema.shape
/** The query string a GET /api/render/{slug} reads (the same context as the POST body, by query names). */
const RenderQuerySchema = z.object({
  format: z.enum(RENDER_FORMATS).optional().meta({ description: 'json (default), html, text (email) or png (screen)' }),
  channel: z.enum(CHANNELS).optional().meta({ description: "Default: the page's own channel" }),
  locale: z.enum(LOCALES).optional().meta({ description: 'Default: from Accept-Language, else the default locale' }),
  store: shape.store,
  country: z.string().optional(),
  region: z.string().optional(),
  city: z.string().optional(),
  device: z.enum(DEVICES).optional(),
  tz: z.string().optional().meta({ description: 'IANA time zone for daypart, weekday, date and time of day' }),
  referrer: z.string().optional(),
  utm_source: z.string().optional(),
  utm_medium: z.string().optional(),
  utm_campaign: z.string().optional(),
  tessera: z.string().optional().meta({ description: 'The signed visit token of a link from an email (website only)' }),
  segment: z.string().optional().meta({ description: 'Segments the caller vouches for, comma-separated or repeated (API key / editor only)' }),
  visitor: shape.visitor.meta({ description: 'Visitor id (API key / editor only)' }),
  customer: shape.customer.meta({ description: 'Customer id; its profile is read (API key / editor only)' }),
  consent: z.string().optional().meta({ description: 'Consent purposes granted, comma-separated (API key / editor only; keys default to personalization)' }),
  at: z.string().optional().meta({ description: 'Decide as of this ISO 8601 instant (API key / editor only)' }),
  tone: z.string().optional().meta({ description: 'Preferred tone (API key / editor only)' }),
  length: z.enum(LENGTHS).optional(),
  debug: z.enum(['1', 'true']).optional().meta({ description: 'Include the decision trace (API key / editor only)' }),
  width: z.string().optional().meta({ description: 'Screens: pixels (240–3840)' }),
  height: z.string().optional().meta({ description: 'Screens: pixels (240–3840); at most 3840 × 2160' }),
  refresh: z.string().optional().meta({ description: 'Screens: seconds between polls (5–3600, default 30)' }),
  slideSeconds: z.string().optional().meta({ description: 'Screens: seconds per slide (3–600, default 8)' }),
  slide: z.string().optional().meta({ description: 'Screen PNG: which slide, from 0 (wraps around)' }),
})

const renderResponses: ZodOpenApiResponsesObject = {
  '200': {
    description:
      'The page decided for this context: JSON (web and screen pages as RenderedPage, email pages as RenderedEmail), an HTML fragment or document, the email text part, or a screen PNG. Cache-Control is private when the decision used visitor data; otherwise public with a Vary naming every header that could change it.',
    headers: z.object({
      ETag: z.string().meta({ description: 'Snapshot version and everything that shaped the bytes' }),
      'X-Tessera-Snapshot': z.string(),
      'X-Tessera-Personalized': z.enum(['true', 'false']),
    }),
    content: {
      'application/json': { schema: z.union([RenderedJsonSchema, EmailJsonSchema]) },
      'text/html': { schema: z.string() },
      'text/plain': { schema: z.string() },
      'image/png': { schema: z.string().meta({ format: 'binary' }) },
    },
  },
  '304': { description: 'Not modified: If-None-Match names this decision' },
  '400': error('invalid_context (naming the parameter or JSON path), invalid_json, invalid_format, invalid_screen'),
  '404': error('page_not_found'),
  '409': error('recipient_unsubscribed: a marketing email for someone who left its list'),
  '413': error('body_too_large (64 KB), screen_too_large (beyond 4K)'),
  '415': error('unsupported_media_type: a body that is not JSON'),
  ...keyErrors,
  ...commonErrors,
}

const slug = z.object({ slug: z.string().meta({ description: 'The page slug', example: 'home' }) })
const form = <T extends z.ZodType>(schema: T) => ({ 'application/x-www-form-urlencoded': { schema } })

export function openApiDocument() {
  const document: ZodOpenApiObject = {
    openapi: '3.1.0',
    info: {
      title: 'Tessera',
      version: '0.1.0',
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Headless content personalization: one render API for web pages, emails and in-store screens, an events API, consent and preferences. Errors are `{ error: { code, message, issues } }`. Public callers cannot state visitor data; an API key (`Authorization: Bearer tsk_…`) with the right scope can.',
    },
    servers: [{ url: '/', description: 'This server' }],
    components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A Tessera API key (tsk_…), with the render, events or delivery scope' } } },
    paths: {
      '/api/render/{slug}': {
        get: {
          operationId: 'renderPage',
          summary: 'Render a page for a context given in the query string',
          tags: ['Render'],
          security: [{}, { apiKey: [] }],
          requestParams: { path: slug, query: RenderQuerySchema },
          responses: renderResponses,
        },
        post: {
          operationId: 'renderPageWithContext',
          summary: 'Render a page for a context given as JSON',
          tags: ['Render'],
          security: [{}, { apiKey: [] }],
          requestParams: { path: slug, query: z.object({ format: RenderQuerySchema.shape.format }) },
          requestBody: { content: json(RenderContextSchema.extend({ debug: z.boolean().optional() }).meta({ id: 'RenderContext' })) },
          responses: renderResponses,
        },
      },
      '/api/render/{slug}/batch': {
        post: {
          operationId: 'renderEmailBatch',
          summary: 'Render an email for up to 1,000 recipients, one result each, in order',
          tags: ['Render'],
          security: [{ apiKey: [] }],
          requestParams: { path: slug, query: z.object({ channel: z.literal('email').optional() }) },
          requestBody: { content: json(BatchSchema.meta({ id: 'BatchRequest' })) },
          responses: { '200': { description: 'One result per recipient', content: json(BatchResponseSchema) }, '400': error('invalid_batch, not_an_email'), '413': error('More than 1,000 recipients'), ...keyErrors, ...commonErrors },
        },
      },
      '/api/events': {
        post: {
          operationId: 'postEvents',
          summary: 'Report what happened: up to 1,000 events, each with an idempotency key',
          tags: ['Customers'],
          security: [{ apiKey: [] }, {}],
          description: 'With an events API key, each event names its person. The website’s own pages post without a key (same origin, the visitor from the signed cookie, at most 50 events).',
          requestBody: { content: json(EventBatchSchema.meta({ id: 'EventBatch' })) },
          responses: { '200': { description: 'Accepted, duplicate or rejected, per event', content: json(EventsResponseSchema) }, '400': error('invalid_events'), '413': error('Too many events or too large a body'), ...keyErrors, ...commonErrors },
        },
      },
      '/api/identify': {
        post: {
          operationId: 'identify',
          summary: 'This website visitor is this customer: their profiles merge',
          tags: ['Customers'],
          security: [{ apiKey: [] }],
          requestBody: { content: json(IdentifySchema) },
          responses: { '200': { description: 'The merged profile', content: json(IdentifiedSchema) }, '400': error('invalid_identity'), ...keyErrors, ...commonErrors },
        },
      },
      '/api/consent': {
        get: {
          operationId: 'getConsent',
          security: [{}],
          summary: 'The purposes the banner offers, and the visitor’s current choice',
          tags: ['Consent'],
          requestParams: { query: z.object({ locale: z.enum(LOCALES).optional() }) },
          responses: { '200': { description: 'Purposes and choice', content: json(ConsentStateSchema) }, ...commonErrors },
        },
        post: {
          operationId: 'postConsent',
          security: [{}],
          summary: 'Save the visitor’s choice (from this site’s own pages only)',
          tags: ['Consent'],
          requestBody: { content: json(ChoiceSchema) },
          responses: { '200': { description: 'Saved; signed cookies are set', content: json(ConsentSavedSchema) }, '400': error('invalid_choice, unknown_purpose'), '403': error('cross_site'), ...commonErrors },
        },
      },
      '/api/preferences': {
        post: {
          operationId: 'changeListFromPreferenceCenter',
          security: [{}],
          summary: 'The preference center’s form: one list, subscribe or unsubscribe',
          tags: ['Consent'],
          requestBody: {
            content: form(
              z.object({
                token: z.string().meta({ description: 'The recipient token of the email’s preference link' }),
                list: z.string(),
                action: z.enum(['subscribe', 'unsubscribe']),
                choice: z.string().optional().meta({ description: 'The choice id the page put in this form: a double submit counts once' }),
              }),
            ),
          },
          responses: { '303': { description: 'Back to the preference page, saying what was saved' }, '400': error('invalid_form'), '403': error('invalid_token, cross_site'), '404': error('unknown_list'), '413': error('body_too_large'), ...commonErrors },
        },
      },
      '/api/unsubscribe': {
        get: {
          operationId: 'openUnsubscribeLink',
          security: [{}],
          summary: 'A person clicking the List-Unsubscribe link: to the preference center',
          tags: ['Consent'],
          requestParams: { query: z.object({ token: z.string().optional() }) },
          responses: { '303': { description: 'To /preferences' } },
        },
        post: {
          operationId: 'oneClickUnsubscribe',
          security: [{}],
          summary: 'RFC 8058 one-click unsubscribe from the list the email was sent to',
          tags: ['Consent'],
          requestParams: { query: z.object({ token: z.string() }) },
          requestBody: { content: form(z.object({ 'List-Unsubscribe': z.literal('One-Click') })) },
          responses: { '200': { description: 'Left that list (idempotent)', content: json(UnsubscribedSchema) }, '400': error('not_one_click, no_list'), '403': error('invalid_token'), '410': error('list_gone'), ...commonErrors },
        },
      },
      '/api/experiments/{key}/results': {
        get: {
          operationId: 'experimentResults',
          summary: 'An experiment’s results: per arm units, value, lift with intervals, p-values, chance to beat control; SRM and multiple exposures',
          tags: ['Experiments'],
          security: [{ apiKey: [] }],
          description: 'For an API key with the events scope, or a signed-in editor. Computed from per-arm sums in the database; the admin’s results view shows the same numbers.',
          requestParams: { path: z.object({ key: z.string().meta({ description: 'The experiment key', example: 'home-hero-test' }) }), query: ResultsQuerySchema },
          responses: {
            '200': { description: 'The results of the phase', content: json(ExperimentResultsSchema) },
            '400': error('invalid_query'),
            '404': error('experiment_not_found'),
            ...keyErrors,
            ...commonErrors,
          },
        },
      },
      '/api/experiments/{key}/exposures': {
        get: {
          operationId: 'exportExposures',
          summary: `An experiment’s exposures as NDJSON or CSV (${EXPORT_COLUMNS.join(', ')})`,
          tags: ['Experiments'],
          security: [{ apiKey: [] }],
          requestParams: { path: z.object({ key: z.string() }), query: ExposureExportQuerySchema },
          responses: {
            '200': { description: 'One exposure row per unit and phase', content: { 'application/x-ndjson': { schema: z.string() }, 'text/csv': { schema: z.string() } } },
            '400': error('invalid_query'),
            '404': error('experiment_not_found'),
            ...keyErrors,
            ...commonErrors,
          },
        },
      },
      '/api/delivery/manifest': {
        get: {
          operationId: 'getDeliveryManifest',
          summary: 'The live snapshot’s manifest, the public keys that verify our tokens, and the render settings: what an edge renderer needs',
          tags: ['Delivery'],
          security: [{ apiKey: [] }],
          description: 'Needs the delivery scope. Revalidate with If-None-Match: 304 while the version, the keys and the settings are unchanged.',
          responses: {
            '200': { description: 'The manifest (Cache-Control: private, no-cache)', headers: z.object({ ETag: z.string() }), content: json(DistributedManifestSchema) },
            '304': { description: 'Not modified: If-None-Match names the current manifest' },
            ...keyErrors,
            ...commonErrors,
          },
        },
      },
      '/api/delivery/bundles/{hash}': {
        get: {
          operationId: 'getDeliveryBundle',
          summary: 'One page bundle by its content hash (immutable)',
          tags: ['Delivery'],
          security: [{ apiKey: [] }],
          description: `Needs the delivery scope. A bundle never changes under its hash: Cache-Control: ${BUNDLE_CACHE_CONTROL} (private: a bundle holds every variant of its page).`,
          requestParams: { path: z.object({ hash: z.string().meta({ description: 'The content hash a manifest page names (24 hex digits)', example: '0123456789abcdef01234567' }) }) },
          responses: {
            '200': { description: 'The bundle', headers: z.object({ ETag: z.string() }), content: json(DistributedBundleSchema) },
            '304': { description: 'Not modified' },
            '400': error('invalid_bundle_hash'),
            '404': error('bundle_not_found'),
            ...keyErrors,
            ...commonErrors,
          },
        },
      },
      '/api/health': {
        get: {
          operationId: 'health',
          security: [{}],
          summary: 'Ready: booted, the database answers, the latest publish is live',
          tags: ['Operations'],
          responses: { '200': { description: 'Ready', content: json(HealthSchema) }, '429': commonErrors['429']!, '503': error('unavailable') },
        },
      },
      '/api/updates': {
        get: {
          operationId: 'liveUpdates',
          security: [{}],
          summary: 'Server-sent events: a new snapshot is live',
          description:
            'An event stream (text/event-stream). On connect: `event: live` with `{"version": …}`; on every publish: `event: publish` with the new version. It carries no content: a listener fetches its own render again (with If-None-Match). Screens use it and keep polling as the fallback.',
          tags: ['Operations'],
          responses: {
            '200': { description: 'The stream (kept open, a comment every 25 s)', content: { 'text/event-stream': { schema: z.string().meta({ example: 'event: publish\nid: 3f2a…\ndata: {"version":"3f2a…"}\n\n' }) } } },
            '503': error('too_many_streams: this server holds its maximum of open streams; poll instead'),
          },
        },
      },
    },
    webhooks: {
      change: {
        post: {
          operationId: 'changeWebhook',
          // Authenticated by its signature (webhook-signature), not by a scheme the receiver declares.
          security: [{}],
          summary: 'A change, POSTed to each webhook endpoint that subscribed to its type',
          description:
            `Signed per Standard Webhooks: headers webhook-id (the message id, stable across retries and replays), webhook-timestamp and webhook-signature (verify with the standardwebhooks library and the endpoint's secret). Change types: ${CHANGE_TYPES.join(', ')}; behaviour (opt-in): ${BEHAVIOUR_TYPES.join(', ')}. Answer 2xx within 10 s; anything else is retried with exponential backoff for about a day, then dead-lettered.`,
          tags: ['Webhooks'],
          requestBody: { content: json(ChangeMessageSchema) },
          responses: { '200': { description: 'Received (any 2xx)' } },
        },
      },
    },
  }
  return createDocument(document)
}
