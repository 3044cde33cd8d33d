/**
 * POST /api/identify { visitor, customer, email? } with an events API key:
 * the website visitor is this customer (after a login, from a CRM export).
 * Their profiles merge; newest value wins per trait, consent and list.
 */
import type { Payload } from 'payload'
import { z } from 'zod'

import { errorResponse, readJsonBody, zodIssues } from '../http'
import { identifyCaller } from '../trust'
import { ensureProfile } from './profileIdentity'

export const IdentifySchema = z
  .object({
    visitor: z.string().min(1).max(128).optional(),
    customer: z.string().min(1).max(128),
    email: z.string().email().max(320).optional(),
  })
  .strict()

/** The profile the identities now share, and how many keys it is known by. */
export const IdentifiedSchema = z.object({ profile: z.string(), keys: z.number().int() })

export async function handleIdentify(payload: Payload, request: Request): Promise<Response> {
  const identified = await identifyCaller(payload, request, { scope: 'events', requireKey: true, limits: { trusted: 'keyIdentify' } })
  if (!identified.ok) return identified.response
  const body = await readJsonBody(request, 8 * 1024)
  if (!body.ok) return body.response
  const parsed = IdentifySchema.safeParse(body.value)
  if (!parsed.success) {
    return errorResponse(400, 'invalid_identity', 'Send { "customer": "…", "visitor": "…" }.', zodIssues(parsed.error))
  }
  const profile = await ensureProfile(payload, parsed.data)
  return Response.json({ profile: profile.id, keys: profile.keys.length }, { headers: { 'Cache-Control': 'no-store' } })
}
