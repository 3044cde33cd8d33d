/**
 * First-party cookies the server signs (see signedTokens.ts) and is therefore willing to
 * trust: the visitor's profile hints (visitor id, segments, traits) and their
 * consent choices. Anything unsigned, tampered with, expired or meant for the
 * other cookie is ignored.
 */
import { type ConsentClaims, ConsentClaimsSchema, type ProfileClaims, ProfileClaimsSchema, TOKEN_AUDIENCE } from '../../contract'
import { signToken, verifyToken } from './signedTokens'

export { CONSENT_COOKIE, PROFILE_COOKIE } from '../../contract'
export type { ConsentClaims, ProfileClaims } from '../../contract'

const PROFILE_AUDIENCE = TOKEN_AUDIENCE.profile
const CONSENT_AUDIENCE = TOKEN_AUDIENCE.consent

const YEAR = 365 * 24 * 3600

export const signProfileCookie = (claims: ProfileClaims, maxAgeSeconds = YEAR) => signToken(claims, PROFILE_AUDIENCE, maxAgeSeconds)
export const readProfileCookie = (token: string | undefined) => verifyToken(token, PROFILE_AUDIENCE, ProfileClaimsSchema)

export const signConsentCookie = (claims: ConsentClaims, maxAgeSeconds = YEAR) => signToken(claims, CONSENT_AUDIENCE, maxAgeSeconds)
export const readConsentCookie = (token: string | undefined) => verifyToken(token, CONSENT_AUDIENCE, ConsentClaimsSchema)
