/**
 * First-party cookies the server signs (see signedTokens.ts) and is therefore willing to
 * trust: the visitor's profile hints (visitor id, segments, traits) and their
 * consent choices. Anything unsigned, tampered with, expired or meant for the
 * other cookie is ignored.
 */
import { z } from 'zod'

import { PurposeKeySchema, RenderContextSchema } from '../../engine'
import { signToken, verifyToken } from './signedTokens'

export const PROFILE_COOKIE = 'tessera_profile'
export const CONSENT_COOKIE = 'tessera_consent'

const PROFILE_AUDIENCE = 'tessera:profile'
const CONSENT_AUDIENCE = 'tessera:consent'

export const ProfileClaimsSchema = z.object({
  visitor: RenderContextSchema.shape.visitor,
  segments: RenderContextSchema.shape.segments,
  traits: RenderContextSchema.shape.traits,
})
export type ProfileClaims = z.infer<typeof ProfileClaimsSchema>

export const ConsentClaimsSchema = z.object({
  purposes: z.array(PurposeKeySchema).max(50),
  /** When the choice was made (ISO 8601). */
  at: z.string(),
})
export type ConsentClaims = z.infer<typeof ConsentClaimsSchema>

const YEAR = 365 * 24 * 3600

export const signProfileCookie = (claims: ProfileClaims, maxAgeSeconds = YEAR) => signToken(claims, PROFILE_AUDIENCE, maxAgeSeconds)
export const readProfileCookie = (token: string | undefined) => verifyToken(token, PROFILE_AUDIENCE, ProfileClaimsSchema)

export const signConsentCookie = (claims: ConsentClaims, maxAgeSeconds = YEAR) => signToken(claims, CONSENT_AUDIENCE, maxAgeSeconds)
export const readConsentCookie = (token: string | undefined) => verifyToken(token, CONSENT_AUDIENCE, ConsentClaimsSchema)
