import config from '@payload-config'
import { getPayload } from 'payload'

import { deliveryIdle, liveManifest } from '../../../delivery/snapshot'

export const dynamic = 'force-dynamic'

/** Ready when Payload has booted (migrations run), the database answers and a snapshot is live. */
export async function GET() {
  try {
    const payload = await getPayload({ config })
    await payload.count({ collection: 'pages', overrideAccess: true })
    // Ready means the latest publish is live too (a fresh demo compiles while it seeds).
    await deliveryIdle(payload)
    const manifest = await liveManifest(payload)
    return Response.json({ status: 'ok', snapshot: manifest?.version ?? null }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return Response.json(
      { error: { code: 'unavailable', message: `Not ready: ${error instanceof Error ? error.message : String(error)}`, issues: [] } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    )
  }
}
