/** The preference center's form: one list at a time, from the signed link of an email. */
import config from '@payload-config'
import { getPayload } from 'payload'

import { errorResponse } from '../../../delivery/httpErrors'
import { handlePreferencesPost } from '../../../delivery/preferencesRequest'

export const dynamic = 'force-dynamic'

export async function POST(request: Request): Promise<Response> {
  const payload = await getPayload({ config })
  try {
    return await handlePreferencesPost(payload, request)
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Preference change failed' })
    return errorResponse(500, 'internal_error', 'The change could not be saved; please try again.')
  }
}
