/**
 * The preference center's form post: one list, subscribe or unsubscribe, from
 * the signed link; back to the page. Limited per address and per link.
 */
import type { Payload } from 'payload'

import { errorResponse, isSameOrigin, publicOrigin, readFormBody } from '../http'
import { rateLimit, requestClient } from '../limits'
import { readRecipientToken, recipientLinkId } from '../trust'
import { setListStatus, UnknownListError } from './preferences'

/** One list, one action and a token: a few hundred bytes (a token is under 1 KB). */
const MAX_FORM_BYTES = 4 * 1024

export async function handlePreferencesPost(payload: Payload, request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return errorResponse(403, 'cross_site', 'Preferences are changed from this site’s preference page.')
  const throttledAddress = await rateLimit('preferences', requestClient(request))
  if (throttledAddress) return throttledAddress
  const body = await readFormBody(request, MAX_FORM_BYTES)
  if (!body.ok) return body.response
  const form = body.value
  const token = form?.get('token')
  const list = form?.get('list')
  const action = form?.get('action')
  // One choice per form shown (the page puts a fresh one in each): a double submit counts once, a later choice wins.
  const choice = form?.get('choice')
  const claims = typeof token === 'string' ? await readRecipientToken(token) : undefined
  if (typeof token !== 'string' || !claims) return errorResponse(403, 'invalid_token', 'This link is not valid (altered or expired); nothing was changed.')
  const throttledLink = await rateLimit('preferencesPerLink', recipientLinkId(token))
  if (throttledLink) return throttledLink
  if (typeof list !== 'string' || (action !== 'subscribe' && action !== 'unsubscribe')) {
    return errorResponse(400, 'invalid_form', 'Choose a list and whether to subscribe or unsubscribe.')
  }
  if (choice !== null && (typeof choice !== 'string' || !/^[\w-]{8,64}$/.test(choice))) {
    return errorResponse(400, 'invalid_form', 'The form is damaged: reload the preference page and choose again.', [{ path: 'choice', message: 'Expected the identifier the page put in its form' }])
  }
  try {
    await setListStatus(payload, token, claims, list, action === 'subscribe' ? 'subscribed' : 'unsubscribed', 'preference-center', choice ?? undefined)
  } catch (error) {
    if (error instanceof UnknownListError) return errorResponse(404, 'unknown_list', error.message)
    throw error
  }
  const back = new URL('/preferences', publicOrigin(request))
  back.searchParams.set('token', token)
  back.searchParams.set('saved', list)
  return new Response(null, { status: 303, headers: { Location: back.toString(), 'Cache-Control': 'no-store' } })
}
