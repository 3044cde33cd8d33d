/**
 * Batch rendering for email platforms: up to 1,000 recipient contexts in one
 * request, one result per recipient, in order. A recipient whose context is
 * invalid gets its own error; the others are rendered. The layout is compiled
 * once per distinct decision, then filled per recipient.
 */
import type { Payload } from 'payload'
import { z } from 'zod'

import { prefetchPeople, withProfile } from '../customers'
import { ErrorBodySchema, errorResponse, invalidInput, publicOrigin, readJsonBody } from '../http'
import { rateLimit } from '../limits'
import { callerBudget, contextIssues, identifyCaller, requestContext } from '../trust'
import { decideFor, loadPage } from './decide'
import { RecipientUnsubscribedError, renderEmail, type EmailForRecipient } from './email'
import { recordServed } from './exposures'

const utf8 = new TextEncoder()

export const MAX_BATCH_RECIPIENTS = 1000
const MAX_BATCH_BYTES = 4 * 1024 * 1024

export const BatchSchema = z
  .object({
    /** Context shared by every recipient (each recipient's own values win). */
    context: z.record(z.string(), z.unknown()).optional(),
    recipients: z
      .array(z.record(z.string(), z.unknown()), { error: 'recipients must be a list of contexts' })
      .min(1, 'Send at least one recipient')
      .max(MAX_BATCH_RECIPIENTS, `At most ${MAX_BATCH_RECIPIENTS} recipients per batch`),
  })
  .strict()

export const BatchResultSchema = z.discriminatedUnion('ok', [
  z.object({ index: z.number().int(), ok: z.literal(true), subject: z.string(), preheader: z.string(), html: z.string(), text: z.string(), headers: z.record(z.string(), z.string()), personalized: z.boolean() }),
  z.object({ index: z.number().int(), ok: z.literal(false), error: ErrorBodySchema.shape.error }),
])
export type BatchResult = z.infer<typeof BatchResultSchema>

export const BatchResponseSchema = z
  .object({ page: z.object({ slug: z.string(), channel: z.literal('email') }), snapshot: z.object({ version: z.string() }), count: z.number().int(), results: z.array(BatchResultSchema) })
  .meta({ id: 'BatchResponse' })

export async function handleRenderBatch(payload: Payload, request: Request, slug: string): Promise<Response> {
  const url = new URL(request.url)
  const channel = url.searchParams.get('channel') ?? 'email'
  if (channel !== 'email') {
    return errorResponse(400, 'invalid_channel', 'Batches render emails: use ?channel=email.', [{ path: 'channel', message: 'Expected email' }])
  }
  const identified = await identifyCaller(payload, request, { scope: 'render', requireKey: true })
  if (!identified.ok) return identified.response

  const body = await readJsonBody(request, MAX_BATCH_BYTES)
  if (!body.ok) return body.response
  const parsed = BatchSchema.safeParse(body.value)
  if (!parsed.success) {
    return invalidInput('invalid_batch', 'Invalid batch', contextIssues(parsed.error, false), parsed.error.issues.some((issue) => issue.code === 'too_big'))
  }
  // A key's budget counts recipients, not requests: ten batches of 100 cost what one of 1,000 does.
  const throttled = await rateLimit('keyBatchRecipients', callerBudget(identified.caller, request), parsed.data.recipients.length)
  if (throttled) return throttled

  const page = await loadPage(payload, slug)
  if (!page.ok) return errorResponse(page.failure.status, page.failure.code, page.failure.message)
  if (page.bundle.channel !== 'email') {
    return errorResponse(400, 'not_an_email', `“${slug}” is a ${page.bundle.channel} page; batches render email pages.`)
  }

  const base = publicOrigin(request)
  const contexts = await Promise.all(
    parsed.data.recipients.map((recipient) => requestContext(request, { ...parsed.data.context, ...recipient, channel: 'email' }, identified.caller, false)),
  )
  // Every recipient's profile in a few queries, not two per recipient.
  await prefetchPeople(payload, contexts.flatMap((built) => (built.ok ? [built.value] : [])))
  const results: BatchResult[] = []
  for (const [index, built] of contexts.entries()) {
    if (!built.ok) {
      const issues = contextIssues(built.issues, false)
      results.push({ index, ok: false, error: { code: 'invalid_context', message: `${issues[0]?.path}: ${issues[0]?.message}`, issues } })
      continue
    }
    const decision = decideFor(page.manifest, page.bundle, await withProfile(payload, built.value))
    let email: EmailForRecipient
    try {
      email = await renderEmail(decision, base)
    } catch (error) {
      if (!(error instanceof RecipientUnsubscribedError)) throw error
      results.push({ index, ok: false, error: { code: 'recipient_unsubscribed', message: error.message, issues: [] } })
      continue
    }
    await recordServed(payload, decision, request.url)
    results.push({
      index,
      ok: true,
      subject: email.subject,
      preheader: email.preheader,
      html: email.html,
      text: email.text,
      headers: email.headers,
      personalized: decision.resolved.personalized,
    })
  }
  // UTF-8 bytes, not Response.json: undici checks a string body for lone surrogates in JavaScript, and a batch is tens of MB.
  const bytes = utf8.encode(JSON.stringify({ page: { slug, channel: 'email' }, snapshot: { version: page.manifest.version }, count: results.length, results }))
  return new Response(bytes, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'private, no-store' } })
}
