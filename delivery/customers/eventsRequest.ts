/**
 * POST /api/events: from a system holding an events API key (any person, by
 * visitor id, customer id or email), or from the website itself (same origin,
 * the visitor named by the signed cookie, consent read from the signed
 * consent cookie; nothing at all before the visitor has consented). The
 * website's batches are small (a page's events) and limited per address and
 * per visitor; a key's are large, from its own generous budget.
 */
import type { Payload } from 'payload'

import { errorResponse, isSameOrigin, readJsonBody } from '../http'
import { rateLimit } from '../limits'
import { liveManifest } from '../snapshot'
import { contextIssues, identifyCaller, visitorCookies } from '../trust'
import { EventBatchSchema, recordEvents, type EventSource } from './events'

const MAX_EVENTS_BYTES = 2 * 1024 * 1024
/** What one page of the website reports at once; anything more is not a browser's doing. */
export const MAX_SITE_EVENTS_PER_BATCH = 50
/** 50 events of a few KB each. */
const MAX_SITE_EVENTS_BYTES = 256 * 1024

export async function handleEventsRequest(payload: Payload, request: Request): Promise<Response> {
  const identified = await identifyCaller(payload, request, { scope: 'events', editors: false, limits: { trusted: 'keyEvents', public: 'siteEvents' } })
  if (!identified.ok) return identified.response
  let source: EventSource
  if (identified.caller.kind === 'api-key') {
    source = { kind: 'api-key', name: identified.caller.name }
  } else {
    if (!isSameOrigin(request)) return errorResponse(403, 'cross_site', 'Events without an API key are accepted from this site’s own pages only.')
    const cookies = await visitorCookies(request)
    if (!cookies.visitor || !cookies.consent) {
      return errorResponse(403, 'consent_required', 'The visitor has not consented to anything that collects events: nothing was stored.')
    }
    const throttled = await rateLimit('siteEventsPerVisitor', cookies.visitor)
    if (throttled) return throttled
    source = { kind: 'site', visitor: cookies.visitor, consents: cookies.consent.purposes }
  }

  const body = await readJsonBody(request, source.kind === 'site' ? MAX_SITE_EVENTS_BYTES : MAX_EVENTS_BYTES)
  if (!body.ok) return body.response
  const parsed = EventBatchSchema.safeParse(body.value)
  if (!parsed.success) {
    const issues = contextIssues(parsed.error, false)
    const tooMany = parsed.error.issues.some((issue) => issue.code === 'too_big' && issue.path.length === 1)
    return errorResponse(tooMany ? 413 : 400, 'invalid_events', `Invalid events: ${issues[0]?.path}: ${issues[0]?.message}`, issues)
  }
  if (source.kind === 'site' && parsed.data.events.length > MAX_SITE_EVENTS_PER_BATCH) {
    return errorResponse(413, 'invalid_events', `The website sends at most ${MAX_SITE_EVENTS_PER_BATCH} events per batch; this one has ${parsed.data.events.length}.`, [
      { path: 'events', message: `At most ${MAX_SITE_EVENTS_PER_BATCH} events per batch from the website` },
    ])
  }
  if (source.kind === 'site' && parsed.data.events.some((event) => event.visitor || event.customer || event.email)) {
    return errorResponse(400, 'invalid_events', 'The website identifies its visitor by cookie: events may not name visitor, customer or email.', [
      { path: 'events', message: 'Remove visitor, customer and email' },
    ])
  }

  const manifest = await liveManifest(payload)
  const outcomes = await recordEvents(payload, parsed.data.events, source, manifest?.purposes ?? [])
  const count = (status: string) => outcomes.filter((outcome) => outcome.status === status).length
  return Response.json(
    { accepted: count('accepted'), duplicates: count('duplicate'), rejected: count('rejected'), results: outcomes },
    { status: 200, headers: { 'Cache-Control': 'no-store' } },
  )
}
