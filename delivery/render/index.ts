/**
 * The render room: one decision service, and the responses built from it.
 * `decide` (request context → decision, no HTTP) serves the render API, the
 * batch endpoint, the demo website and the profile insight alike; the
 * handlers render the decision in the asked format and respond with honest
 * cache headers and ETags.
 */
export { BatchResponseSchema, BatchSchema, handleRenderBatch, MAX_BATCH_RECIPIENTS } from './batch'
export { decide, decideFor, DEFAULT_TIMEZONE, loadPage, type Decision, type DecisionFailure } from './decide'
export { profileInsight } from './profileInsight'
export { CHANNEL_FORMATS, handleRenderRequest, RENDER_FORMATS, type RenderFormat } from './renderRequest'
export { attributesReadBy, cachePolicy, entityTag, notModified, type CachePolicy } from '../../contract'
export { MAX_SCREEN_PIXELS, MAX_SCREEN_SIDE } from '../../contract'
export { isScreenPngCached, screenPng } from './screen'
export { renderQuestionPage } from './questionPage'
export { renderSitePage, type SitePage } from './sitePage'
export { handleDeliveryBundle, handleDeliveryManifest } from './distribution'
export { emailBytesAtPublish, publishedEmailBytes } from './emailAsPublished'
export { blockCoverage, coverageGaps, isGap, pageCoverage, type BlockCoverage, type CoverageCell, type CoverageRow } from './coverage'
export { handleLivePreviewRequest, handlePreviewRequest } from './preview'
