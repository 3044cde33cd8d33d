/**
 * Starts a built edge bundle (scripts/build-edge.mjs) on one runtime, for the
 * contract tests and the benchmarks: workerd (from the `workerd` npm package,
 * with a generated config), Deno (the `deno` npm package's binary) or Node.
 * `runtimeBinary` says where each runtime is, or that it is not installed.
 */
import { spawn } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')

export const EDGE_RUNTIMES = /** @type {const} */ (['workerd', 'deno', 'node'])

/** @param {'workerd' | 'deno' | 'node'} name @returns {string | undefined} */
export function runtimeBinary(name) {
  if (name === 'node') return process.execPath
  const binary = path.join(root, 'node_modules/.bin', name)
  return existsSync(binary) ? binary : undefined
}

/** @param {{ port: number, origin: string, key: string, revalidateSeconds: number, bundle: string }} options */
function workerdConfig({ port, origin, key, revalidateSeconds, bundle }) {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .edge),
    (name = "internet", network = (allow = ["public", "private", "local"], tlsOptions = (trustBrowserCas = true))),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const edge :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "${path.basename(bundle)}")],
  compatibilityDate = "2026-11-01",
  bindings = [
    (name = "TESSERA_ORIGIN", text = "${origin}"),
    (name = "TESSERA_EDGE_KEY", text = "${key}"),
    (name = "TESSERA_EDGE_REVALIDATE_SECONDS", text = "${revalidateSeconds}"),
  ],
  globalOutbound = "internet",
);
`
}

/**
 * Starts the edge on `name`, listening on 127.0.0.1:`port`; resolves once it answers `probePath` with a 200.
 * @param {'workerd' | 'deno' | 'node'} name
 * @param {{ port: number, origin: string, key: string, revalidateSeconds?: number, bundles: Record<string, string>, probePath?: string, stdio?: 'inherit' | 'ignore' }} options
 * @returns {Promise<import('node:child_process').ChildProcess>}
 */
export async function startEdgeRuntime(name, options) {
  const binary = runtimeBinary(name)
  if (!binary) throw new Error(`${name} is not installed`)
  const { port, origin, key, revalidateSeconds = 5, bundles, probePath = '/api/render/home', stdio = 'inherit' } = options
  const env = { ...process.env, TESSERA_ORIGIN: origin, TESSERA_EDGE_KEY: key, TESSERA_EDGE_REVALIDATE_SECONDS: String(revalidateSeconds), PORT: String(port), HOST: '127.0.0.1' }
  const io = /** @type {const} */ (['ignore', stdio, 'inherit'])
  let child
  if (name === 'workerd') {
    const bundle = bundles.workerd
    const config = path.join(path.dirname(bundle), `edge-${port}.capnp`)
    writeFileSync(config, workerdConfig({ port, origin, key, revalidateSeconds, bundle }))
    child = spawn(binary, ['serve', config], { cwd: path.dirname(bundle), stdio: io })
  } else if (name === 'deno') {
    child = spawn(binary, ['run', '--allow-net', '--allow-env', '--no-prompt', bundles.deno], { env: { ...env, DENO_NO_UPDATE_CHECK: '1' }, stdio: io })
  } else {
    child = spawn(binary, [bundles.node], { env, stdio: io })
  }
  for (let attempt = 0; attempt < 600; attempt++) {
    const up = await fetch(`http://127.0.0.1:${port}${probePath}`).then((response) => response.status === 200, () => false)
    if (up) return child
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  child.kill()
  throw new Error(`${name} did not answer on port ${port}`)
}
