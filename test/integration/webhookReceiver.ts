/**
 * A local webhook receiver for the tests: records every request, verifies
 * its Standard Webhooks signature with the `standardwebhooks` library, and
 * answers what the test tells it to (200 by default).
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { Webhook } from 'standardwebhooks'

export type Received = { path: string; id: string; body: { id: string; type: string; timestamp: string; data: Record<string, unknown> }; verified: boolean; error?: string; at: number }

export type Receiver = {
  url: (path?: string) => string
  received: Received[]
  /** What to answer a request to `path`: a status, or a redirect. */
  answer: (path: string, reply: { status: number; location?: string }) => void
  until: (test: (received: Received[]) => boolean, timeoutMs?: number) => Promise<void>
  close: () => Promise<void>
}

export async function startReceiver(secret: string, host = '127.0.0.1'): Promise<Receiver> {
  const webhook = new Webhook(secret)
  const received: Received[] = []
  const replies = new Map<string, { status: number; location?: string }>()
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      let verified = false
      let error: string | undefined
      try {
        webhook.verify(raw, request.headers as Record<string, string>)
        verified = true
      } catch (failure) {
        error = (failure as Error).message
      }
      const path = request.url ?? '/'
      received.push({ path, id: String(request.headers['webhook-id']), body: JSON.parse(raw || '{}'), verified, error, at: Date.now() })
      const reply = replies.get(path) ?? { status: 200 }
      response.writeHead(reply.status, reply.location ? { location: reply.location } : {})
      response.end(reply.status < 300 ? 'thanks' : 'no')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path = '/hook') => `http://${host}:${port}${path}`,
    received,
    answer: (path, reply) => replies.set(path, reply),
    until: async (test, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs
      while (!test(received)) {
        if (Date.now() > deadline) throw new Error(`The receiver did not get what was awaited; it got ${received.length} request(s): ${received.map((item) => `${item.path} ${item.body.type}`).slice(-10).join(', ')}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
