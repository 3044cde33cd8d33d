/**
 * GET /api/updates: server-sent events that tell screens (and any page that
 * listens) a new snapshot is live, so they ask for their content now instead
 * of at their next poll. The event carries only the version, never content:
 * each listener then fetches its own document with If-None-Match (a 304 when
 * its decision did not change), under the same trust rules as ever. Polling
 * stays the fallback: a screen whose stream drops keeps its content and its
 * poll (EventSource reconnects after `retry`).
 *
 * Connections are bounded per process; the stream sends a comment every
 * 25 s so proxies do not close it as idle.
 */
import type { Payload } from 'payload'

import { errorResponse, processWide } from '../http'
import { liveManifest, onLiveVersion } from './liveSnapshot'

export const MAX_UPDATE_STREAMS = Number(process.env.TESSERA_MAX_UPDATE_STREAMS ?? 1000)
const KEEPALIVE_MS = 25_000
const RECONNECT_MS = 3_000

const open = processWide('liveUpdateStreams', () => ({ count: 0 }))

export async function handleLiveUpdates(payload: Payload, request: Request): Promise<Response> {
  if (open.count >= MAX_UPDATE_STREAMS) return errorResponse(503, 'too_many_streams', 'Too many open update streams on this server; poll instead.', [], { 'Retry-After': '30' })
  const version = (await liveManifest(payload))?.version ?? null
  const encoder = new TextEncoder()
  let close = () => {}
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      open.count += 1
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          close()
        }
      }
      send(`retry: ${RECONNECT_MS}\nevent: live\ndata: ${JSON.stringify({ version })}\n\n`)
      const unsubscribe = onLiveVersion(payload, (next) => send(`event: publish\nid: ${next}\ndata: ${JSON.stringify({ version: next })}\n\n`))
      const keepalive = setInterval(() => send(': keepalive\n\n'), KEEPALIVE_MS)
      keepalive.unref?.()
      let closed = false
      close = () => {
        if (closed) return
        closed = true
        open.count -= 1
        unsubscribe()
        clearInterval(keepalive)
        try {
          controller.close()
        } catch {
          // Already closed by the client.
        }
      }
      request.signal.addEventListener('abort', close)
    },
    cancel() {
      close()
    },
  })
  return new Response(body, {
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store, no-transform', 'X-Accel-Buffering': 'no' },
  })
}
