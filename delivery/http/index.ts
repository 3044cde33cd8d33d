/**
 * The http room: what every endpoint shares. The route wrapper (Payload
 * instance, logged 500), errors as data, bounded bodies, same-origin checks,
 * the public origin, state that must be one per process, and an installed
 * package's files served from this origin.
 */
// Errors and bounded bodies are Web-standard and shared with the edge: they live in contract/.
export { ErrorBodySchema, errorResponse, invalidInput, readBoundedText, readFormBody, readJsonBody, zodIssues, type ErrorIssue } from '../../contract'
export { boundedMemory, sizedMemory, timedMemory } from './memory'
export { assertProductionSettings, DEVELOPMENT_SECRET, productionProblems } from './productionSettings'
export { installedVersion, packageFilesRoute } from './packageFiles'
export { onDestroy, processWide } from './processState'
export { publicOrigin } from './publicOrigin'
export { payloadRoute } from './route'
export { isSameOrigin } from './sameOrigin'
