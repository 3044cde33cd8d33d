/**
 * First-party cookies the server signs (HS256 JWS) and is therefore willing to
 * trust: the visitor's profile hints (visitor id, segments, traits) and their
 * consent choices. Anything unsigned, tampered with, expired or meant for the
 * other cookie is ignored.
 */
import { createHash } from 'node:crypto'

import { jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'

import { RenderContextSchema } from '../engine/context'

export const PROFILE_COOKIE = 'tessera_profile'
export const CONSENT_COOKIE = 'tessera_consent'

const PROFILE_AUDIENCE = 'tessera:profile'
const CONSENT_AUDIENCE = 'tessera:consent'

function signingKey(): Uint8Array {
  const secret = process.env.PAYLOAD_SECRET || 'tessera-development-secret-do-not-use-in-production'
  return new Uint8Array(createHash('sha256').update(`tessera-cookies\0${secret}`).digest())
}

export const ProfileClaimsSchema = z.object({
  visitor: RenderContextSchema.shape.visitor,
  segments: RenderContextSchema.shape.segments,
  traits: RenderContextSchema.shape.traits,
})
export type ProfileClaims = z.infer<typeof ProfileClaimsSchema>

export const ConsentClaimsSchema = z.object({
  purposes: z.array(z.string().regex(/^[a-z][a-z0-9-]{0,63}$/)).max(50),
  /** When the choice was made (ISO 8601). */
  at: z.string(),
})
export type ConsentClaims = z.infer<typeof ConsentClaimsSchema>

async function sign(claims: Record<string, unknown>, audience: string, maxAgeSeconds: number): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAgeSeconds)
    .sign(signingKey())
}

async function verify<T>(token: string | undefined, audience: string, schema: z.ZodType<T>): Promise<T | undefined> {
  if (!token || token.length > 8192) return undefined
  try {
    const { payload } = await jwtVerify(token, signingKey(), { audience, algorithms: ['HS256'] })
    const parsed = schema.safeParse(payload)
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

const YEAR = 365 * 24 * 3600

export const signProfileCookie = (claims: ProfileClaims, maxAgeSeconds = YEAR) => sign(claims, PROFILE_AUDIENCE, maxAgeSeconds)
export const readProfileCookie = (token: string | undefined) => verify(token, PROFILE_AUDIENCE, ProfileClaimsSchema)

export const signConsentCookie = (claims: ConsentClaims, maxAgeSeconds = YEAR) => sign(claims, CONSENT_AUDIENCE, maxAgeSeconds)
export const readConsentCookie = (token: string | undefined) => verify(token, CONSENT_AUDIENCE, ConsentClaimsSchema)
