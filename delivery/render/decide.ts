/**
 * The decision service: a request context in, a decision out, no HTTP in
 * between. The render API, the batch endpoint, the demo website and the
 * profile insight all decide here, with the same defaults, from the same live
 * snapshot and the same profile lookup.
 */
import type { Payload } from 'payload'

import { type DecisionCore, onlyOnTheSite, renderSettingsFrom, resolveDecision } from '../../contract'
import type { DeliveryManifest, PageBundle } from '../../engine'
import { withProfile, type KnownPerson, type Profile } from '../customers'
import { experimentRequestOf } from '../experiments'
import { liveBundle, liveManifest } from '../snapshot'
import type { Caller, RequestContext } from '../trust'

export { decisionContextOf } from '../../contract'

/** Time zone of decisions when the request names none (TESSERA_TIMEZONE). */
export const DEFAULT_TIMEZONE = renderSettingsFrom(process.env).timezone

export type Decision = DecisionCore<Caller> & {
  /** The profile of the person decided for, when one is known. */
  profile?: Profile
}
/** Why there is nothing to decide: the caller's answer is the HTTP layer's business. */
export type DecisionFailure = { status: 404 | 503; code: string; message: string }

type PageFound = { ok: true; manifest: DeliveryManifest; bundle: PageBundle } | { ok: false; failure: DecisionFailure }

/** The live snapshot's manifest and the bundle of one published page. */
export async function loadPage(payload: Payload, slug: string): Promise<PageFound> {
  const manifest = await liveManifest(payload)
  if (!manifest) return { ok: false, failure: { status: 503, code: 'no_snapshot', message: 'Nothing has been published yet.' } }
  const bundle = await liveBundle(payload, manifest, slug)
  if (!bundle) return { ok: false, failure: { status: 404, code: 'page_not_found', message: `No published page has the slug “${slug}”.` } }
  return { ok: true, manifest, bundle }
}

/** Decides page `slug` for a request context: the page, the person's profile, the engine. */
export async function decide(payload: Payload, slug: string, request: RequestContext): Promise<{ ok: true; decision: Decision } | { ok: false; failure: DecisionFailure }> {
  const page = await loadPage(payload, slug)
  if (!page.ok) return page
  const forChannel = onlyOnTheSite(request, request.context.channel ?? page.bundle.channel)
  return { ok: true, decision: decideFor(page.manifest, page.bundle, await withProfile(payload, forChannel)) }
}

/**
 * Decides a page already loaded, for a person already looked up (the batch
 * endpoint decides many this way). `forcedArms`: an editor's preview only
 * (experiment key → the arm to show).
 */
export function decideFor(manifest: DeliveryManifest, bundle: PageBundle, { request, profile }: KnownPerson, forcedArms?: Readonly<Record<string, string>>): Decision {
  const experiments = experimentRequestOf(request.context, profile)
  return { ...resolveDecision(manifest, bundle, request, DEFAULT_TIMEZONE, forcedArms ? { ...experiments, forced: forcedArms } : experiments), profile }
}
