/** Readiness: GET /api/health. */
import config from '@payload-config'

import { payloadRoute } from '../../../delivery/http'
import { handleHealth } from '../../../delivery/snapshot'

export const dynamic = 'force-dynamic'

export const GET = payloadRoute(config, 'The health check failed', (payload) => handleHealth(payload))
