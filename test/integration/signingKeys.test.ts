/**
 * Signed tokens are EdDSA (Ed25519) with key rotation by `kid`: a token
 * signed with a key rotated out of the set is refused, a rotated-in key keeps
 * the old tokens valid until the old key leaves, and whoever holds only the
 * public keys (an edge) cannot make a cookie the origin accepts, whatever
 * algorithm it tries.
 */
import { generateKeyPairSync } from 'node:crypto'

import { base64url, importJWK, SignJWT } from 'jose'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { handleRenderRequest } from '../../delivery/render'
import {
  CONSENT_COOKIE,
  PROFILE_COOKIE,
  publicKeySet,
  readConsentCookie,
  readProfileCookie,
  readRecipientToken,
  readVisitToken,
  signConsentCookie,
  signProfileCookie,
  signRecipientToken,
  signVisitToken,
} from '../../delivery/trust'
import { startDemo, type TestPayload } from './harness'

type Key = { kty: 'OKP'; crv: 'Ed25519'; kid: string; x: string; d: string }

function newKey(kid: string): Key {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' })
  return { kty: 'OKP', crv: 'Ed25519', kid, x: jwk.x!, d: jwk.d! }
}
const useKeys = (...keys: Key[]) => (process.env.TESSERA_SIGNING_KEYS = JSON.stringify({ keys }))

const before = process.env.TESSERA_SIGNING_KEYS
afterEach(() => {
  if (before === undefined) delete process.env.TESSERA_SIGNING_KEYS
  else process.env.TESSERA_SIGNING_KEYS = before
})

describe('signing keys', () => {
  const old = newKey('2026-11-old')
  const current = newKey('2026-12-new')

  it('sign with the first key of the set, naming it by kid, with EdDSA', async () => {
    useKeys(current, old)
    const token = await signProfileCookie({ visitor: 'v-kid' })
    const header = JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[0]!)))
    expect(header).toEqual({ alg: 'EdDSA', kid: '2026-12-new' })
    expect(publicKeySet().keys.map((key) => key.kid)).toEqual(['2026-12-new', '2026-11-old'])
    expect(JSON.stringify(publicKeySet())).not.toContain(current.d)
  })

  it('keep a rotated-out key’s tokens valid while it is in the set, and refuse them once it leaves', async () => {
    useKeys(old)
    const tokens = {
      profile: await signProfileCookie({ visitor: 'v-rotated' }),
      consent: await signConsentCookie({ purposes: ['personalization'], at: new Date().toISOString() }),
      recipient: await signRecipientToken({ customer: 'crm-rotated', list: 'newsletter' }),
      visit: await signVisitToken({ customer: 'crm-rotated' }),
    }
    useKeys(current, old)
    expect(await readProfileCookie(tokens.profile)).toMatchObject({ visitor: 'v-rotated' })
    expect(await readRecipientToken(tokens.recipient)).toMatchObject({ customer: 'crm-rotated' })
    useKeys(current)
    expect(await readProfileCookie(tokens.profile)).toBeUndefined()
    expect(await readConsentCookie(tokens.consent)).toBeUndefined()
    expect(await readRecipientToken(tokens.recipient)).toBeUndefined()
    expect(await readVisitToken(tokens.visit)).toBeUndefined()
    // The new key's own tokens are fine.
    expect(await readProfileCookie(await signProfileCookie({ visitor: 'v-new' }))).toMatchObject({ visitor: 'v-new' })
  })

  it('keep each kind’s audience: a token for one use is refused for another', async () => {
    useKeys(current)
    const visit = await signVisitToken({ customer: 'crm-audience' })
    expect(await readRecipientToken(visit)).toBeUndefined()
    expect(await readProfileCookie(await signConsentCookie({ purposes: [], at: new Date().toISOString() }))).toBeUndefined()
  })

  it('cannot be minted from the public key set alone (an edge holds nothing else)', async () => {
    useKeys(current)
    const published = publicKeySet().keys[0]!
    // The public half cannot sign.
    await expect(importJWK({ ...published }, 'EdDSA').then((key) => new SignJWT({ visitor: 'v-forged' }).setProtectedHeader({ alg: 'EdDSA', kid: published.kid }).setAudience('tessera:profile').sign(key))).rejects.toThrow()
    // A key of its own under the published kid, or the public key used as an HMAC secret (algorithm confusion): refused.
    const own = await importJWK({ ...newKey(published.kid) }, 'EdDSA')
    const forged = await new SignJWT({ visitor: 'v-forged' }).setProtectedHeader({ alg: 'EdDSA', kid: published.kid }).setAudience('tessera:profile').setExpirationTime('1h').sign(own)
    expect(await readProfileCookie(forged)).toBeUndefined()
    const hmac = await new SignJWT({ visitor: 'v-forged' }).setProtectedHeader({ alg: 'HS256', kid: published.kid }).setAudience('tessera:profile').setExpirationTime('1h').sign(new TextEncoder().encode(published.x))
    expect(await readProfileCookie(hmac)).toBeUndefined()
  })
})

describe('a forged cookie at the render API', () => {
  let t: TestPayload
  let payload: Payload
  beforeAll(async () => {
    t = await startDemo({ name: 'sqlite' }, 'tsk_integration_signing_keys_0123456789abcdefg')
    payload = t.payload
  })
  afterAll(async () => t?.close())

  it('personalizes nothing: the response is the public one', async () => {
    const key = await importJWK({ ...newKey(publicKeySet().keys[0]!.kid) }, 'EdDSA')
    const sign = (claims: Record<string, unknown>, audience: string) =>
      new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: publicKeySet().keys[0]!.kid }).setAudience(audience).setExpirationTime('1h').sign(key)
    const cookie = `${CONSENT_COOKIE}=${await sign({ purposes: ['personalization'], at: new Date().toISOString() }, 'tessera:consent')}; ${PROFILE_COOKIE}=${await sign({ traits: { firstName: 'Mallory', loyaltyTier: 'gold' } }, 'tessera:profile')}`
    const forged = await handleRenderRequest(payload, new Request('http://localhost:3998/api/render/home', { headers: { cookie } }), 'home')
    const genuine = await handleRenderRequest(
      payload,
      new Request('http://localhost:3998/api/render/home', {
        headers: { cookie: `${CONSENT_COOKIE}=${await signConsentCookie({ purposes: ['personalization'], at: new Date().toISOString() })}; ${PROFILE_COOKIE}=${await signProfileCookie({ traits: { firstName: 'Ada', loyaltyTier: 'gold' } })}` },
      }),
      'home',
    )
    expect(genuine.headers.get('x-tessera-personalized')).toBe('true')
    expect(forged.headers.get('x-tessera-personalized')).toBe('false')
    expect(forged.headers.get('cache-control')).toMatch(/^public/)
    expect(await forged.text()).not.toContain('Mallory')
  })
})
