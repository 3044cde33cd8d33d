/**
 * Rate limits across nodes: two processes' limiters on one Redis spend from
 * one budget. Runs against TEST_REDIS_URL (default redis://127.0.0.1:6379);
 * without a Redis answering there, those tests are SKIPPED, loudly. Each run
 * writes under a fresh key prefix and deletes it after, so no state from an
 * earlier run counts. When Redis is unreachable, each node limits on its own
 * (in memory) rather than failing requests: that needs no Redis at all.
 */
import { randomBytes } from 'node:crypto'
import { connect } from 'node:net'

import type { Redis } from 'ioredis'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'

import { connectRedis, createRateLimiters, forgetRateLimits, rateLimit, rateLimitsConnected, readRateLimitTable, type RateLimiters } from '../../delivery/limits'

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 6379), timeout: 1000 })
    const done = (up: boolean) => {
      socket.destroy()
      resolve(up)
    }
    socket.once('connect', () => done(true)).once('error', () => done(false)).once('timeout', () => done(false))
  })
}

const redisUp = await answers(REDIS_URL)
if (!redisUp) console.warn(`\n⚠ Redis does not answer at ${REDIS_URL}: the rate limit tests on Redis are SKIPPED (set TEST_REDIS_URL, or start redis-server).\n`)

const ready = (client: Redis) => (client.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => client.once('ready', () => resolve())))
const table = readRateLimitTable({ TESSERA_RATE_LIMIT_CONSENT: '3/1m', TESSERA_RATE_LIMIT_LOGIN_FAILURES: '2/10m' })

describe.skipIf(!redisUp)(`rate limits shared through Redis (${REDIS_URL})`, () => {
  const keyPrefix = `tessera-test:${Date.now()}:${randomBytes(4).toString('hex')}`
  const clients: Redis[] = []

  async function connection(): Promise<Redis> {
    const client = connectRedis(REDIS_URL)
    clients.push(client)
    await ready(client)
    return client
  }
  /** A node: its own connection, its own limiters, one prefix for all. */
  const node = async (prefix = keyPrefix): Promise<RateLimiters> => createRateLimiters({ table, redis: await connection(), keyPrefix: prefix })

  afterAll(async () => {
    const [client] = clients
    if (client) {
      const keys = await client.keys(`${keyPrefix}:*`)
      if (keys.length > 0) await client.del(...keys)
    }
    for (const each of clients) each.disconnect()
    delete process.env.REDIS_URL
    delete process.env.TESSERA_RATE_LIMIT_PREFIX
    delete process.env.TESSERA_RATE_LIMIT_CONSENT
    forgetRateLimits()
  })

  it('lets two nodes spend from one budget: the 4th call is refused whichever node takes it', async () => {
    const [first, second] = [await node(), await node()]
    expect(await first.spend('consent', '203.0.113.7')).toEqual({ allowed: true })
    expect(await second.spend('consent', '203.0.113.7')).toEqual({ allowed: true })
    expect(await first.spend('consent', '203.0.113.7')).toEqual({ allowed: true })
    const refused = await second.spend('consent', '203.0.113.7')
    expect(refused.allowed).toBe(false)
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60)
    expect((await first.spend('consent', '203.0.113.7')).allowed).toBe(false)
    expect(await second.spend('consent', '198.51.100.1')).toEqual({ allowed: true })
  })

  it('sees a refund made on one node from the other', async () => {
    const [first, second] = [await node(), await node()]
    expect((await first.spend('loginFailures', '203.0.113.8')).allowed).toBe(true)
    expect((await first.spend('loginFailures', '203.0.113.8')).allowed).toBe(true)
    await first.refund('loginFailures', '203.0.113.8')
    expect((await second.spend('loginFailures', '203.0.113.8')).allowed).toBe(true)
    expect((await second.spend('loginFailures', '203.0.113.8')).allowed).toBe(false)
  })

  it('is what endpoints use when REDIS_URL is set: the budget lives in Redis under the configured prefix', async () => {
    process.env.REDIS_URL = REDIS_URL
    process.env.TESSERA_RATE_LIMIT_PREFIX = `${keyPrefix}:process`
    process.env.TESSERA_RATE_LIMIT_CONSENT = '3/1m'
    forgetRateLimits()
    const other = await node(`${keyPrefix}:process`)
    await rateLimitsConnected()
    expect(await rateLimit('consent', '203.0.113.9')).toBeUndefined()
    expect(await rateLimit('consent', '203.0.113.9')).toBeUndefined()
    expect(await (await connection()).get(`${keyPrefix}:process:consent:203.0.113.9`)).toBe('2')
    // Another node spends the last point: this process is refused.
    expect((await other.spend('consent', '203.0.113.9')).allowed).toBe(true)
    expect((await rateLimit('consent', '203.0.113.9'))?.status).toBe(429)
  })
})

describe('rate limits when Redis is unreachable', () => {
  let client: Redis | undefined
  afterEach(() => client?.disconnect())

  it('fall back to each node’s memory: requests are still limited, never failed, and the outage is reported once', async () => {
    const warnings: string[] = []
    // Nothing listens on port 1: every command fails at once.
    client = connectRedis('redis://127.0.0.1:1', (message) => warnings.push(message))
    const limiters = createRateLimiters({ table, redis: client, keyPrefix: 'tessera-test:unreachable' })
    for (let call = 0; call < 3; call++) expect(await limiters.spend('consent', '203.0.113.7')).toEqual({ allowed: true })
    expect((await limiters.spend('consent', '203.0.113.7')).allowed).toBe(false)
    await vi.waitFor(() => expect(warnings).toHaveLength(1))
    // ioredis keeps reconnecting: the next failure says nothing new.
    await new Promise((resolve) => client!.once('error', resolve))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/Redis at 127\.0\.0\.1:1 is unreachable.*each node limits on its own/)
  })
})
