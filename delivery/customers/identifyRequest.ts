/**
 * POST /api/identify { visitor, customer, email? } with an events API key:
 * the website visitor is this customer (after a login, from a CRM export).
 * Their profiles merge; newest value wins per trait, consent and list.
 */
import type { Payload } from 'payload'
import { z } from 'zod'

import { checkApiKey } from '../trust/apiKeys'
import { errorResponse, readJsonBody } from '../http/errors'
import { ensureProfile } from './profiles'

const IdentifySchema = z
  .object({
    visitor: z.string().min(1).max(128).optional(),
    customer: z.string().min(1).max(128),
    email: z.string().email().max(320).optional(),
  })
  .strict()

export async function handleIdentify(payload: Payload, request: Request): Promise<Response> {
  const key = await checkApiKey(payload, request.headers.get('authorization'))
  if (key.status !== 'valid') {
    return errorResponse(401, 'invalid_api_key', key.status === 'invalid' ? key.reason : 'An events API key is required.', [], { 'WWW-Authenticate': 'Bearer' })
  }
  if (!key.caller.scopes.includes('events')) return errorResponse(403, 'insufficient_scope', `The API key “${key.caller.name}” does not have the “events” scope.`)
  const body = await readJsonBody(request, 8 * 1024)
  if (!body.ok) return body.response
  const parsed = IdentifySchema.safeParse(body.value)
  if (!parsed.success) {
    return errorResponse(400, 'invalid_identity', 'Send { "customer": "…", "visitor": "…" }.', parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })))
  }
  const profile = await ensureProfile(payload, parsed.data)
  return Response.json({ profile: profile.id, keys: profile.keys.length }, { headers: { 'Cache-Control': 'no-store' } })
}
