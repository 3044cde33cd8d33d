/** The render API: GET or POST /api/render/{slug} → the page decided for this context. */
import config from '@payload-config'

import { payloadRoute } from '../../../../delivery/http'
import { handleRenderRequest } from '../../../../delivery/render'

export const dynamic = 'force-dynamic'

const render = payloadRoute(config, 'The page could not be rendered', (payload, request, params) => handleRenderRequest(payload, request, params.page!))

export const GET = render
export const HEAD = render
export const POST = render
