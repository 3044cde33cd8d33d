/**
 * The http room: what every endpoint shares. The route wrapper (Payload
 * instance, logged 500), errors as data, bounded bodies, same-origin checks,
 * the public origin, and state that must be one per process.
 */
export { readBoundedText, readFormBody, readJsonBody } from './body'
export { ErrorBodySchema, errorResponse, invalidInput, zodIssues, type ErrorIssue } from './errors'
export { boundedMemory, sizedMemory, timedMemory } from './memory'
export { assertProductionSettings, DEVELOPMENT_SECRET, productionProblems } from './productionSettings'
export { processWide } from './processState'
export { publicOrigin } from './publicOrigin'
export { payloadRoute } from './route'
export { isSameOrigin } from './sameOrigin'
