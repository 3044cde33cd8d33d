import { describe, expect, it } from 'vitest'

import { assertProductionSettings, productionProblems } from '../../delivery/http/productionSettings'

const SIGNING_KEYS = JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', kid: 'k-1', x: 'w_OcUW2t5Mcj4U_MbutCUA7DNc8BPbg5CpX5B3_xp-I', d: '-9QnG6PJFCK8FNiYcM20GF7M3wgk9n_0wNGq7ZXe9e4' }] })
const production = { NODE_ENV: 'production', PAYLOAD_SECRET: 'k'.repeat(40), TESSERA_PUBLIC_URL: 'https://www.maison-lumen.example', TESSERA_SIGNING_KEYS: SIGNING_KEYS }

describe('production settings', () => {
  it('refuses to start without its own secret or its public origin, naming each', () => {
    expect(productionProblems({ ...production, PAYLOAD_SECRET: undefined })).toEqual([expect.stringMatching(/^PAYLOAD_SECRET is not set/)])
    expect(productionProblems({ ...production, TESSERA_PUBLIC_URL: undefined })).toEqual([expect.stringMatching(/^TESSERA_PUBLIC_URL is not set/)])
    expect(() => assertProductionSettings({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET[\s\S]*TESSERA_PUBLIC_URL/)
  })

  it('refuses to start without its signing keys, or with a set whose first key cannot sign', () => {
    expect(productionProblems({ ...production, TESSERA_SIGNING_KEYS: undefined })).toEqual([expect.stringMatching(/^TESSERA_SIGNING_KEYS is not set/)])
    expect(productionProblems({ ...production, TESSERA_SIGNING_KEYS: 'not json' })).toHaveLength(1)
    const publicOnly = JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', kid: 'k-1', x: 'w_OcUW2t5Mcj4U_MbutCUA7DNc8BPbg5CpX5B3_xp-I' }] })
    expect(productionProblems({ ...production, TESSERA_SIGNING_KEYS: publicOnly })).toEqual([expect.stringMatching(/private part/)])
  })

  it('refuses the development secret, a short one, and a public URL that is not an origin', () => {
    expect(productionProblems({ ...production, PAYLOAD_SECRET: 'tessera-development-secret-do-not-use-in-production' })).toHaveLength(1)
    expect(productionProblems({ ...production, PAYLOAD_SECRET: 'short' })).toHaveLength(1)
    expect(productionProblems({ ...production, TESSERA_PUBLIC_URL: 'www.example.com' })).toHaveLength(1)
    expect(productionProblems({ ...production, TESSERA_PUBLIC_URL: 'https://www.example.com/shop?x=1' })).toHaveLength(1)
  })

  it('accepts a complete configuration, and asks nothing outside production', () => {
    expect(productionProblems(production)).toEqual([])
    expect(productionProblems({ NODE_ENV: 'development' })).toEqual([])
  })
})
