/** The events API: POST /api/events with { events: [...] }. */
import config from '@payload-config'
import { getPayload } from 'payload'

import { handleEventsRequest } from '../../../delivery/eventsRequest'
import { errorResponse } from '../../../delivery/httpErrors'

export const dynamic = 'force-dynamic'

export async function POST(request: Request): Promise<Response> {
  const payload = await getPayload({ config })
  try {
    return await handleEventsRequest(payload, request)
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Events failed' })
    return errorResponse(500, 'internal_error', 'The events could not be stored; nothing was acknowledged. Retry with the same idempotency keys.')
  }
}
