/**
 * GET /api/pages/preview: an editor's "preview as…". The same trust rules,
 * decision and renderers as the render API, with three differences: only an
 * editor's admin session may ask; it may decide a page's latest drafts (a
 * bundle compiled in memory for this request, never stored, never served);
 * and it may decide one block alone, on the channel asked. The context says
 * `preview`, so nothing downstream counts it as an exposure.
 */
import type { Payload } from 'payload'

import { renderFormatOf } from '../../contract'
import { CHANNELS, type Channel, type PageBundle } from '../../engine'
import { withProfile } from '../customers'
import { errorResponse } from '../http'
import { draftBundle, liveBundle, liveManifest } from '../snapshot'
import { readRenderRequest, type CallerLimits } from '../trust'
import { decideFor } from './decide'
import { renderDecision } from './renderRequest'

const PREVIEW_LIMITS: CallerLimits = { trusted: 'keyRender', public: 'publicRender' }

/** A block alone, as the only slot of a page that shows it on `channel` (else of any page that shows it). */
async function blockBundle(payload: Payload, blockId: string, channel: Channel | undefined): Promise<PageBundle | undefined> {
  const manifest = await liveManifest(payload)
  if (!manifest) return undefined
  let found: PageBundle | undefined
  for (const slug of Object.keys(manifest.pages)) {
    const bundle = await liveBundle(payload, manifest, slug)
    if (!bundle?.blocks[blockId]) continue
    if (!found || (channel && bundle.channel === channel && found.channel !== channel)) found = bundle
  }
  if (!found) return undefined
  const asked = channel && (CHANNELS as readonly string[]).includes(channel) ? channel : found.channel
  return { ...found, channel: asked, slots: [blockId], email: asked === 'email' ? found.email : undefined, screen: asked === 'screen' ? found.screen : undefined }
}

export async function handlePreviewRequest(payload: Payload, request: Request): Promise<Response> {
  const url = new URL(request.url)
  url.searchParams.set('preview', '1')
  const asPreview = new Request(url, { headers: request.headers })
  const read = await readRenderRequest(payload, asPreview, PREVIEW_LIMITS)
  if (!read.ok) return read.response
  if (read.value.caller.kind !== 'editor') return errorResponse(403, 'preview_for_editors', 'Previews are for editors signed in to the admin; other callers use the render API.')

  const manifest = await liveManifest(payload)
  if (!manifest) return errorResponse(503, 'no_snapshot', 'Nothing has been published yet.')
  const draft = url.searchParams.get('draft')
  const block = url.searchParams.get('block')
  const slug = url.searchParams.get('page')
  let bundle: PageBundle | undefined
  if (draft) bundle = await draftBundle(payload, draft)
  else if (block) bundle = await blockBundle(payload, block, read.value.context.channel)
  else if (slug) bundle = await liveBundle(payload, manifest, slug)
  else return errorResponse(400, 'invalid_preview', 'Name what to preview: page, block or draft.', [{ path: 'page', message: 'Expected page, block or draft' }])
  if (!bundle) return errorResponse(404, 'not_found', draft ? 'No such page.' : block ? 'This block is on no published page.' : `No published page has the slug “${slug}”.`)

  const asked = renderFormatOf(url)
  if (!asked.ok) return asked.response
  const decision = decideFor(manifest, bundle, await withProfile(payload, read.value))
  const response = await renderDecision(payload, asPreview, decision, asked.format)
  // A preview is one editor's view of one moment: never stored anywhere.
  response.headers.set('Cache-Control', 'private, no-store')
  return response
}
