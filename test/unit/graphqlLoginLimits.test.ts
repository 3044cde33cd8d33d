/**
 * Payload's GraphQL API can hold many login mutations in one document
 * (aliases): each one spends from the address's budget of login attempts.
 * Payload's handler stands behind the wrapper as a plain function here; the
 * REST login runs on real Payload in test/integration/rateLimits.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest'

import { forgetRateLimits } from '../../delivery/limits'
import { limitGraphqlLogins } from '../../delivery/trust'

const answered: string[] = []
const graphql = limitGraphqlLogins(async (request: Request) => {
  answered.push(await request.text())
  return Response.json({ data: {} })
})
const post = (query: string, from = '203.0.113.7') =>
  graphql(new Request('http://tessera.test/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ query }) }), {})

describe('GraphQL logins', () => {
  afterEach(() => {
    delete process.env.TESSERA_RATE_LIMIT_LOGIN_FAILURES
    forgetRateLimits()
    answered.length = 0
  })

  it('spend one attempt per login mutation, aliases included, and are refused past the budget', async () => {
    process.env.TESSERA_RATE_LIMIT_LOGIN_FAILURES = '3/10m'
    forgetRateLimits()
    const login = (alias: string) => `${alias}: loginUser(email: "a@x.test", password: "guess") { token }`
    expect((await post(`mutation { ${login('a')} ${login('b')} }`)).status).toBe(200)
    const refused = await post(`mutation { ${login('c')} ${login('d')} }`)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(answered).toHaveLength(1)
    // The body reaches Payload whole after it was read for counting.
    expect(JSON.parse(answered[0]!).query).toContain('a: loginUser(')
  })

  it('leave other queries alone', async () => {
    process.env.TESSERA_RATE_LIMIT_LOGIN_FAILURES = '1/10m'
    forgetRateLimits()
    for (let call = 0; call < 5; call++) expect((await post('{ Pages(limit: 1) { docs { slug } } }')).status).toBe(200)
  })
})
