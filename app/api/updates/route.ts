/** Server-sent events: a new snapshot is live (screens refresh at once). */
import config from '@payload-config'

import { payloadRoute } from '../../../delivery/http'
import { handleLiveUpdates } from '../../../delivery/snapshot'

export const dynamic = 'force-dynamic'

export const GET = payloadRoute(config, 'The update stream failed', handleLiveUpdates)
