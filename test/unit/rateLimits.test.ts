/**
 * The limits table and the limiters in memory: budgets per client, refused
 * once spent (with when to come back), refunds, and defaults that do not
 * throttle an email platform's large sends.
 */
import { describe, expect, it } from 'vitest'

import { createRateLimiters, RATE_LIMITS, rateLimitVariable, readRateLimitTable } from '../../delivery/limits'

const inMemory = (env: Record<string, string> = {}) => createRateLimiters({ table: readRateLimitTable(env), keyPrefix: 'unit' })

describe('the limits table', () => {
  it('names each limit’s variable after it', () => {
    expect(rateLimitVariable('consent')).toBe('TESSERA_RATE_LIMIT_CONSENT')
    expect(rateLimitVariable('keyBatchRecipients')).toBe('TESSERA_RATE_LIMIT_KEY_BATCH_RECIPIENTS')
  })

  it('takes points per window from the environment, in seconds, minutes or hours', () => {
    const table = readRateLimitTable({ TESSERA_RATE_LIMIT_CONSENT: '5/30s', TESSERA_RATE_LIMIT_COLD_PNG: '100/1h', TESSERA_RATE_LIMIT_PUBLIC_RENDER: '50/m' })
    expect(table.consent).toMatchObject({ points: 5, windowSeconds: 30 })
    expect(table.coldPng).toMatchObject({ points: 100, windowSeconds: 3600 })
    expect(table.publicRender).toMatchObject({ points: 50, windowSeconds: 60 })
    expect(table.loginFailures).toEqual(RATE_LIMITS.loginFailures)
  })

  it('refuses a malformed setting, naming the variable and the expected form', () => {
    expect(() => readRateLimitTable({ TESSERA_RATE_LIMIT_CONSENT: 'twenty' })).toThrow(/TESSERA_RATE_LIMIT_CONSENT=twenty: Write points\/window/)
    expect(() => readRateLimitTable({ TESSERA_RATE_LIMIT_CONSENT: '0/1m' })).toThrow(/At least one point/)
  })
})

describe('limiters in memory', () => {
  it('allow a client its points per window, then refuse with the seconds until the window ends', async () => {
    const limiters = inMemory({ TESSERA_RATE_LIMIT_CONSENT: '3/1m' })
    for (let call = 0; call < 3; call++) expect(await limiters.spend('consent', '203.0.113.7')).toEqual({ allowed: true })
    const refused = await limiters.spend('consent', '203.0.113.7')
    expect(refused.allowed).toBe(false)
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1)
    if (!refused.allowed) expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60)
    expect(await limiters.spend('consent', '198.51.100.1')).toEqual({ allowed: true })
  })

  it('keep each limit’s budgets apart', async () => {
    const limiters = inMemory({ TESSERA_RATE_LIMIT_CONSENT: '1/1m', TESSERA_RATE_LIMIT_PREFERENCES: '1/1m' })
    expect((await limiters.spend('consent', '203.0.113.7')).allowed).toBe(true)
    expect((await limiters.spend('preferences', '203.0.113.7')).allowed).toBe(true)
    expect((await limiters.spend('consent', '203.0.113.7')).allowed).toBe(false)
  })

  it('give refunded points back', async () => {
    const limiters = inMemory({ TESSERA_RATE_LIMIT_LOGIN_FAILURES: '2/10m' })
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await limiters.spend('loginFailures', '203.0.113.7')).allowed).toBe(true)
      await limiters.refund('loginFailures', '203.0.113.7')
    }
    expect((await limiters.spend('loginFailures', '203.0.113.7')).allowed).toBe(true)
    expect((await limiters.spend('loginFailures', '203.0.113.7')).allowed).toBe(true)
    expect((await limiters.spend('loginFailures', '203.0.113.7')).allowed).toBe(false)
  })

  it('by default let one key render 100 batches of 1,000 recipients in a minute', async () => {
    const limiters = inMemory()
    for (let batch = 0; batch < 100; batch++) expect((await limiters.spend('keyBatchRecipients', 'api-key:1', 1000)).allowed).toBe(true)
  })

  it('by default give a public address far fewer cold PNGs than renders, and a key far more renders than the public', () => {
    expect(RATE_LIMITS.coldPng.points).toBeLessThan(RATE_LIMITS.publicRender.points / 10)
    expect(RATE_LIMITS.keyRender.points).toBeGreaterThanOrEqual(RATE_LIMITS.publicRender.points * 100)
  })
})
