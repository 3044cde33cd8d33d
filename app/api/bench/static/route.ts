/**
 * Benchmarks only (TESSERA_BENCH=1): the ceiling a route handler on this
 * server can reach, a static body of the asked size and nothing else.
 */
export const dynamic = 'force-dynamic'

// Kept as UTF-8 bytes, as the render API keeps its bodies: a string body costs undici a well-formedness pass per answer.
const bodies = new Map<number, Uint8Array>()
const utf8 = new TextEncoder()

export function GET(request: Request): Response {
  if (process.env.TESSERA_BENCH !== '1') return new Response('Not found', { status: 404 })
  const bytes = Math.min(64_000_000, Math.max(1, Number(new URL(request.url).searchParams.get('bytes')) || 1024))
  let body = bodies.get(bytes)
  if (!body) {
    body = utf8.encode(JSON.stringify({ padding: 'x'.repeat(Math.max(0, bytes - 14)) }))
    bodies.set(bytes, body)
  }
  return new Response(body as BodyInit, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' } })
}
