/** Batch rendering: POST /api/render/{slug}/batch?channel=email with up to 1,000 recipient contexts. */
import config from '@payload-config'

import { payloadRoute } from '../../../../../delivery/http'
import { handleRenderBatch } from '../../../../../delivery/render'

export const dynamic = 'force-dynamic'

export const POST = payloadRoute(config, 'The batch could not be rendered', (payload, request, params) => handleRenderBatch(payload, request, params.page!))
