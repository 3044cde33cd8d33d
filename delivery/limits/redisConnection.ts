/**
 * The Redis connection rate limits share when REDIS_URL is set (ioredis).
 * Commands fail fast instead of queueing while the connection is down or slow,
 * so a request waits at most a moment before the in-memory insurance answers.
 */
import { Redis } from 'ioredis'

/** Longer than a healthy round trip on any network; short enough not to hold up a request. */
const COMMAND_TIMEOUT_MS = 500

export function connectRedis(url: string, warn: (message: string) => void = console.warn): Redis {
  const client = new Redis(url, { enableOfflineQueue: false, commandTimeout: COMMAND_TIMEOUT_MS, maxRetriesPerRequest: 1 })
  // ioredis reconnects on its own; say so once per outage, not once per retry.
  let down = false
  client.on('error', (error: Error) => {
    if (down) return
    down = true
    warn(`Rate limits: Redis at ${new URL(url).host} is unreachable (${error.message}); each node limits on its own until it is back.`)
  })
  client.on('ready', () => {
    down = false
  })
  return client
}
