/**
 * GET /api/health: ready when Payload has booted (migrations run), the
 * database answers and the latest publish is live (a fresh demo compiles
 * while it seeds). Load balancers and the test harness wait on it.
 */
import type { Payload } from 'payload'
import { z } from 'zod'

import { errorResponse } from '../http'
import { deliveryIdle, liveManifest } from './liveSnapshot'

export const HealthSchema = z.object({ status: z.literal('ok'), snapshot: z.string().nullable() })

export async function handleHealth(payload: Payload): Promise<Response> {
  try {
    await payload.count({ collection: 'pages', overrideAccess: true })
    await deliveryIdle(payload)
    const manifest = await liveManifest(payload)
    return Response.json({ status: 'ok', snapshot: manifest?.version ?? null } satisfies z.infer<typeof HealthSchema>, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return errorResponse(503, 'unavailable', `Not ready: ${error instanceof Error ? error.message : String(error)}`)
  }
}
