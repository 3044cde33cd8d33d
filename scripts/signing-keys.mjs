#!/usr/bin/env node
/**
 * npm run keys:generate: prints an Ed25519 JWK set for TESSERA_SIGNING_KEYS.
 * To rotate, pass the current set: the new key comes first (it signs), the
 * old ones follow (they only verify) until their tokens have expired:
 *   npm run keys:generate -- "$TESSERA_SIGNING_KEYS"
 * Drop an old key from the set and every token it signed is refused.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { pathToFileURL } from 'node:url'

/** A new signing key, named by the month it was made and a random suffix. */
export function newSigningKey() {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })
  return { kty: 'OKP', crv: 'Ed25519', kid: `${new Date().toISOString().slice(0, 7)}-${randomBytes(4).toString('hex')}`, x: jwk.x, d: jwk.d }
}

/** The set with a new key in front of `current`'s keys. */
export function rotatedKeySet(current) {
  const keys = current ? JSON.parse(current).keys : []
  return JSON.stringify({ keys: [newSigningKey(), ...keys] })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(rotatedKeySet(process.argv[2]))
