/** An experiment's results: GET /api/experiments/{key}/results (API key with the events scope, or an editor). */
import config from '@payload-config'

import { handleExperimentResults } from '../../../../../delivery/experiments'
import { payloadRoute } from '../../../../../delivery/http'

export const dynamic = 'force-dynamic'

export const GET = payloadRoute(config, 'The results could not be computed', (payload, request, params) => handleExperimentResults(payload, request, params.key!))
