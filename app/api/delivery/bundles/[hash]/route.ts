/** Snapshot distribution: GET /api/delivery/bundles/{hash} → one immutable page bundle (delivery scope). */
import config from '@payload-config'

import { payloadRoute } from '../../../../../delivery/http'
import { handleDeliveryBundle } from '../../../../../delivery/render'

export const dynamic = 'force-dynamic'

export const GET = payloadRoute(config, 'The bundle could not be read', (payload, request, params) => handleDeliveryBundle(payload, request, params.hash!))
export const HEAD = GET
