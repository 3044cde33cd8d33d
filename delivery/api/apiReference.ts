/**
 * GET /api/docs: the API reference (Scalar) over /api/openapi.json. Its
 * script is served from our own installation, and it asks for no web fonts:
 * the page loads nothing from another origin.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { ApiReference } from '@scalar/nextjs-api-reference'

const SCRIPT = path.join(process.cwd(), 'node_modules/@scalar/api-reference/dist/browser/standalone.js')

export const handleApiReference = ApiReference({
  url: '/api/openapi.json',
  cdn: '/api/docs/scalar.js',
  pageTitle: 'Tessera API',
  withDefaultFonts: false,
  hideClientButton: true,
})

let script: Promise<Buffer> | undefined

export async function handleApiReferenceScript(): Promise<Response> {
  script ??= readFile(SCRIPT)
  return new Response(new Uint8Array(await script), {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  })
}
