/**
 * Checks `Authorization: Bearer <key>` against the api-keys collection. Keys
 * are looked up by their SHA-256 digest and remembered for 30 seconds (a
 * revoked or expired key stops working within that time), so a render costs
 * no database round trip in steady state. A key not known to be good spends
 * from the client's budget of failed attempts before it is looked up (and is
 * refunded if it is good): a client guessing keys costs the database at most
 * that budget of lookups.
 */
import type { LRUCache } from 'lru-cache'
import type { Payload } from 'payload'

import { processWide, timedMemory } from '../http'
import { rateLimit, refundRateLimit } from '../limits'
import { API_KEY_PATTERN, digestApiKey, type ApiKeyScope } from './apiKeySecret'

const REMEMBER_MS = 30_000
/** Unknown keys are remembered briefly too, so retrying one wrong key costs no database load. */
const REMEMBER_UNKNOWN_MS = 5_000
/** Bound: 10,000 keys per database (known and unknown alike), least recently used dropped first. */
const MAX_REMEMBERED = 10_000

export type ApiKeyCaller = { id: string; name: string; scopes: ApiKeyScope[] }

export type ApiKeyCheck =
  | { status: 'absent' }
  | { status: 'valid'; caller: ApiKeyCaller }
  | { status: 'invalid'; reason: string }
  /** Too many failed attempts from this client: the 429 to answer. */
  | { status: 'throttled'; response: Response }

type Remembered = { key?: ApiKeyCaller & { revoked: boolean; expiresAt?: number } }
/** Per Payload instance (one per database), by key digest. */
const memories = processWide('apiKeyMemory', () => new WeakMap<Payload, LRUCache<string, Remembered>>())

function memoryOf(payload: Payload): LRUCache<string, Remembered> {
  let memory = memories.get(payload)
  if (!memory) {
    memory = timedMemory<string, Remembered>(MAX_REMEMBERED, REMEMBER_MS)
    memories.set(payload, memory)
  }
  return memory
}

async function lookUp(payload: Payload, digest: string): Promise<Remembered> {
  const { docs } = await payload.find({
    collection: 'api-keys',
    where: { keyHash: { equals: digest } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const doc = docs[0]
  if (!doc) return {}
  return {
    key: {
      id: String(doc.id),
      name: doc.name,
      scopes: (doc.scopes ?? []) as ApiKeyScope[],
      revoked: Boolean(doc.revoked),
      expiresAt: doc.expiresAt ? Date.parse(doc.expiresAt) : undefined,
    },
  }
}

/** What a remembered (or just looked up) key is worth now. */
function verdict(entry: Remembered): ApiKeyCheck {
  const key = entry.key
  if (!key) return { status: 'invalid', reason: 'Unknown API key' }
  if (key.revoked) return { status: 'invalid', reason: 'This API key has been revoked' }
  if (key.expiresAt !== undefined && key.expiresAt <= Date.now()) return { status: 'invalid', reason: 'This API key has expired' }
  return { status: 'valid', caller: { id: key.id, name: key.name, scopes: key.scopes } }
}

/** A failed attempt of `client`: counted, or the 429 once they are too many. */
async function failedAttempt(client: string, reason: string): Promise<ApiKeyCheck> {
  const throttled = await rateLimit('apiKeyFailures', client)
  return throttled ? { status: 'throttled', response: throttled } : { status: 'invalid', reason }
}

/** `client` is the caller's address: failed attempts are limited per client. */
export async function checkApiKey(payload: Payload, authorization: string | null, client: string): Promise<ApiKeyCheck> {
  if (!authorization) return { status: 'absent' }
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim())
  if (!match) {
    // Payload's own "JWT <token>" sessions are not API keys.
    return /^JWT\s/i.test(authorization) ? { status: 'absent' } : failedAttempt(client, 'Use “Authorization: Bearer <api key>”')
  }
  const secret = match[1]!
  if (!API_KEY_PATTERN.test(secret)) return failedAttempt(client, 'This is not a Tessera API key (they start with “tsk_”)')

  const digest = digestApiKey(secret)
  const remembered = memoryOf(payload)
  let entry = remembered.get(digest)
  // A key known to be good costs nothing to check: it spends nothing.
  const known = entry ? verdict(entry) : undefined
  if (known?.status === 'valid') return known

  // Anything else may be a guess: it spends first (so concurrent guesses cannot outrun the count), and a good key is refunded.
  const throttled = await rateLimit('apiKeyFailures', client)
  if (throttled) return { status: 'throttled', response: throttled }
  if (!entry) {
    entry = await lookUp(payload, digest)
    remembered.set(digest, entry, { ttl: entry.key ? REMEMBER_MS : REMEMBER_UNKNOWN_MS })
  }
  const checked = verdict(entry)
  if (checked.status === 'valid') await refundRateLimit('apiKeyFailures', client)
  return checked
}

/** Forgets remembered keys (tests). */
export function forgetApiKeys(payload: Payload): void {
  memories.delete(payload)
}
