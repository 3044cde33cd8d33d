/** Errors that reach a caller are data: `{ error: { code, message, issues } }` with the right status. */
export type ErrorIssue = { path: string; message: string }

export function errorResponse(status: number, code: string, message: string, issues: ErrorIssue[] = [], headers: HeadersInit = {}): Response {
  return Response.json(
    { error: { code, message, issues } },
    { status, headers: { 'Cache-Control': 'no-store', ...Object.fromEntries(new Headers(headers)) } },
  )
}

/** Reads a JSON body of at most `limit` bytes, or says precisely why not. */
export async function readJsonBody(
  request: Request,
  limit: number,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    return { ok: false, response: errorResponse(415, 'unsupported_media_type', 'Send the context as JSON with “Content-Type: application/json”.') }
  }
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > limit) {
    return { ok: false, response: errorResponse(413, 'body_too_large', `The body is ${declared} bytes; the limit is ${limit}.`) }
  }
  const reader = request.body?.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > limit) {
        await reader.cancel().catch(() => {})
        return { ok: false, response: errorResponse(413, 'body_too_large', `The body exceeds the limit of ${limit} bytes.`) }
      }
      chunks.push(value)
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks))
  if (!text.trim()) return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    return { ok: false, response: errorResponse(400, 'invalid_json', `The body is not valid JSON: ${(error as Error).message}`) }
  }
}
