/**
 * The List-Unsubscribe URL. POST with `List-Unsubscribe=One-Click` (RFC 8058,
 * sent by mailbox providers without cookies or login) leaves the list the
 * email was sent to, and only that list; it is idempotent. A forged or
 * expired token gets 403 and changes nothing. GET (a person clicking the
 * link) leads to the preference center. Limited per link, and (generously:
 * mailbox providers post for many recipients) per address.
 */
import type { Payload } from 'payload'
import { z } from 'zod'

import { errorResponse, publicOrigin, readFormBody } from '../http'
import { rateLimit, requestClient } from '../limits'
import { readRecipientToken, recipientLinkId } from '../trust'
import { setListStatus, UnknownListError } from './preferences'

/** The list left. */
export const UnsubscribedSchema = z.object({ unsubscribed: z.string() })

export async function handleUnsubscribePost(payload: Payload, request: Request): Promise<Response> {
  const throttledAddress = await rateLimit('unsubscribe', requestClient(request))
  if (throttledAddress) return throttledAddress
  const token = new URL(request.url).searchParams.get('token')
  const claims = await readRecipientToken(token)
  if (!token || !claims) return errorResponse(403, 'invalid_token', 'This unsubscribe link is not valid (altered or expired); nothing was changed.')
  const throttledLink = await rateLimit('unsubscribePerLink', recipientLinkId(token))
  if (throttledLink) return throttledLink
  if (!claims.list) return errorResponse(400, 'no_list', 'This link is not for a mailing list.')
  const body = await readFormBody(request, 1024)
  if (!body.ok) return body.response
  const oneClick = body.value.get('List-Unsubscribe') === 'One-Click'
  if (!oneClick) {
    return errorResponse(400, 'not_one_click', 'Send the form body “List-Unsubscribe=One-Click” (RFC 8058).', [{ path: 'List-Unsubscribe', message: 'Expected One-Click' }])
  }
  try {
    await setListStatus(payload, token, claims, claims.list, 'unsubscribed', 'one-click')
  } catch (error) {
    if (error instanceof UnknownListError) return errorResponse(410, 'list_gone', error.message)
    throw error
  }
  return Response.json({ unsubscribed: claims.list }, { headers: { 'Cache-Control': 'no-store' } })
}

export function handleUnsubscribeGet(request: Request): Response {
  const url = new URL(request.url)
  const token = url.searchParams.get('token')
  const target = new URL('/preferences', publicOrigin(request))
  if (token) target.searchParams.set('token', token)
  return new Response(null, { status: 303, headers: { Location: target.toString(), 'Cache-Control': 'no-store' } })
}
