/**
 * POST /api/identify { visitor, customer, email? } with an events API key:
 * the website visitor is this customer (after a login, from a CRM export).
 * Their profiles merge; newest value wins per trait, consent and list.
 */
import config from '@payload-config'

import { handleIdentify } from '../../../delivery/customers'
import { payloadRoute } from '../../../delivery/http'

export const dynamic = 'force-dynamic'

export const POST = payloadRoute(config, 'The identities could not be linked', handleIdentify)
