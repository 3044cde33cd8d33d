/** The preference center's form post: one list, subscribe or unsubscribe, from the signed link; back to the page. */
import type { Payload } from 'payload'

import { isSameOrigin } from './eventsRequest'
import { errorResponse } from '../http/errors'
import { setListStatus, UnknownListError } from './preferences'
import { readRecipientToken } from '../trust/recipientTokens'

export async function handlePreferencesPost(payload: Payload, request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return errorResponse(403, 'cross_site', 'Preferences are changed from this site’s preference page.')
  const form = await request.formData().catch(() => undefined)
  const token = form?.get('token')
  const list = form?.get('list')
  const action = form?.get('action')
  const claims = typeof token === 'string' ? await readRecipientToken(token) : undefined
  if (typeof token !== 'string' || !claims) return errorResponse(403, 'invalid_token', 'This link is not valid (altered or expired); nothing was changed.')
  if (typeof list !== 'string' || (action !== 'subscribe' && action !== 'unsubscribe')) {
    return errorResponse(400, 'invalid_form', 'Choose a list and whether to subscribe or unsubscribe.')
  }
  try {
    await setListStatus(payload, token, claims, list, action === 'subscribe' ? 'subscribed' : 'unsubscribed', 'preference-center')
  } catch (error) {
    if (error instanceof UnknownListError) return errorResponse(404, 'unknown_list', error.message)
    throw error
  }
  const back = new URL('/preferences', new URL(request.url).origin)
  back.searchParams.set('token', token)
  back.searchParams.set('saved', list)
  return new Response(null, { status: 303, headers: { Location: back.toString(), 'Cache-Control': 'no-store' } })
}
