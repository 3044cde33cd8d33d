import { describe, expect, it } from 'vitest'

import { assertProductionSettings, productionProblems } from '../../delivery/http/productionSettings'

const production = { NODE_ENV: 'production', PAYLOAD_SECRET: 'k'.repeat(40), TESSERA_PUBLIC_URL: 'https://www.maison-lumen.example' }

describe('production settings', () => {
  it('refuses to start without its own secret or its public origin, naming each', () => {
    expect(productionProblems({ ...production, PAYLOAD_SECRET: undefined })).toEqual([expect.stringMatching(/^PAYLOAD_SECRET is not set/)])
    expect(productionProblems({ ...production, TESSERA_PUBLIC_URL: undefined })).toEqual([expect.stringMatching(/^TESSERA_PUBLIC_URL is not set/)])
    expect(() => assertProductionSettings({ NODE_ENV: 'production' })).toThrow(/PAYLOAD_SECRET[\s\S]*TESSERA_PUBLIC_URL/)
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
