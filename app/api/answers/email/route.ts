/** One-click answers from emails: a signed answer link, then the thank-you page (GET); the answer's open follow-up, sent from that page (POST). */
import config from '@payload-config'

import { handleEmailAnswer, handleEmailFollowUp } from '../../../../delivery/customers'
import { payloadRoute } from '../../../../delivery/http'

export const dynamic = 'force-dynamic'

export const GET = payloadRoute(config, 'The answer could not be saved', handleEmailAnswer)
export const POST = payloadRoute(config, 'The follow-up could not be saved', handleEmailFollowUp)
