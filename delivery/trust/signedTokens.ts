/**
 * Tokens the server signs (EdDSA JWS over Ed25519, via jose) and therefore
 * trusts when they come back: cookies it set, links it put in emails. Each
 * kind has its own audience and lifetime, so a token made for one use is
 * refused for another; anything unsigned, tampered with, expired or signed
 * with a key rotated out is refused. Verification is the contract's (an edge
 * verifies alike, with the public keys only).
 */
import { SignJWT } from 'jose'
import type { z } from 'zod'

import { TOKEN_ALGORITHM, verifyToken as verifyWithKeys } from '../../contract'
import { currentSigningKey, publicKeySet } from './signingKeys'

export async function signToken(claims: Record<string, unknown>, audience: string, maxAgeSeconds: number): Promise<string> {
  const { kid, key } = await currentSigningKey()
  return new SignJWT(claims)
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid })
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAgeSeconds)
    .sign(key)
}

export const verifyToken = <T>(token: string | undefined | null, audience: string, schema: z.ZodType<T>): Promise<T | undefined> => verifyWithKeys(token, audience, schema, publicKeySet())
