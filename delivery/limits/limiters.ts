/**
 * The limiters behind the table, one per named limit: in this process's
 * memory, or in Redis when a client is given, so that every node spends from
 * one budget. Each Redis limiter is insured by one in memory: while Redis is
 * unreachable, limits hold per node instead of failing requests.
 */
import type { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

import type { RateLimitName, RateLimitTable } from './rateLimitTable'

export type LimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number }

export type RateLimiters = {
  /** Spends `points` of `key`'s budget under the named limit; refused once the budget is spent. */
  spend: (name: RateLimitName, key: string, points?: number) => Promise<LimitOutcome>
  /** Gives points back (a login or key check that succeeded costs nothing). */
  refund: (name: RateLimitName, key: string, points?: number) => Promise<void>
  table: RateLimitTable
}

export type RateLimiterOptions = {
  table: RateLimitTable
  /** Shared budgets across nodes; without it, each process counts alone. */
  redis?: Redis
  /** Namespaces the Redis keys (several deployments, or test runs, on one Redis). */
  keyPrefix: string
}

function limiterFor(name: RateLimitName, { table, redis, keyPrefix }: RateLimiterOptions): RateLimiterAbstract {
  const { points, windowSeconds: duration } = table[name]
  const options = { points, duration, keyPrefix: `${keyPrefix}:${name}` }
  if (!redis) return new RateLimiterMemory(options)
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    // Refuse without a round trip while Redis is not connected: the insurance answers at once.
    rejectIfRedisNotReady: true,
    // A client over its budget is refused from memory until its window ends: a flood costs Redis nothing.
    inMemoryBlockOnConsumed: points + 1,
    insuranceLimiter: new RateLimiterMemory(options),
  })
}

export function createRateLimiters(options: RateLimiterOptions): RateLimiters {
  const limiters = new Map<RateLimitName, RateLimiterAbstract>()
  const limiter = (name: RateLimitName) => {
    let found = limiters.get(name)
    if (!found) {
      found = limiterFor(name, options)
      limiters.set(name, found)
    }
    return found
  }
  return {
    table: options.table,
    async spend(name, key, points = 1) {
      try {
        await limiter(name).consume(key, Math.max(1, Math.ceil(points)))
        return { allowed: true }
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) }
      }
    },
    async refund(name, key, points = 1) {
      await limiter(name).reward(key, Math.max(1, Math.ceil(points)))
    },
  }
}
