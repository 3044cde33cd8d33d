/**
 * What every Tessera route handler shares: the Payload instance, and a
 * clear 500 (logged, no internals) when something unforeseen breaks. Route
 * files stay one line: parse, decide, render, respond happen in delivery/.
 */
import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { errorResponse } from '../../contract'

type RouteContext = { params: Promise<Record<string, string>> }

export function payloadRoute(
  config: Promise<SanitizedConfig>,
  failure: string,
  handle: (payload: Payload, request: Request, params: Record<string, string>) => Promise<Response> | Response,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    let payload: Payload
    try {
      payload = await getPayload({ config })
    } catch (error) {
      // Not booted (a database that does not answer, a migration that failed): say so, and let the caller retry.
      console.error(`${failure}: Payload could not start`, error)
      return errorResponse(503, 'unavailable', `Not ready: ${error instanceof Error ? error.message : String(error)}`, [], { 'Retry-After': '5' })
    }
    try {
      return await handle(payload, request, (await context?.params) ?? {})
    } catch (error) {
      payload.logger.error({ err: error, msg: failure })
      return errorResponse(500, 'internal_error', `${failure}; the error has been logged.`)
    }
  }
}
