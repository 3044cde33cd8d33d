import config from '@payload-config'
import { getPayload } from 'payload'

export const dynamic = 'force-dynamic'

/** Ready when Payload has booted (migrations run) and the database answers. */
export async function GET() {
  try {
    const payload = await getPayload({ config })
    await payload.count({ collection: 'pages', overrideAccess: true })
    return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
  } catch (error) {
    return Response.json(
      { error: { code: 'unavailable', message: `Not ready: ${error instanceof Error ? error.message : String(error)}`, issues: [] } },
      { status: 503, headers: { 'Cache-Control': 'no-store' } },
    )
  }
}
