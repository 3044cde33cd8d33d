/** Answers to questions and surveys from the site's own forms (works without JavaScript). */
import config from '@payload-config'

import { handleAnswerPost } from '../../../delivery/customers'
import { payloadRoute } from '../../../delivery/http'

export const dynamic = 'force-dynamic'

export const POST = payloadRoute(config, 'The answer could not be saved', handleAnswerPost)
