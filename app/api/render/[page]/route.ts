/** The render API: GET or POST /api/render/{slug} → the page decided for this context. */
import config from '@payload-config'
import { getPayload } from 'payload'

import { errorResponse } from '../../../../delivery/httpErrors'
import { handleRenderRequest } from '../../../../delivery/renderRequest'

export const dynamic = 'force-dynamic'

type Route = { params: Promise<{ page: string }> }

async function render(request: Request, { params }: Route): Promise<Response> {
  const payload = await getPayload({ config })
  try {
    return await handleRenderRequest(payload, request, (await params).page)
  } catch (error) {
    payload.logger.error({ err: error, msg: 'Render failed' })
    return errorResponse(500, 'internal_error', 'The page could not be rendered; the error has been logged.')
  }
}

export const GET = render
export const HEAD = render
export const POST = render
