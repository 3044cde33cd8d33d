#!/usr/bin/env node
/**
 * npm run build:edge: bundles the edge renderer for each runtime with esbuild,
 * from the same handler: dist/edge/workerd.mjs (Cloudflare Workers, wrangler
 * or workerd), dist/edge/deno.mjs (Deno, Deno Deploy), dist/edge/node.mjs
 * (Node, behind a load balancer). The workerd and Deno bundles refuse any Node
 * built-in: what runs there is Web-standard only.
 */
import { builtinModules } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { build } from 'esbuild'

const root = path.resolve(import.meta.dirname, '..')
const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))

const forbidNodeBuiltins = {
  name: 'forbid-node-builtins',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, (args) =>
      builtins.has(args.path) || args.path.startsWith('node:')
        ? { errors: [{ text: `Node built-in “${args.path}” imported by ${path.relative(root, args.importer)}: the edge renderer must be Web-standard` }] }
        : undefined,
    )
  },
}

export const EDGE_TARGETS = {
  workerd: { entry: 'edge/workerd/worker.ts', platform: 'neutral', conditions: ['workerd', 'worker', 'browser', 'import', 'default'], web: true },
  deno: { entry: 'edge/deno/main.ts', platform: 'neutral', conditions: ['deno', 'worker', 'browser', 'import', 'default'], web: true },
  node: { entry: 'edge/node/server.ts', platform: 'node', conditions: ['node', 'import', 'default'], web: false },
}

/**
 * Builds every target into `outdir`; returns the bundle of each.
 * @returns {Promise<Record<keyof typeof EDGE_TARGETS, string>>}
 */
export async function buildEdge(outdir = path.join(root, 'dist/edge')) {
  /** @type {Record<string, string>} */
  const outputs = {}
  for (const [name, target] of Object.entries(EDGE_TARGETS)) {
    const outfile = path.join(outdir, `${name}.mjs`)
    await build({
      entryPoints: [path.join(root, target.entry)],
      bundle: true,
      platform: target.platform,
      format: 'esm',
      mainFields: ['module', 'main'],
      conditions: target.conditions,
      target: 'es2022',
      outfile,
      logLevel: 'error',
      plugins: target.web ? [forbidNodeBuiltins] : [],
      // The Node bundle keeps its dependencies' CommonJS working.
      ...(target.web ? {} : { banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" } }),
    })
    outputs[name] = outfile
  }
  return outputs
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outputs = await buildEdge(process.argv[2])
  for (const [name, file] of Object.entries(outputs)) console.log(`${name}: ${path.relative(root, file)}`)
}
