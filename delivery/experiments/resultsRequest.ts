/**
 * GET /api/experiments/{key}/results and GET /api/experiments/{key}/exposures:
 * for an API key with the events scope (the system that sends the events
 * results come from) or a signed-in editor; never public, never cached.
 */
import type { Payload } from 'payload'
import { z } from 'zod'

import { errorResponse, invalidInput, zodIssues } from '../http'
import { identifyCaller } from '../trust'
import { ExposureExportQuerySchema, exportExposures } from './exposureExport'
import { experimentResults, findExperiment, ResultsQuerySchema } from './results'

const PRIVATE = { 'Cache-Control': 'private, no-store' }

async function authorized(payload: Payload, request: Request): Promise<Response | undefined> {
  const identified = await identifyCaller(payload, request, { scope: 'events', limits: { trusted: 'keyRender' } })
  if (!identified.ok) return identified.response
  if (identified.caller.kind === 'public') {
    return errorResponse(401, 'api_key_required', 'An API key with the “events” scope, or an editor’s session, is required.', [], { 'WWW-Authenticate': 'Bearer' })
  }
  return undefined
}

function query<T extends z.ZodType>(request: Request, schema: T): { ok: true; value: z.infer<T> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success) return { ok: false, response: invalidInput('invalid_query', 'Invalid query', zodIssues(parsed.error)) }
  return { ok: true, value: parsed.data }
}

export async function handleExperimentResults(payload: Payload, request: Request, key: string): Promise<Response> {
  const refused = await authorized(payload, request)
  if (refused) return refused
  const options = query(request, ResultsQuerySchema)
  if (!options.ok) return options.response
  const doc = await findExperiment(payload, key)
  if (!doc) return errorResponse(404, 'experiment_not_found', `No experiment has the key “${key}”.`)
  if (options.value.phase !== undefined && options.value.phase > (doc.phase ?? 1)) {
    return errorResponse(400, 'invalid_query', `“${key}” has no phase ${options.value.phase} (it is in phase ${doc.phase ?? 1}).`, [{ path: 'phase', message: `At most ${doc.phase ?? 1}` }])
  }
  return Response.json(await experimentResults(payload, doc, options.value), { headers: PRIVATE })
}

export async function handleExposureExport(payload: Payload, request: Request, key: string): Promise<Response> {
  const refused = await authorized(payload, request)
  if (refused) return refused
  const options = query(request, ExposureExportQuerySchema)
  if (!options.ok) return options.response
  const doc = await findExperiment(payload, key)
  if (!doc) return errorResponse(404, 'experiment_not_found', `No experiment has the key “${key}”.`)
  return exportExposures(payload, key, options.value, PRIVATE)
}
