/**
 * State that must be one per process. Next.js bundles route handlers and
 * server-rendered pages in separate layers, each with its own copy of our
 * modules; a module-level Map would be duplicated, and a snapshot swapped in
 * by one layer would stay unseen by the other. Keyed by Symbol.for, the state
 * lives on globalThis and every copy shares it.
 */
export function processWide<T>(name: string, create: () => T): T {
  const key = Symbol.for(`tessera.${name}`)
  const store = globalThis as unknown as Record<symbol, T | undefined>
  return (store[key] ??= create())
}

type Destroyable = { destroy: () => Promise<void> }
const beforeDestroy = processWide('beforeDestroy', () => new WeakMap<Destroyable, (() => Promise<void> | void)[]>())

/**
 * Runs `stop` when this Payload instance is destroyed, before its database
 * closes: background work (the sharing dispatcher, the snapshot poll) stops
 * with the instance instead of failing against a closed database. Payload 3
 * has no destroy hook in its config; its `destroy` is an instance property,
 * wrapped here once per instance.
 */
export function onDestroy(payload: Destroyable, stop: () => Promise<void> | void): void {
  const known = beforeDestroy.get(payload)
  if (known) return void known.push(stop)
  const stops = [stop]
  beforeDestroy.set(payload, stops)
  const destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    for (const each of stops.splice(0)) await each()
    await destroy()
  }
}
