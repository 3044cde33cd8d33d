/** The List-Unsubscribe URL: POST one-click (RFC 8058), GET leads to the preference center. */
import config from '@payload-config'
import { getPayload } from 'payload'

import { errorResponse } from '../../../delivery/httpErrors'
import { handleUnsubscribeGet, handleUnsubscribePost } from '../../../delivery/unsubscribeRequest'

export const dynamic = 'force-dynamic'

export async function POST(request: Request): Promise<Response> {
  const payload = await getPayload({ config })
  try {
    return await handleUnsubscribePost(payload, request)
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Unsubscribe failed' })
    return errorResponse(500, 'internal_error', 'The unsubscription could not be saved; please try again.')
  }
}

export function GET(request: Request): Response {
  return handleUnsubscribeGet(request)
}
