/**
 * Tokens the server signs (EdDSA JWS over Ed25519, compact JWTs) and therefore
 * trusts when they come back: cookies it set, links it put in emails. Each
 * kind has its own audience and lifetime, so a token made for one use is
 * refused for another; anything unsigned, tampered with, expired or signed
 * with a key rotated out is refused. Verification is the contract's (an edge
 * verifies alike, with the public keys only).
 */
import { sign } from 'node:crypto'

import type { z } from 'zod'

import { TOKEN_ALGORITHM, verifyToken as verifyWithKeys } from '../../contract'
import { currentSigningKey, publicKeySet } from './signingKeys'

const base64url = (text: string) => Buffer.from(text).toString('base64url')

/**
 * A compact JWS (RFC 7515) of the claims with our audience, issue and expiry
 * times, signed by the current key. Signed synchronously with node:crypto:
 * jose's asynchronous signing cost about 150 µs a token against 50 µs (an
 * email batch signs two or three per recipient); jose still verifies them.
 */
export async function signToken(claims: Record<string, unknown>, audience: string, maxAgeSeconds: number): Promise<string> {
  const { kid, key } = currentSigningKey()
  const issuedAt = Math.floor(Date.now() / 1000)
  const input = `${base64url(JSON.stringify({ alg: TOKEN_ALGORITHM, kid }))}.${base64url(JSON.stringify({ ...claims, aud: audience, iat: issuedAt, exp: issuedAt + maxAgeSeconds }))}`
  return `${input}.${sign(null, Buffer.from(input), key).toString('base64url')}`
}

export const verifyToken = <T>(token: string | undefined | null, audience: string, schema: z.ZodType<T>): Promise<T | undefined> => verifyWithKeys(token, audience, schema, publicKeySet())
