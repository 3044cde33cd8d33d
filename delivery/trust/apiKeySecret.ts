/**
 * Render and events API keys. The secret is shown once, when it is issued;
 * only its SHA-256 digest is stored. Keys are 256-bit random strings, so a fast
 * digest is the right tool (a password hash would only slow every request).
 */
import { createHash, randomBytes } from 'node:crypto'

export const API_KEY_SCOPES = ['render', 'events', 'delivery'] as const
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number]

export const API_KEY_PREFIX = 'tsk_'
export const API_KEY_PATTERN = /^tsk_[A-Za-z0-9_-]{32,128}$/

export function issueApiKeySecret(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url')
}

export function digestApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** What the admin shows to tell keys apart without revealing them. */
export function apiKeyHint(secret: string): string {
  return `${secret.slice(0, API_KEY_PREFIX.length + 6)}…`
}
