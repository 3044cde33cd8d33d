/** The events API: POST /api/events with { events: [...] }. */
import config from '@payload-config'

import { handleEventsRequest } from '../../../delivery/customers'
import { payloadRoute } from '../../../delivery/http'

export const dynamic = 'force-dynamic'

export const POST = payloadRoute(config, 'The events could not be stored (nothing was acknowledged: retry with the same idempotency keys)', handleEventsRequest)
