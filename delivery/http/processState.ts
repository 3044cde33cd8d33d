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
