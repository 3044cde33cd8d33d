/** The consent banner's endpoint: GET the purposes and the current choice, POST a choice. */
import config from '@payload-config'
import { getPayload } from 'payload'

import { handleConsentGet, handleConsentPost } from '../../../delivery/consentRequest'
import { errorResponse } from '../../../delivery/httpErrors'

export const dynamic = 'force-dynamic'

async function guarded(handler: () => Promise<Response>, payload: Awaited<ReturnType<typeof getPayload>>): Promise<Response> {
  try {
    return await handler()
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Consent failed' })
    return errorResponse(500, 'internal_error', 'The choice could not be saved; please try again.')
  }
}

export async function GET(request: Request): Promise<Response> {
  const payload = await getPayload({ config })
  return guarded(() => handleConsentGet(payload, request), payload)
}

export async function POST(request: Request): Promise<Response> {
  const payload = await getPayload({ config })
  return guarded(() => handleConsentPost(payload, request), payload)
}
