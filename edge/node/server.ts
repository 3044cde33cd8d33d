/**
 * The edge renderer on Node: a tiny `node:http` adapter around the same
 * Web-standard handler the workerd and Deno entries use. Run it behind a load
 * balancer, any number of processes: each keeps its own snapshot in memory.
 * TESSERA_ORIGIN, TESSERA_EDGE_KEY (delivery scope, and events to send
 * events), PORT (default 8787), TESSERA_EDGE_REVALIDATE_SECONDS (default 5).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'

import { createEdgeRenderer, type EdgeRenderer } from '../handler'

function requestOf(incoming: IncomingMessage, base: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item)
    else if (value !== undefined) headers.set(name, value)
  }
  const method = incoming.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(new URL(incoming.url ?? '/', base), {
    method,
    headers,
    ...(hasBody ? { body: incoming as unknown as ReadableStream, duplex: 'half' } : {}),
  } as RequestInit)
}

async function send(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') headers[name] = response.headers.getSetCookie()
    else headers[name] = value
  })
  if (!response.body) {
    outgoing.writeHead(response.status, headers)
    return void outgoing.end()
  }
  const body = Buffer.from(await response.arrayBuffer())
  headers['content-length'] ??= String(body.byteLength)
  outgoing.writeHead(response.status, headers)
  outgoing.end(body)
}

/** Answers without a Request when the handler has the answer at hand (`recall`), else undefined. */
type Shortcut = (incoming: IncomingMessage, outgoing: ServerResponse) => boolean

/** An HTTP server answering with a fetch handler; `base` is the URL it is reached at (for request URLs). */
export function fetchServer(handle: (request: Request) => Promise<Response>, base: string, shortcut?: Shortcut) {
  return createServer((incoming, outgoing) => {
    if (shortcut?.(incoming, outgoing)) return
    handle(requestOf(incoming, base)).then(
      (response) => send(response, outgoing),
      (error: unknown) => {
        console.error('tessera edge: unhandled', error)
        outgoing.writeHead(500, { 'content-type': 'application/json', 'cache-control': 'no-store' })
        outgoing.end(JSON.stringify({ error: { code: 'internal_error', message: 'The edge could not answer.', issues: [] } }))
      },
    )
  })
}

/**
 * An HTTP server answering with the edge renderer. A GET the edge answered
 * before from memory (a response a shared cache could store) is answered
 * straight from the incoming message: building Node's Request and Response
 * objects costs several times what the answer does.
 */
export function edgeServer(renderer: EdgeRenderer, base: string) {
  const origin = base.replace(/\/$/, '')
  const shortcut: Shortcut = (incoming, outgoing) => {
    const target = incoming.url ?? ''
    if (!target.startsWith('/') || (incoming.method !== 'GET' && incoming.method !== 'HEAD')) return false
    const { headers } = incoming
    const answer = renderer.recall(incoming.method, `${origin}${target}`, (name) => headers[name] as string | undefined)
    if (!answer) return false
    outgoing.writeHead(answer.status, answer.headers)
    outgoing.end(answer.body ?? undefined)
    return true
  }
  return fetchServer((request) => renderer.fetch(request), base, shortcut)
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href
if (isMain) {
  const port = Number(process.env.PORT ?? 8787)
  const renderer = createEdgeRenderer({
    origin: process.env.TESSERA_ORIGIN ?? 'http://127.0.0.1:3000',
    apiKey: process.env.TESSERA_EDGE_KEY ?? '',
    revalidateSeconds: Number(process.env.TESSERA_EDGE_REVALIDATE_SECONDS ?? 5),
  })
  edgeServer(renderer, `http://127.0.0.1:${port}`).listen(port, process.env.HOST ?? '127.0.0.1', () => console.log(`tessera edge on :${port}`))
}
