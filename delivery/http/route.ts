/**
 * What every Tessera route handler shares: the Payload instance, and a
 * clear 500 (logged, no internals) when something unforeseen breaks. Route
 * files stay one line: parse, decide, render, respond happen in delivery/.
 */
import { getPayload, type Payload, type SanitizedConfig } from 'payload'

import { errorResponse } from './errors'

type RouteContext = { params: Promise<Record<string, string>> }

export function payloadRoute(
  config: Promise<SanitizedConfig>,
  failure: string,
  handle: (payload: Payload, request: Request, params: Record<string, string>) => Promise<Response> | Response,
): (request: Request, context: RouteContext) => Promise<Response> {
  return async (request, context) => {
    const payload = await getPayload({ config })
    try {
      return await handle(payload, request, (await context?.params) ?? {})
    } catch (error) {
      payload.logger.error({ err: error, msg: failure })
      return errorResponse(500, 'internal_error', `${failure}; the error has been logged.`)
    }
  }
}
