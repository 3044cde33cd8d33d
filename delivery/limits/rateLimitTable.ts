/**
 * Every rate limit Tessera applies, by name: how many points a client may
 * spend per window, and what identifies the client. Public callers get strict
 * limits; an API key gets its own, sized so that an email platform sending to
 * 100,000 recipients or a site's backend at peak is not throttled out of the
 * box. Each limit can be changed with its environment variable, written
 * `points/window` (`20/1m`, `300/30s`, `1000/1h`).
 */
import { z } from 'zod'

export type RateLimit = {
  /** Points a client may spend per window (one per request unless stated). */
  points: number
  windowSeconds: number
  /** What one budget belongs to (for messages and the README). */
  per: string
  /** What is limited, as a person reads it in a 429. */
  what: string
}

const minute = 60

/** The defaults; README's Configuration table lists the same. */
export const RATE_LIMITS = {
  consent: { points: 20, windowSeconds: minute, per: 'client address', what: 'consent choices' },
  siteEvents: { points: 300, windowSeconds: minute, per: 'client address', what: 'event batches from the website' },
  siteEventsPerVisitor: { points: 60, windowSeconds: minute, per: 'visitor', what: 'event batches from this visitor' },
  preferences: { points: 30, windowSeconds: minute, per: 'client address', what: 'preference changes' },
  preferencesPerLink: { points: 10, windowSeconds: minute, per: 'signed link', what: 'preference changes from this link' },
  // Mailbox providers post one-click unsubscribes for many recipients from a few addresses.
  answers: { points: 60, windowSeconds: minute, per: 'client address', what: 'answers to questions and surveys' },
  answersPerLink: { points: 10, windowSeconds: minute, per: 'signed link', what: 'one-click answers from this link' },
  unsubscribe: { points: 600, windowSeconds: minute, per: 'client address', what: 'one-click unsubscribes' },
  unsubscribePerLink: { points: 10, windowSeconds: minute, per: 'signed link', what: 'one-click unsubscribes from this link' },
  publicRender: { points: 600, windowSeconds: minute, per: 'client address', what: 'public render requests' },
  coldPng: { points: 20, windowSeconds: minute, per: 'client address', what: 'screen PNGs not yet rendered' },
  keyRender: { points: 600_000, windowSeconds: minute, per: 'API key or editor', what: 'render requests with this key' },
  keyBatchRecipients: { points: 200_000, windowSeconds: minute, per: 'API key', what: 'batch recipients with this key' },
  keyEvents: { points: 60_000, windowSeconds: minute, per: 'API key', what: 'event batches with this key' },
  keyIdentify: { points: 60_000, windowSeconds: minute, per: 'API key', what: 'identify calls with this key' },
  apiKeyFailures: { points: 30, windowSeconds: minute, per: 'client address', what: 'failed API key attempts' },
  loginFailures: { points: 30, windowSeconds: 10 * minute, per: 'client address', what: 'failed logins' },
  loginFailuresPerEmail: { points: 10, windowSeconds: 10 * minute, per: 'email address', what: 'failed logins to this account' },
} as const satisfies Record<string, RateLimit>

export type RateLimitName = keyof typeof RATE_LIMITS
export type RateLimitTable = Record<RateLimitName, RateLimit>

/** `keyBatchRecipients` → `TESSERA_RATE_LIMIT_KEY_BATCH_RECIPIENTS`. */
export const rateLimitVariable = (name: RateLimitName) => `TESSERA_RATE_LIMIT_${name.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase()}`

const UNIT_SECONDS = { s: 1, m: 60, h: 3600 } as const

const SettingSchema = z
  .string()
  .trim()
  .regex(/^\d+\/\d*[smh]$/, 'Write points/window, e.g. 20/1m, 300/30s or 1000/1h')
  .transform((value) => {
    const [points, window] = value.split('/') as [string, string]
    const unit = window.slice(-1) as keyof typeof UNIT_SECONDS
    return { points: Number(points), windowSeconds: Number(window.slice(0, -1) || 1) * UNIT_SECONDS[unit] }
  })
  .refine((setting) => setting.points >= 1 && setting.windowSeconds >= 1, 'At least one point per window of at least one second')

/** The table with the environment's overrides; a malformed variable is an error naming it. */
export function readRateLimitTable(env: Record<string, string | undefined> = process.env): RateLimitTable {
  const table = {} as RateLimitTable
  for (const [name, limit] of Object.entries(RATE_LIMITS) as [RateLimitName, RateLimit][]) {
    const variable = rateLimitVariable(name)
    const raw = env[variable]
    if (raw === undefined || raw === '') {
      table[name] = limit
      continue
    }
    const parsed = SettingSchema.safeParse(raw)
    if (!parsed.success) throw new Error(`${variable}=${raw}: ${parsed.error.issues[0]?.message}`)
    table[name] = { ...limit, ...parsed.data }
  }
  return table
}
