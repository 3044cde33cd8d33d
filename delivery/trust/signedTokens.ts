/**
 * Tokens the server signs (HS256 JWS, via jose) and therefore trusts when they
 * come back: cookies it set, links it put in emails. Each kind has its own
 * audience, so a token made for one use is refused for another; anything
 * unsigned, tampered with or expired is refused.
 */
import { createHash } from 'node:crypto'

import { jwtVerify, SignJWT } from 'jose'
import type { z } from 'zod'

import { DEVELOPMENT_SECRET } from '../http'

/** The secret Payload signs its sessions with, and ours derive from; the development one only outside production. */
export function serverSecret(): string {
  const secret = process.env.PAYLOAD_SECRET
  if (secret) return secret
  if (process.env.NODE_ENV === 'production') throw new Error('PAYLOAD_SECRET is not set: production signs nothing with the development secret.')
  return DEVELOPMENT_SECRET
}

function signingKey(): Uint8Array {
  return new Uint8Array(createHash('sha256').update(`tessera-signed-tokens\0${serverSecret()}`).digest())
}

export async function signToken(claims: Record<string, unknown>, audience: string, maxAgeSeconds: number): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAgeSeconds)
    .sign(signingKey())
}

export async function verifyToken<T>(token: string | undefined | null, audience: string, schema: z.ZodType<T>): Promise<T | undefined> {
  if (!token || token.length > 8192) return undefined
  try {
    const { payload } = await jwtVerify(token, signingKey(), { audience, algorithms: ['HS256'] })
    const parsed = schema.safeParse(payload)
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
