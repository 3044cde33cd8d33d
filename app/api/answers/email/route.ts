/** One-click answers from emails: a signed answer link, then the thank-you page. */
import config from '@payload-config'

import { handleEmailAnswer } from '../../../../delivery/customers'
import { payloadRoute } from '../../../../delivery/http'

export const dynamic = 'force-dynamic'

export const GET = payloadRoute(config, 'The answer could not be saved', handleEmailAnswer)
