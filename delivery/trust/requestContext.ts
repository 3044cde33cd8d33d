/**
 * The origin's side of the trust boundary: who is calling (API key, editor
 * session or the public), then the shared rules of `contract/` turn the
 * request into a decision context. An edge applies the very same rules, so
 * they cannot drift; only the origin knows API keys and editor sessions.
 */
import type { Payload } from 'payload'

import {
  type ContextRules,
  readRenderContext,
  renderSettingsFrom,
  requestContext as contextOfRequest,
  type RequestContext as ContractRequestContext,
  visitorTokensVerifiedBy,
} from '../../contract'
import { identifyCaller, type Caller, type CallerLimits } from './caller'
import { publicKeySet } from './signingKeys'

export type RequestContext = ContractRequestContext<Caller>

/** Verified exactly as an edge verifies them: the contract's code, the public keys. */
const originTokens = visitorTokensVerifiedBy(publicKeySet)

/** The rules as this origin applies them: its settings (geo headers), its keys. */
export const originRules = (): ContextRules => ({ geoHeaders: renderSettingsFrom(process.env).geoHeaders, tokens: originTokens })

/** Builds the decision context of a request whose caller is known (the batch endpoint's recipients). */
export const requestContext = (request: Request, stated: Record<string, unknown>, caller: Caller, askedForDebug: boolean) =>
  contextOfRequest(request, stated, caller, askedForDebug, originRules())

/**
 * A render request as the trust rules read it: the caller (render scope), then
 * the shared rules. `limits` are the rate limits the call spends from (the
 * render API's; the demo site's pages have none).
 */
export async function readRenderRequest(
  payload: Payload,
  request: Request,
  limits?: CallerLimits,
): Promise<{ ok: true; value: RequestContext } | { ok: false; response: Response }> {
  const identified = await identifyCaller(payload, request, { scope: 'render', limits })
  if (!identified.ok) return identified
  return readRenderContext(request, identified.caller, originRules())
}
