/**
 * GET /api/pages/preview: an editor's "preview as…". The same trust rules,
 * decision and renderers as the render API, with three differences: only an
 * editor's admin session may ask; it may decide a page's latest drafts (a
 * bundle compiled in memory for this request, never stored, never served);
 * and it may decide one block alone, on the channel asked; and it may show a
 * chosen arm of an experiment (`arm=<key>:<arm>`, repeated). The context says
 * `preview`, so nothing downstream counts it as an exposure.
 */
import type { Payload } from 'payload'

import { z } from 'zod'

import { renderFormatOf } from '../../contract'
import { CHANNELS, type Channel, type DeliveryManifest, LOCALES, type PageBundle } from '../../engine'
import { withProfile } from '../customers'
import { errorResponse, readJsonBody, zodIssues } from '../http'
import { bundleOfPageSave, CompileError, compiledBlockOfForm, draftBundle, liveBundle, liveManifest } from '../snapshot'
import { readRenderRequest, type CallerLimits, type RequestContext } from '../trust'
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

/** The arms the editor picked (`arm=<experiment key>:<arm id>`), each checked against the live snapshot's experiments. */
function forcedArms(url: URL, manifest: DeliveryManifest): { ok: true; value?: Record<string, string> } | { ok: false; response: Response } {
  const picked = url.searchParams.getAll('arm').filter(Boolean)
  if (picked.length === 0) return { ok: true }
  const value: Record<string, string> = {}
  const issues: { path: string; message: string }[] = []
  for (const entry of picked) {
    const split = entry.indexOf(':')
    const key = split > 0 ? entry.slice(0, split) : ''
    const arm = split > 0 ? entry.slice(split + 1) : ''
    const experiment = manifest.experiments?.find((scoped) => scoped.experiment.key === key)?.experiment
    if (!experiment) issues.push({ path: 'arm', message: `No live experiment has the key “${key || entry}” (expected <experiment key>:<arm>)` })
    else if (!experiment.arms.some((candidate) => candidate.id === arm)) issues.push({ path: 'arm', message: `The experiment “${key}” has no arm “${arm}”: ${experiment.arms.map((candidate) => candidate.id).join(', ')}` })
    else value[key] = arm
  }
  if (issues.length > 0) return { ok: false, response: errorResponse(400, 'invalid_preview', issues[0]!.message, issues) }
  return { ok: true, value }
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

  return renderPreview(payload, asPreview, read.value, manifest, bundle)
}

async function renderPreview(payload: Payload, asPreview: Request, read: RequestContext, manifest: DeliveryManifest, bundle: PageBundle): Promise<Response> {
  const url = new URL(asPreview.url)
  const asked = renderFormatOf(url)
  if (!asked.ok) return asked.response
  const arms = forcedArms(url, manifest)
  if (!arms.ok) return arms.response
  const decision = decideFor(manifest, bundle, await withProfile(payload, read), arms.value)
  const response = await renderDecision(payload, asPreview, decision, asked.format, { remember: false })
  // A preview is one editor's view of one moment: never stored anywhere.
  response.headers.set('Cache-Control', 'private, no-store')
  return response
}

/** What the admin's live preview posts while the editor types: the form's values in one locale. */
const LiveFormSchema = z.object({
  collection: z.enum(['pages', 'blocks']),
  id: z.union([z.string().min(1).max(64), z.number().int()]),
  locale: z.enum(LOCALES),
  data: z.record(z.string(), z.unknown()),
})

/** Half a megabyte: a page or block form, with room to spare. */
const MAX_LIVE_FORM_BYTES = 512 * 1024

/**
 * POST /api/pages/workbench/live: the admin's live preview. The body is the
 * edit form as it is now (Payload's live preview sends it on every change),
 * compiled in memory over the stored drafts and decided like any preview
 * (the query carries the switchers and the format): nothing is saved,
 * stored or served.
 */
export async function handleLivePreviewRequest(payload: Payload, request: Request): Promise<Response> {
  const url = new URL(request.url)
  url.searchParams.set('preview', '1')
  if (!url.searchParams.has('format')) url.searchParams.set('format', 'html')
  const asPreview = new Request(url, { headers: request.headers })
  const read = await readRenderRequest(payload, asPreview, PREVIEW_LIMITS)
  if (!read.ok) return read.response
  if (read.value.caller.kind !== 'editor') return errorResponse(403, 'preview_for_editors', 'Previews are for editors signed in to the admin; other callers use the render API.')
  const body = await readJsonBody(request, MAX_LIVE_FORM_BYTES)
  if (!body.ok) return body.response
  const form = LiveFormSchema.safeParse(body.value)
  if (!form.success) {
    const issues = zodIssues(form.error)
    return errorResponse(400, 'invalid_live_form', `Invalid live preview form: ${issues[0]?.path}: ${issues[0]?.message}`, issues)
  }
  const manifest = await liveManifest(payload)
  if (!manifest) return errorResponse(503, 'no_snapshot', 'Nothing has been published yet.')
  const { collection, id, locale, data } = form.data
  let bundle: PageBundle | undefined
  try {
    if (collection === 'pages') bundle = await bundleOfPageSave(payload, data, locale, id, undefined, 'draft')
    else {
      const base = await blockBundle(payload, String(id), read.value.context.channel)
      if (base) bundle = { ...base, blocks: { ...base.blocks, [String(id)]: await compiledBlockOfForm(payload, data, locale, id) } }
    }
  } catch (error) {
    // Half-typed content (a variant without its tone yet): say what, and keep the last good preview.
    if (error instanceof CompileError || error instanceof z.ZodError) return errorResponse(400, 'invalid_draft', error.message)
    throw error
  }
  if (!bundle) return errorResponse(404, 'not_found', 'This block is on no published page.')
  return renderPreview(payload, asPreview, read.value, manifest, bundle)
}
