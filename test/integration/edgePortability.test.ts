/**
 * The engine and the portable renderers run unchanged at the edge: bundled by
 * esbuild for a neutral platform (any Node built-in fails the build) and run
 * inside the edge-runtime VM on a real compiled snapshot, they give exactly
 * what Node gives.
 */
import { builtinModules } from 'node:module'
import path from 'node:path'

import { EdgeRuntime } from 'edge-runtime'
import { build, type Plugin } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { renderJson } from '../../channels/json'
import { renderScreenDocument } from '../../channels/screen/html'
import { renderWebFragment } from '../../channels/web/html'
import { seedDemo } from '../../migrations/demo/seed'
import { compileFromDatabase, deliveryIdle } from '../../delivery/snapshot'
import { decisionContext, type DeliveryManifest, type PageBundle, type RenderContext, resolvePage } from '../../engine'
import { startPayload, type TestPayload } from './harness'

const root = path.resolve(import.meta.dirname, '../..')

const SCREEN_OPTIONS = { mediaBase: 'https://cdn.example', defaultLocale: 'en', width: 1920, height: 1080, refreshSeconds: 30, slideSeconds: 8, etag: '"v-1"' } as const

const ENTRY = `
const SCREEN = ${JSON.stringify(SCREEN_OPTIONS)}
import { decisionContext, resolvePage } from './engine'
import { renderJson } from './channels/json'
import { renderWebFragment } from './channels/web/html'
import { renderScreenDocument } from './channels/screen/html'

globalThis.tessera = {
  run(manifest, bundle, input, now) {
    const context = decisionContext(input, { channel: bundle.channel, locale: manifest.defaultLocale, timezone: 'Europe/Paris', now })
    const resolved = resolvePage(manifest, bundle, context, { trace: true })
    return JSON.stringify({
      json: renderJson(resolved, { ignored: [], mediaBase: 'https://cdn.example', defaultLocale: manifest.defaultLocale, trace: true }),
      html: renderWebFragment(resolved, { mediaBase: 'https://cdn.example', defaultLocale: manifest.defaultLocale }),
      screen: renderScreenDocument(resolved, SCREEN),
    })
  },
}
`

const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))
const forbidNodeBuiltins: Plugin = {
  name: 'forbid-node-builtins',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) =>
      builtins.has(args.path) || args.path.startsWith('node:')
        ? { errors: [{ text: `Node built-in “${args.path}” imported by ${path.relative(root, args.importer)}: the engine must run at the edge` }] }
        : undefined,
    )
  },
}

async function bundlePortable(contents: string) {
  return build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'edge-entry.ts' },
    bundle: true,
    platform: 'neutral',
    format: 'iife',
    mainFields: ['module', 'main'],
    conditions: ['import', 'default'],
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    plugins: [forbidNodeBuiltins],
  })
}

describe('edge portability', () => {
  let t: TestPayload
  let manifest: DeliveryManifest
  let bundles: Map<string, PageBundle>

  beforeAll(async () => {
    t = await startPayload({ name: 'sqlite' })
    await seedDemo(t.payload, { adminEmail: 'a@x.test', editorEmail: 'e@x.test', reviewerEmail: 'r@x.test', password: 'a-long-password' })
    await deliveryIdle(t.payload)
    ;({ manifest, bundles } = await compileFromDatabase(t.payload))
  })
  afterAll(async () => t?.close())

  it('refuses to bundle code that reaches for a Node built-in', async () => {
    await expect(bundlePortable(`import { createHash } from 'node:crypto'; globalThis.x = createHash`)).rejects.toThrow(/Node built-in “node:crypto”/)
  })

  it('bundles the engine and renderers for a neutral platform and gives the same pages inside the edge runtime', async () => {
    const result = await bundlePortable(ENTRY)
    const code = result.outputFiles[0]!.text
    expect(code.length).toBeGreaterThan(1000)

    const runtime = new EdgeRuntime()
    runtime.evaluate(code)

    const contexts: RenderContext[] = [
      {},
      { segments: ['loyal-gold'], consents: ['personalization'] },
      { channel: 'screen', locale: 'fr', geo: { city: 'Lyon' }, store: 'lyon-bellecour' },
      { geo: { city: 'Paris' }, at: '2026-11-24T19:00:00+01:00', traits: { visits: 4 }, consents: ['personalization'] },
      { channel: 'email', tone: 'urgent', length: 'short' },
    ]
    const now = Date.parse('2026-11-24T10:00:00Z')
    let compared = 0
    for (const entry of Object.values(manifest.pages)) {
      const bundle = bundles.get(entry.bundle)!
      for (const input of contexts) {
        const atEdge = runtime.evaluate(`tessera.run(${JSON.stringify(manifest)}, ${JSON.stringify(bundle)}, ${JSON.stringify(input)}, ${now})`) as string
        const context = decisionContext(input, { channel: bundle.channel, locale: manifest.defaultLocale, timezone: 'Europe/Paris', now })
        const resolved = resolvePage(manifest, bundle, context, { trace: true })
        const inNode = {
          json: renderJson(resolved, { ignored: [], mediaBase: 'https://cdn.example', defaultLocale: manifest.defaultLocale, trace: true }),
          html: renderWebFragment(resolved, { mediaBase: 'https://cdn.example', defaultLocale: manifest.defaultLocale }),
          screen: renderScreenDocument(resolved, SCREEN_OPTIONS),
        }
        expect(JSON.parse(atEdge)).toEqual(JSON.parse(JSON.stringify(inNode)))
        compared++
      }
    }
    expect(compared).toBe(Object.keys(manifest.pages).length * contexts.length)
    expect(compared).toBeGreaterThanOrEqual(15)
  })
})
