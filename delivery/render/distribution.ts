/**
 * Snapshot distribution for edge renderers: the live manifest (with the
 * public keys that verify our tokens and the origin's render settings) and
 * page bundles by content hash. Only an API key with the `delivery` scope may
 * read them: a bundle holds every variant of a page, VIP offers included.
 * The manifest revalidates with If-None-Match (304 while nothing changed);
 * a bundle never changes, so it is cached as immutable, in private caches only.
 */
import type { Payload } from 'payload'

import { BUNDLE_CACHE_CONTROL, type DistributedManifest, entityTag, notModified, renderSettingsFrom } from '../../contract'
import { errorResponse } from '../http'
import { bundleByHash, liveManifest } from '../snapshot'
import { identifyCaller, publicKeySet } from '../trust'

const deliveryCaller = (payload: Payload, request: Request) => identifyCaller(payload, request, { scope: 'delivery', requireKey: true, editors: false })

function answer(request: Request, body: string, etag: string, cacheControl: string): Response {
  const headers = new Headers({ 'Cache-Control': cacheControl, ETag: etag, Vary: 'Authorization' })
  if (notModified(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers })
  headers.set('Content-Type', 'application/json; charset=utf-8')
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers })
}

/** GET /api/delivery/manifest: the live manifest, its keys and settings; 304 while all three are unchanged. */
export async function handleDeliveryManifest(payload: Payload, request: Request): Promise<Response> {
  const caller = await deliveryCaller(payload, request)
  if (!caller.ok) return caller.response
  const manifest = await liveManifest(payload)
  if (!manifest) return errorResponse(503, 'no_snapshot', 'Nothing has been published yet.')
  const distributed: DistributedManifest = { manifest, keys: publicKeySet(), settings: renderSettingsFrom(process.env) }
  const body = JSON.stringify(distributed)
  return answer(request, body, entityTag(manifest.version, body), 'private, no-cache')
}

/** GET /api/delivery/bundles/{hash}: one page bundle by its content hash, immutable. */
export async function handleDeliveryBundle(payload: Payload, request: Request, hash: string): Promise<Response> {
  const caller = await deliveryCaller(payload, request)
  if (!caller.ok) return caller.response
  if (!/^[0-9a-f]{24}$/.test(hash)) return errorResponse(400, 'invalid_bundle_hash', `“${hash.slice(0, 40)}” is not a bundle hash (24 hex digits).`, [{ path: 'hash', message: 'Expected 24 hex digits' }])
  const bundle = await bundleByHash(payload, hash)
  if (!bundle) return errorResponse(404, 'bundle_not_found', `No stored bundle has the hash ${hash}.`)
  return answer(request, JSON.stringify(bundle), `"${hash}"`, BUNDLE_CACHE_CONTROL)
}
