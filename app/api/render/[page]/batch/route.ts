/** Batch rendering: POST /api/render/{slug}/batch?channel=email with up to 1,000 recipient contexts. */
import config from '@payload-config'
import { getPayload } from 'payload'

import { errorResponse } from '../../../../../delivery/httpErrors'
import { handleRenderBatch } from '../../../../../delivery/renderBatch'

export const dynamic = 'force-dynamic'

export async function POST(request: Request, { params }: { params: Promise<{ page: string }> }): Promise<Response> {
  const payload = await getPayload({ config })
  try {
    return await handleRenderBatch(payload, request, (await params).page)
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Batch render failed' })
    return errorResponse(500, 'internal_error', 'The batch could not be rendered; the error has been logged.')
  }
}
