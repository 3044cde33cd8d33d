/** The preference center's form: one list at a time, from the signed link of an email. */
import config from '@payload-config'

import { payloadRoute } from '../../../delivery/http'
import { handlePreferencesPost } from '../../../delivery/customers'

export const dynamic = 'force-dynamic'

export const POST = payloadRoute(config, 'The change could not be saved', handlePreferencesPost)
