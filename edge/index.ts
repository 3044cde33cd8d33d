/**
 * The edge renderer's door: the Web-standard handler, its snapshot source and
 * its events queue. The runtime entries (node/server.ts, deno/main.ts,
 * workerd/worker.ts) are thin adapters around `createEdgeRenderer`.
 */
export { EventQueue, type EdgeEvent } from './eventQueue'
export { createEdgeRenderer, type EdgeOptions, type EdgeRenderer, type WaitUntil } from './handler'
export { SnapshotSource, type LiveSnapshot } from './snapshotSource'
