/**
 * The snapshot room: compile at publish, serve from memory. Published
 * documents compile into an immutable, content-hashed delivery snapshot (a
 * manifest and one bundle per page), stored in the database; render nodes
 * keep the active one in memory and poll for a new version. Publish hooks on
 * the collections that feed delivery ask for a compile; screens hear of a
 * new version by server-sent events (GET /api/updates).
 */
export { CompileError, compileBlock, compilePage, compileSegment, sortSegments, type BlockDoc, type PageDoc, type SegmentDoc } from './compileDocuments'
export { readBlockRows } from './tableRows'
export { compileFromDatabase, compileSnapshot, forgetCompiledBlocks, type CompiledSnapshot } from './compileSnapshot'
export { handleHealth, HealthSchema } from './health'
export { bundleByHash, compileNow, storedBundle, deliveryIdle, liveBundle, liveManifest, onLiveVersion, requestCompile, stopLiveSnapshot } from './liveSnapshot'
export { handleLiveUpdates } from './liveUpdates'
export { deliveryHooks } from './publishHooks'
export { compileExperiment, type ExperimentDoc } from './compileExperiments'
export { bundleOfPageSave, compiledBlockOfForm, draftBundle } from './draftBundle'
