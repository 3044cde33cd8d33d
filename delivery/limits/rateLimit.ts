/**
 * The limits as endpoints use them: this process's limiters (Redis when
 * REDIS_URL is set, else memory), read from the environment once, and the
 * 429 a caller gets past a limit. A 429 is never stored by a shared cache
 * (`no-store`, no `Vary`): a limit never makes the response another visitor
 * gets differ.
 */
import { errorResponse, processWide } from '../http'
import { clientAddress, clientAddressSettings, UNKNOWN_CLIENT, type ClientAddressSettings } from './clientAddress'
import { createRateLimiters, type RateLimiters } from './limiters'
import { readRateLimitTable, type RateLimitName } from './rateLimitTable'
import { connectRedis } from './redisConnection'

type LimitState = { limiters: RateLimiters; clients: ClientAddressSettings; warnedUnknown: boolean; connected: Promise<void>; close: () => void }

const state = processWide('rateLimits', () => ({ current: undefined as LimitState | undefined }))

function limits(): LimitState {
  if (state.current) return state.current
  const redisUrl = process.env.REDIS_URL
  const redis = redisUrl ? connectRedis(redisUrl) : undefined
  state.current = {
    limiters: createRateLimiters({ table: readRateLimitTable(), redis, keyPrefix: process.env.TESSERA_RATE_LIMIT_PREFIX || 'tessera:rate' }),
    clients: clientAddressSettings(),
    warnedUnknown: false,
    connected: redis && redis.status !== 'ready' ? new Promise((resolve) => redis.once('ready', () => resolve())) : Promise.resolve(),
    close: () => redis?.disconnect(),
  }
  return state.current
}

/** The client address of a public request, by the configured header and proxies. */
export function requestClient(request: Request): string {
  const current = limits()
  const client = clientAddress(request, current.clients)
  if (client === UNKNOWN_CLIENT && !current.warnedUnknown && process.env.NODE_ENV === 'production') {
    current.warnedUnknown = true
    console.warn(`Rate limits: a request without ${current.clients.header}; requests without it share one budget (see TESSERA_CLIENT_IP_HEADER).`)
  }
  return client
}

export function tooManyRequests(name: RateLimitName, retryAfterSeconds: number): Response {
  const { points, windowSeconds, what } = limits().limiters.table[name]
  const window = windowSeconds % 60 === 0 ? `${windowSeconds / 60} min` : `${windowSeconds} s`
  return errorResponse(429, 'rate_limited', `Too many ${what}: at most ${points} per ${window}. Try again in ${retryAfterSeconds} s.`, [], {
    'Retry-After': String(retryAfterSeconds),
  })
}

/** Spends from `key`'s budget under the named limit: the 429 to answer once it is spent, else nothing. */
export async function rateLimit(name: RateLimitName, key: string, points = 1): Promise<Response | undefined> {
  const outcome = await limits().limiters.spend(name, key, points)
  return outcome.allowed ? undefined : tooManyRequests(name, outcome.retryAfterSeconds)
}

/** Gives points back: an attempt that succeeded does not count against a limit on failures. */
export async function refundRateLimit(name: RateLimitName, key: string, points = 1): Promise<void> {
  await limits().limiters.refund(name, key, points)
}

/** Resolves once the limits' Redis connection is ready (at once in memory); until then the insurance in memory answers. */
export function rateLimitsConnected(): Promise<void> {
  return limits().connected
}

/** Drops this process's limiters and their counts, to read the environment again (tests). */
export function forgetRateLimits(): void {
  state.current?.close()
  state.current = undefined
}
