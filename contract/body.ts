/**
 * Request bodies, read with a bound: a body larger than the endpoint accepts
 * is refused as soon as it passes the limit (413), whatever Content-Length says.
 */
import { errorResponse } from './errors'

type BodyResult<T> = { ok: true; value: T } | { ok: false; response: Response }

/** The body as text, at most `limit` bytes. */
export async function readBoundedText(request: Request, limit: number): Promise<BodyResult<string>> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > limit) return { ok: false, response: errorResponse(413, 'body_too_large', `The body is ${declared} bytes; the limit is ${limit}.`) }
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
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { ok: true, value: new TextDecoder().decode(bytes) }
}

/** A JSON body of at most `limit` bytes, or precisely why not. */
export async function readJsonBody(request: Request, limit: number): Promise<BodyResult<unknown>> {
  const type = request.headers.get('content-type') ?? ''
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    return { ok: false, response: errorResponse(415, 'unsupported_media_type', 'Send the body as JSON with “Content-Type: application/json”.') }
  }
  const text = await readBoundedText(request, limit)
  if (!text.ok) return text
  if (!text.value.trim()) return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(text.value) }
  } catch (error) {
    return { ok: false, response: errorResponse(400, 'invalid_json', `The body is not valid JSON: ${(error as Error).message}`) }
  }
}

/** An HTML form post (`application/x-www-form-urlencoded`) of at most `limit` bytes. */
export async function readFormBody(request: Request, limit: number): Promise<BodyResult<URLSearchParams>> {
  const text = await readBoundedText(request, limit)
  if (!text.ok) return text
  return { ok: true, value: new URLSearchParams(text.value) }
}
