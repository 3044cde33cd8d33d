/**
 * Payload's login, limited on top of its own per-account lockout: failed
 * attempts count per client address (one address cannot try many accounts)
 * and per email address (many addresses cannot try one account). An attempt
 * spends before Payload checks the password, so concurrent attempts cannot
 * outrun the count; a login that succeeds is refunded. The GraphQL API's
 * login mutations count per client address, each one (a query may hold
 * several), whether or not it succeeds.
 */
import { createHash } from 'node:crypto'

import { readBoundedText } from '../http'
import { rateLimit, refundRateLimit, requestClient } from '../limits'

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>
/** Payload's REST route is a catch-all: `/api/users/login` is `{ slug: ['users', 'login'] }`. */
type RestContext = { params: Promise<{ slug: string[] }> }

/** A login body is a few hundred bytes: a larger one is refused (413), so none escapes the count per account. */
const MAX_LOGIN_BODY_BYTES = 16 * 1024
/** GraphQL documents are read up to this size (413 beyond) to count their login mutations. */
const MAX_GRAPHQL_BODY_BYTES = 1024 * 1024

/** Routed as Payload routes it: the decoded segments, and its paths match in any case (`/users/LOGIN` too). */
async function isLogin(request: Request, context: RestContext): Promise<boolean> {
  const slug = (await context.params)?.slug ?? []
  return request.method === 'POST' && slug.length === 2 && slug[1]!.toLowerCase() === 'login'
}

/** The email a login body names (JSON, or the `_payload` field of a multipart form, as Payload reads them). */
async function loginEmail(type: string, body: string): Promise<string | undefined> {
  let data: unknown
  try {
    if (type.startsWith('application/json')) data = JSON.parse(body)
    else if (type.startsWith('multipart/')) {
      const fields = (await new Response(body, { headers: { 'content-type': type } }).formData()).get('_payload')
      data = typeof fields === 'string' ? JSON.parse(fields) : undefined
    }
  } catch {
    // Payload answers what it cannot read; the address's budget still counts it.
    return undefined
  }
  const email = (data as { email?: unknown } | undefined)?.email
  return typeof email === 'string' && email.trim() ? email.trim().toLowerCase() : undefined
}

/** Budgets are named by a digest: no email address is stored by the limiter (nor in Redis). */
const accountBudget = (email: string) => createHash('sha256').update(email).digest('base64url').slice(0, 22)

/** Wraps Payload's REST POST: logins spend from the caller's and the account's budgets of failures. */
export function limitLogins(handle: RouteHandler<RestContext>): RouteHandler<RestContext> {
  return async (request, context) => {
    if (!(await isLogin(request, context))) return handle(request, context)
    const body = await readBoundedText(request.clone(), MAX_LOGIN_BODY_BYTES)
    if (!body.ok) return body.response
    const client = requestClient(request)
    const email = await loginEmail(request.headers.get('content-type') ?? '', body.value)
    const throttledClient = await rateLimit('loginFailures', client)
    if (throttledClient) return throttledClient
    const account = email ? accountBudget(email) : undefined
    if (account) {
      const throttledAccount = await rateLimit('loginFailuresPerEmail', account)
      if (throttledAccount) {
        // Refused before Payload saw it: not an attempt from this address.
        await refundRateLimit('loginFailures', client)
        return throttledAccount
      }
    }
    const response = await handle(request, context)
    if (response.ok) {
      await refundRateLimit('loginFailures', client)
      if (account) await refundRateLimit('loginFailuresPerEmail', account)
    }
    return response
  }
}

/** Wraps Payload's GraphQL POST: each login mutation in the document spends from the caller's budget. */
export function limitGraphqlLogins<Context>(handle: RouteHandler<Context>): RouteHandler<Context> {
  return async (request, context) => {
    const text = await readBoundedText(request.clone(), MAX_GRAPHQL_BODY_BYTES)
    if (!text.ok) return text.response
    // A login mutation is a `login<Collection>(…)` field; aliases do not change a field's name.
    const attempts = text.value.match(/\blogin[A-Z]\w*\s*\(/g)?.length ?? 0
    if (attempts > 0) {
      const throttled = await rateLimit('loginFailures', requestClient(request), attempts)
      if (throttled) return throttled
    }
    return handle(request, context)
  }
}
