/**
 * Rate limits through `next start`, as clients reach it. Route handlers see
 * no socket: the client address is read from X-Forwarded-For as Next passes
 * it on. Next writes the socket's address into that header only when the
 * request has none, and passes a client's own header on unchanged; behind one
 * proxy (the default), the right-most entry is the address that proxy saw.
 * The e2e server allows 3 failed API key attempts per address a minute
 * (scripts/e2e-server.mjs); these tests spend only the budgets of made-up
 * addresses and of 127.0.0.2 and .3, never 127.0.0.1's, which the others use.
 */
import { request as httpRequest } from 'node:http'

import { expect, test } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3100)
const GUESS = 'Bearer tsk_e2e_guessed_key_000000000000000000000000000'

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A request to the e2e server from a chosen loopback address (Linux routes all of 127/8 to lo). */
function get(path: string, headers: Record<string, string>, localAddress = '127.0.0.1'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: '127.0.0.1', port, path, headers, localAddress }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
    })
    sent.on('error', reject)
    sent.end()
  })
}

const guess = (forwardedFor?: string, localAddress?: string) =>
  get('/api/render/home', { Authorization: GUESS, ...(forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {}) }, localAddress)

test('a client is counted by the right-most X-Forwarded-For entry; prepending buys no fresh budget', async () => {
  for (let attempt = 0; attempt < 3; attempt++) expect((await guess('203.0.113.7')).status).toBe(401)
  const refused = await guess('203.0.113.7')
  expect(refused.status).toBe(429)
  expect(refused.headers['retry-after']).toMatch(/^\d+$/)
  // No cache stores it. (Next and Payload add their own Vary to every response; the limit adds nothing to it.)
  expect(refused.headers['cache-control']).toBe('no-store')
  expect(String(refused.headers.vary ?? '')).not.toMatch(/forwarded|authorization|cookie/i)
  expect(JSON.parse(refused.body).error).toMatchObject({ code: 'rate_limited', issues: [] })
  expect((await guess('198.51.100.1, 203.0.113.7')).status).toBe(429)
  // Next passed the client's header on as it came (it did not append the socket's address): another right-most entry, another budget.
  expect((await guess('203.0.113.8')).status).toBe(401)
})

test('without X-Forwarded-For, next start writes the socket’s address, and that is the budget spent', async () => {
  for (let attempt = 0; attempt < 3; attempt++) expect((await guess(undefined, '127.0.0.2')).status).toBe(401)
  expect((await guess(undefined, '127.0.0.2')).status).toBe(429)
  // The same budget, named in the header by another client: Next wrote the bare address, 127.0.0.2.
  expect((await guess('127.0.0.2')).status).toBe(429)
  // Another socket address has its own.
  expect((await guess(undefined, '127.0.0.3')).status).toBe(401)
})
