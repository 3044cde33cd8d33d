/**
 * Verifying the tokens we signed with a public key set (EdDSA, Ed25519; the
 * `kid` in each token's header names its key). Anything unsigned, tampered
 * with, expired, meant for another use, or signed with a key no longer in
 * the set (rotated out) is refused. Holds no secret: an edge verifies with
 * exactly this code and only the public keys, so it can mint nothing.
 */
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose'
import { z } from 'zod'

import { ConsentClaimsSchema, ProfileClaimsSchema, RecipientClaimsSchema, TOKEN_AUDIENCE } from './tokenClaims'
import type { VisitorTokens } from './visitorTokens'

export const TOKEN_ALGORITHM = 'EdDSA'

/** A public key set as the origin publishes it (the private part never leaves the origin). */
export const PublicKeySetSchema = z
  .object({
    keys: z
      .array(z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string(), kid: z.string().min(1), alg: z.literal(TOKEN_ALGORITHM).optional(), use: z.literal('sig').optional() }).strict())
      .min(1),
  })
  .meta({ id: 'PublicKeySet' })
export type PublicKeySet = z.infer<typeof PublicKeySetSchema>

const verifiers = new WeakMap<PublicKeySet, ReturnType<typeof createLocalJWKSet>>()

function verifierOf(keys: PublicKeySet) {
  let verifier = verifiers.get(keys)
  if (!verifier) verifiers.set(keys, (verifier = createLocalJWKSet(keys as JSONWebKeySet)))
  return verifier
}

export async function verifyToken<T>(token: string | undefined | null, audience: string, schema: z.ZodType<T>, keys: PublicKeySet): Promise<T | undefined> {
  if (!token || token.length > 8192) return undefined
  try {
    const { payload } = await jwtVerify(token, verifierOf(keys), { audience, algorithms: [TOKEN_ALGORITHM] })
    const parsed = schema.safeParse(payload)
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** The readers of a visitor's tokens, against the key set current when they read (`keys` is asked each time: keys rotate). */
export function visitorTokensVerifiedBy(keys: () => PublicKeySet): VisitorTokens {
  return {
    readVisitToken: (token) => verifyToken(token, TOKEN_AUDIENCE.visit, RecipientClaimsSchema, keys()),
    readConsentCookie: (token) => verifyToken(token, TOKEN_AUDIENCE.consent, ConsentClaimsSchema, keys()),
    readProfileCookie: (token) => verifyToken(token, TOKEN_AUDIENCE.profile, ProfileClaimsSchema, keys()),
  }
}
