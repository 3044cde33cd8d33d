/**
 * The keys our tokens are signed with: Ed25519 (EdDSA), named by `kid`. In
 * production they come from TESSERA_SIGNING_KEYS, a JWK set whose first key
 * signs and whose others only verify (rotation: put a new key first, keep the
 * old one until its tokens have expired, then remove it: its tokens are then
 * refused). `npm run keys:generate` makes one. Outside production, with no
 * keys set, one key is derived from PAYLOAD_SECRET (or the development
 * secret), so a restart keeps its visitors' cookies valid. Only the public
 * half is ever published (the delivery manifest carries it to edges).
 */
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto'

import { z } from 'zod'

import { PublicKeySetSchema, TOKEN_ALGORITHM, type PublicKeySet } from '../../contract'
import { DEVELOPMENT_SECRET } from '../http'

const SigningKeySchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string(),
  /** The private half; a key without it verifies old tokens and signs nothing. */
  d: z.string().optional(),
  kid: z.string().min(1).max(64),
})
export const SigningKeySetSchema = z.object({ keys: z.array(SigningKeySchema).min(1) }).refine((set) => Boolean(set.keys[0]!.d), 'The first key signs: it needs its private part (d)')
type SigningKey = z.infer<typeof SigningKeySchema>

type KeyRing = { signing: SigningKey; signer: KeyObject; public: PublicKeySet }

/** PKCS #8 prefix of an Ed25519 private key (RFC 8410): the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')

/** The development key: derived from the server secret, so it is stable across restarts and never used in production. */
function derivedKey(secret: string): SigningKey {
  const seed = createHash('sha256').update(`tessera-signing-key\0${secret}`).digest()
  const jwk = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' }).export({ format: 'jwk' })
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x!, d: jwk.d!, kid: `derived-${createHash('sha256').update(jwk.x!).digest('base64url').slice(0, 12)}` }
}

/** The key set of an environment, or why it cannot be used. */
export function signingKeysFrom(env: Record<string, string | undefined>): { ok: true; keys: SigningKey[] } | { ok: false; problem: string } {
  const configured = env.TESSERA_SIGNING_KEYS
  if (!configured) {
    if (env.NODE_ENV === 'production') return { ok: false, problem: 'TESSERA_SIGNING_KEYS is not set: production signs cookies and links only with its own keys (`npm run keys:generate`).' }
    return { ok: true, keys: [derivedKey(env.PAYLOAD_SECRET || DEVELOPMENT_SECRET)] }
  }
  let json: unknown
  try {
    json = JSON.parse(configured)
  } catch {
    return { ok: false, problem: 'TESSERA_SIGNING_KEYS is not JSON: it must be a JWK set, {"keys":[{"kty":"OKP","crv":"Ed25519","kid":…,"x":…,"d":…}]}.' }
  }
  const parsed = SigningKeySetSchema.safeParse(json)
  if (!parsed.success) return { ok: false, problem: `TESSERA_SIGNING_KEYS is not a usable Ed25519 JWK set: ${parsed.error.issues[0]?.message ?? 'invalid'}.` }
  return { ok: true, keys: parsed.data.keys }
}

let ring: { source: string; ring: KeyRing } | undefined

/** The current key ring, rebuilt when the environment's keys change (tests rotate them). */
function keyRing(): KeyRing {
  const source = `${process.env.NODE_ENV}\0${process.env.TESSERA_SIGNING_KEYS ?? ''}\0${process.env.PAYLOAD_SECRET ?? ''}`
  if (ring?.source === source) return ring.ring
  const read = signingKeysFrom(process.env)
  if (!read.ok) throw new Error(read.problem)
  const signing = read.keys[0]!
  const built: KeyRing = {
    signing,
    signer: createPrivateKey({ key: { kty: signing.kty, crv: signing.crv, x: signing.x, d: signing.d! }, format: 'jwk' }),
    public: PublicKeySetSchema.parse({ keys: read.keys.map(({ kty, crv, x, kid }) => ({ kty, crv, x, kid, alg: TOKEN_ALGORITHM, use: 'sig' })) }),
  }
  ring = { source, ring: built }
  return built
}

/** The key that signs now and its id. */
export const currentSigningKey = () => ({ kid: keyRing().signing.kid, key: keyRing().signer })

/** The public halves of every key that verifies: what an edge needs, and all it gets. */
export const publicKeySet = (): PublicKeySet => keyRing().public
