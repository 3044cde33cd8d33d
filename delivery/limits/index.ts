/**
 * The limits room: how often each kind of client may call each endpoint. The
 * table of named limits (env overrides), limiters in memory or in Redis
 * (REDIS_URL) insured by memory, the client's address behind trusted
 * proxies, and the 429 a caller gets past a limit.
 */
export { clientAddress, clientAddressSettings, UNKNOWN_CLIENT, UNREADABLE_CLIENT, type ClientAddressSettings } from './clientAddress'
export { createRateLimiters, type LimitOutcome, type RateLimiters } from './limiters'
export { forgetRateLimits, rateLimit, rateLimitsConnected, refundRateLimit, requestClient, tooManyRequests } from './rateLimit'
export { RATE_LIMITS, rateLimitVariable, readRateLimitTable, type RateLimit, type RateLimitName, type RateLimitTable } from './rateLimitTable'
export { connectRedis } from './redisConnection'
