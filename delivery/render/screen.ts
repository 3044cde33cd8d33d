/**
 * In-store screens as PNGs (the size, the document and the ETag's
 * representation are the contract's, shared with the edge). PNGs are
 * cached by snapshot version, decision, size and slide; their images are read
 * from our own media folder, never fetched.
 */
import type { Payload } from 'payload'

import { decisionShape, screenRepresentation, type ScreenParams } from '../../contract'
import { imageDataUrl, renderScreenPng, screenPngImages } from '../../channels/screen/png'
import type { ResolvedPage } from '../../engine'
import { boundedMemory, processWide } from '../http'
import type { Decision } from './decide'
import { readMediaFile, uploadDirectory } from './mediaFiles'

/** Bound: 200 PNGs per process (a 4K PNG is a few MB), least recently used dropped first. */
const pngCache = processWide('screenPngCache', () => boundedMemory<string, Promise<Uint8Array>>(200))

/** Everything that shapes the pixels: the decision, its filled-in tokens, the size and the slide, and where an ask slide's QR code leads (origin, store). */
const pngKey = (decision: Decision, params: ScreenParams, base: string) =>
  `${decision.manifest.version}|${decisionShape(decision)}|${screenRepresentation('png', params, decision)}|${base}|${decision.request.context.store ?? ''}`

/** Whether this PNG is in memory (or being rendered): serving it costs no render. */
export function isScreenPngCached(decision: Decision, params: ScreenParams, base: string): boolean {
  return pngCache.has(pngKey(decision, params, base))
}

/** The PNG of this decision at this size, rendered once and then served from memory (unless `remember` is false: a preview); `base` is the site's public origin (an ask slide's QR code). */
export function screenPng(payload: Payload, resolved: ResolvedPage, decision: Decision, params: ScreenParams, base: string, remember = true): Promise<Uint8Array> {
  const key = pngKey(decision, params, base)
  const cached = remember ? pngCache.get(key) : undefined
  if (cached) return cached
  const rendering = (async () => {
    const options = { width: params.width, height: params.height, defaultLocale: decision.manifest.defaultLocale, slide: params.slide }
    const images: Record<string, string> = {}
    for (const image of screenPngImages(resolved, options)) {
      const mime = image.rendition.mimeType
      if (mime !== 'image/jpeg' && mime !== 'image/png' && mime !== 'image/gif') continue
      const bytes = await readMediaFile(uploadDirectory(payload), image.rendition.url)
      if (bytes) images[image.media] = imageDataUrl(bytes, mime)
    }
    const store = decision.request.context.store
    return renderScreenPng(resolved, { ...options, images, answerBase: base, ...(store ? { store } : {}) })
  })()
  // A preview's PNG (a draft's, a form's) is never remembered: its key names the live decision.
  if (!remember) return rendering
  rendering.catch(() => pngCache.delete(key))
  pngCache.set(key, rendering)
  return rendering
}
