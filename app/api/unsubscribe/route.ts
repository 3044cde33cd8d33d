/** The List-Unsubscribe URL: POST one-click (RFC 8058), GET leads to the preference center. */
import config from '@payload-config'

import { payloadRoute } from '../../../delivery/http'
import { handleUnsubscribeGet, handleUnsubscribePost } from '../../../delivery/customers'

export const dynamic = 'force-dynamic'

export const POST = payloadRoute(config, 'The unsubscription could not be saved', handleUnsubscribePost)

export function GET(request: Request): Response {
  return handleUnsubscribeGet(request)
}
