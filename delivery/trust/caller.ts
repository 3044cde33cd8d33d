/**
 * Who is calling: a system holding an API key (with its scopes), an editor
 * signed in to the admin, or the public. Every endpoint asks here, so the
 * check, its errors and its rate limits are the same everywhere: an API key
 * (or an editor) spends from its own budget, the public from its address's.
 */
import type { Payload } from 'payload'

import { errorResponse } from '../http'
import { rateLimit, requestClient, type RateLimitName } from '../limits'
import type { ApiKeyScope } from './apiKeySecret'
import { checkApiKey } from './apiKeys'

export type Caller = { kind: 'public' } | { kind: 'api-key'; id: string; name: string; scopes: ApiKeyScope[] } | { kind: 'editor'; id: string; email: string }

export type CallerCheck = { ok: true; caller: Caller } | { ok: false; response: Response }

/** The limits a call spends from: `trusted` per API key or editor, `public` per client address. */
export type CallerLimits = { trusted?: RateLimitName; public?: RateLimitName }

type Options = {
  /** The scope an API key needs here. */
  scope: ApiKeyScope
  /** Only an API key will do (no editor session, no public caller). */
  requireKey?: boolean
  /** Whether an admin session counts (the render API's preview); off for write endpoints. */
  editors?: boolean
  limits?: CallerLimits
}

const unauthorized = (message: string) => errorResponse(401, 'invalid_api_key', message, [], { 'WWW-Authenticate': 'Bearer' })

/** The caller behind the request, or the 401/403/429 to answer. */
export async function identifyCaller(payload: Payload, request: Request, options: Options): Promise<CallerCheck> {
  const identified = await callerOf(payload, request, options)
  if (!identified.ok) return identified
  const { caller } = identified
  const limit = caller.kind === 'public' ? options.limits?.public : options.limits?.trusted
  if (!limit) return identified
  const throttled = await rateLimit(limit, callerBudget(caller, request))
  return throttled ? { ok: false, response: throttled } : identified
}

/** Whose budget a call spends from: the API key's or the editor's own, else the client address's. */
export function callerBudget(caller: Caller, request: Request): string {
  return caller.kind === 'public' ? requestClient(request) : `${caller.kind}:${caller.id}`
}

async function callerOf(payload: Payload, request: Request, { scope, requireKey = false, editors = true }: Options): Promise<CallerCheck> {
  const key = await checkApiKey(payload, request.headers.get('authorization'), requestClient(request))
  if (key.status === 'throttled') return { ok: false, response: key.response }
  if (key.status === 'invalid') return { ok: false, response: unauthorized(key.reason) }
  if (key.status === 'valid') {
    if (!key.caller.scopes.includes(scope)) {
      return { ok: false, response: errorResponse(403, 'insufficient_scope', `The API key “${key.caller.name}” does not have the “${scope}” scope.`) }
    }
    return { ok: true, caller: { kind: 'api-key', ...key.caller } }
  }
  if (requireKey) {
    return { ok: false, response: errorResponse(401, 'api_key_required', `An API key with the “${scope}” scope is required (Authorization: Bearer <key>).`, [], { 'WWW-Authenticate': 'Bearer' }) }
  }
  if (editors) {
    const editor = await editorSession(payload, request)
    if (editor) return { ok: true, caller: editor }
  }
  return { ok: true, caller: { kind: 'public' } }
}

/** An admin session (Payload's cookie or a `JWT` header), checked only when the request carries one. */
async function editorSession(payload: Payload, request: Request): Promise<Caller | undefined> {
  const cookies = request.headers.get('cookie') ?? ''
  const authorization = request.headers.get('authorization') ?? ''
  if (!cookies.includes(`${payload.config.cookiePrefix}-token=`) && !/^JWT\s/i.test(authorization)) return undefined
  const { user } = await payload.auth({ headers: request.headers }).catch(() => ({ user: null }))
  return user && user.collection === 'users' ? { kind: 'editor', id: String(user.id), email: String(user.email) } : undefined
}
