/**
 * The trust room: who is calling and what they may state. API keys (hashed,
 * scoped), admin sessions, tokens and cookies this server signed, and the
 * request context built from all of them by the trust rules. Nothing else
 * decides what a request is allowed to say about a visitor. Also the rate
 * limits tied to identity: per key or editor, failed key attempts, logins.
 */
export { API_KEY_PATTERN, API_KEY_PREFIX, API_KEY_SCOPES, apiKeyHint, digestApiKey, issueApiKeySecret, type ApiKeyScope } from './apiKeySecret'
export { ANSWER_TOKEN_DAYS, AnswerClaimsSchema, readAnswerToken, signAnswerToken, type AnswerClaims } from './answerTokens'
export { forgetApiKeys } from './apiKeys'
export { callerBudget, identifyCaller, type Caller, type CallerCheck, type CallerLimits } from './caller'
export { CONTEXT_HEADERS, contextFromQuery, contextIssues, headersFeeding, localeFromAcceptLanguage } from '../../contract'
export { limitGraphqlLogins, limitLogins } from './loginLimits'
export {
  readRecipientToken,
  readVisitToken,
  recipientLinkId,
  recipientLinks,
  RECIPIENT_TOKEN_DAYS,
  signRecipientToken,
  signVisitToken,
  type RecipientClaims,
  type RecipientLinks,
} from './recipientTokens'
export { originRules, readRenderRequest, requestContext, type RequestContext } from './requestContext'
export { CONSENT_COOKIE, PROFILE_COOKIE, readConsentCookie, readProfileCookie, signConsentCookie, signProfileCookie, type ConsentClaims, type ProfileClaims } from './signedCookies'
export { publicKeySet, signingKeysFrom } from './signingKeys'
export { clearVisitorCookie, consentCookie, readCookie, visitorCookie, visitorCookies } from './visitorCookies'
