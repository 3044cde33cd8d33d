/** The consent banner's endpoint: GET the purposes and the current choice, POST a choice. */
import config from '@payload-config'

import { handleConsentGet, handleConsentPost } from '../../../delivery/customers'
import { payloadRoute } from '../../../delivery/http'

export const dynamic = 'force-dynamic'

export const GET = payloadRoute(config, 'The consent choices could not be read', handleConsentGet)
export const POST = payloadRoute(config, 'The choice could not be saved', handleConsentPost)
