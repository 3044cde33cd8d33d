/**
 * A bare events server for the crash test, run as its own process (tsx) so
 * the test can kill -9 it: POST /api/events through the app's own route
 * wrapper and handler, and GET /api/health, 200 once Payload has booted
 * (migrations, repair of unapplied events). DATABASE_URI, MEDIA_DIR, PORT.
 */
import { createServer, type IncomingMessage } from 'node:http'

import { getPayload } from 'payload'

import { handleEventsRequest } from '../../delivery/customers'
import { payloadRoute } from '../../delivery/http'
import { createTesseraConfig } from '../../payload.config'

const port = Number(process.env.PORT)
const config = createTesseraConfig({ databaseUri: process.env.DATABASE_URI, mediaDir: process.env.MEDIA_DIR })
const postEvents = payloadRoute(config, 'The events could not be stored', handleEventsRequest)

// Says why it stops when it stops by itself (a kill -9 says nothing).
process.on('exit', (code) => console.error(`events server exiting with code ${code}`))

let booted = false
getPayload({ config }).then(
  () => (booted = true),
  (error: unknown) => {
    console.error('Payload did not boot', error)
    process.exit(1)
  },
)

async function requestOf(incoming: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = []
  for await (const chunk of incoming) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === 'string') headers.set(name, value)
  return new Request(`http://127.0.0.1:${port}${incoming.url}`, { method: incoming.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined })
}

createServer(async (incoming, outgoing) => {
  let response: Response
  if (incoming.method === 'GET' && incoming.url === '/api/health') {
    response = booted ? Response.json({ status: 'ok' }) : Response.json({ error: { code: 'unavailable', message: 'Booting', issues: [] } }, { status: 503 })
  } else if (incoming.method === 'POST' && incoming.url === '/api/events') {
    response = await postEvents(await requestOf(incoming), { params: Promise.resolve({}) })
  } else {
    response = Response.json({ error: { code: 'not_found', message: 'Only POST /api/events and GET /api/health here', issues: [] } }, { status: 404 })
  }
  outgoing.writeHead(response.status, Object.fromEntries(response.headers))
  outgoing.end(Buffer.from(await response.arrayBuffer()))
})
  .on('error', (error) => {
    console.error('The events server cannot listen', error)
    process.exit(1)
  })
  .listen(port, '127.0.0.1')
