/**
 * The render API's contract, Web-standard only (no Node built-ins, no
 * Payload): how a request becomes a decision context (the trust rules), how
 * a decision is made from a loaded page, and how it is answered (formats,
 * cache policy, ETags, errors). The origin (delivery/trust, delivery/render)
 * and the edge renderer (edge/) both answer through it, so the rules and the
 * bytes cannot drift. It imports the engine and the channels, nothing else of ours.
 */
export { readBoundedText, readFormBody, readJsonBody } from './body'
export { CONTEXT_HEADERS, headersFeeding } from './contextHeaders'
export { CONSENT_COOKIE, PROFILE_COOKIE, readCookie } from './cookies'
export { decisionStableUntil } from './freshness'
export { decisionContextOf, onlyOnTheSite, resolveDecision, type DecisionCore } from './decision'
export { ErrorBodySchema, errorResponse, invalidInput, zodIssues, type ErrorIssue } from './errors'
export { CHANNEL_FORMATS, channelFormatProblem, jsonOf, RENDER_FORMATS, renderFormatOf, screenHtmlResponse, webResponse, type RenderFormat } from './renderPage'
export {
  contextFromQuery,
  contextIssues,
  localeFromAcceptLanguage,
  readRenderContext,
  readStatedContext,
  requestContext,
  type CallerKind,
  type ContextRules,
  type RequestContext,
} from './requestContext'
export {
  attributesReadBy,
  cachePolicy,
  decisionEtag,
  decisionShape,
  entityTag,
  isNotModified,
  notModified,
  renderedBody,
  respond,
  type BodyMemory,
  type CachePolicy,
} from './respond'
export { MAX_SCREEN_PIXELS, MAX_SCREEN_SIDE, screenContentSecurityPolicy, screenDocument, screenParams, screenRepresentation, type ScreenParams } from './screen'
export { publicOriginOf, renderSettingsFrom, RenderSettingsSchema, type RenderSettings } from './settings'
export {
  ConsentClaimsSchema,
  ProfileClaimsSchema,
  RecipientClaimsSchema,
  TOKEN_AUDIENCE,
  type ConsentClaims,
  type ProfileClaims,
  type RecipientClaims,
} from './tokenClaims'
export type { VisitorTokens } from './visitorTokens'
export { PublicKeySetSchema, TOKEN_ALGORITHM, verifyToken, visitorTokensVerifiedBy, type PublicKeySet } from './tokenVerification'
export { BUNDLE_CACHE_CONTROL, bundlePath, DistributedBundleSchema, DistributedManifestSchema, MANIFEST_PATH, type DistributedManifest } from './distribution'
