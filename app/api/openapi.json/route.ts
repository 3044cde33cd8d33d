/** The OpenAPI 3.1 document of the public API. */
import { openApiDocument } from '../../../delivery/api'

export const dynamic = 'force-static'

export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } })
}
