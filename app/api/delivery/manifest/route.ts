/** Snapshot distribution: GET /api/delivery/manifest → the live manifest, public keys and render settings (delivery scope). */
import config from '@payload-config'

import { payloadRoute } from '../../../../delivery/http'
import { handleDeliveryManifest } from '../../../../delivery/render'

export const dynamic = 'force-dynamic'

export const GET = payloadRoute(config, 'The manifest could not be read', (payload, request) => handleDeliveryManifest(payload, request))
export const HEAD = GET
