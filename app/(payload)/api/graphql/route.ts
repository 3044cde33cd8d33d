/* Payload's GraphQL API (standard route file); login mutations spend from the login rate limit. */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { limitGraphqlLogins } from '../../../../delivery/trust'

export const POST = limitGraphqlLogins(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
