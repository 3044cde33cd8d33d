/** An experiment's exposures as NDJSON or CSV: GET /api/experiments/{key}/exposures?format=csv. */
import config from '@payload-config'

import { handleExposureExport } from '../../../../../delivery/experiments'
import { payloadRoute } from '../../../../../delivery/http'

export const dynamic = 'force-dynamic'

export const GET = payloadRoute(config, 'The exposures could not be exported', (payload, request, params) => handleExposureExport(payload, request, params.key!))
