/**
 * In-store screens as the render API's contract defines them: the size a
 * screen asks for (bounded: 4K at most), the representation's name (part of
 * the ETag), and the self-refreshing HTML document with its strict policy.
 * The PNG of the same decision is drawn on the origin.
 */
import { renderScreenDocument, screenScriptHash } from '../channels/screen/html'
import { screenSlides } from '../channels/screen/slides'
import type { ResolvedPage } from '../engine'
import type { DecisionCore } from './decision'
import { errorResponse } from './errors'

type Decision = DecisionCore

/** 4K, either way round: anything bigger is refused. */
export const MAX_SCREEN_PIXELS = 3840 * 2160
export const MAX_SCREEN_SIDE = 3840
const MIN_SIDE = 240

export type ScreenParams = { width: number; height: number; refreshSeconds: number; slideSeconds: number; slide: number }

function integer(value: string | null): number | undefined {
  if (value === null || value === '') return undefined
  return /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN
}

/** The screen's size and timing from the query (else the page's resolution), or a clear 4xx. */
export function screenParams(url: URL, decision: Decision): { ok: true; value: ScreenParams } | { ok: false; response: Response } {
  const query = url.searchParams
  const page = decision.bundle.screen ?? { width: 1920, height: 1080 }
  const width = integer(query.get('width')) ?? page.width
  const height = integer(query.get('height')) ?? page.height
  const refreshSeconds = integer(query.get('refresh')) ?? 30
  const slideSeconds = integer(query.get('slideSeconds')) ?? 8
  const slide = integer(query.get('slide')) ?? 0
  const issues: { path: string; message: string }[] = []
  for (const [name, value] of [['width', width], ['height', height]] as const) {
    if (Number.isNaN(value) || value < MIN_SIDE) issues.push({ path: name, message: `A whole number of pixels, at least ${MIN_SIDE}` })
  }
  if (Number.isNaN(refreshSeconds) || refreshSeconds < 5 || refreshSeconds > 3600) issues.push({ path: 'refresh', message: 'Seconds between 5 and 3600' })
  if (Number.isNaN(slideSeconds) || slideSeconds < 3 || slideSeconds > 600) issues.push({ path: 'slideSeconds', message: 'Seconds between 3 and 600' })
  if (Number.isNaN(slide)) issues.push({ path: 'slide', message: 'A slide number from 0' })
  if (issues.length > 0) return { ok: false, response: errorResponse(400, 'invalid_screen', `Invalid screen parameters: ${issues[0]!.path}: ${issues[0]!.message}`, issues) }
  if (width > MAX_SCREEN_SIDE || height > MAX_SCREEN_SIDE || width * height > MAX_SCREEN_PIXELS) {
    return {
      ok: false,
      response: errorResponse(413, 'screen_too_large', `${width}×${height} is larger than 4K; screens render up to 3840×2160 (or 2160×3840).`, [
        { path: width > height ? 'width' : 'height', message: 'At most 3840 × 2160 pixels' },
      ]),
    }
  }
  return { ok: true, value: { width, height, refreshSeconds, slideSeconds, slide } }
}

/**
 * The representation's name, part of the ETag and of the PNG cache key. The
 * document depends on its size and timing; a PNG only on its size and the
 * slide it draws (wrapped around the page's slides, so that `slide=7` and
 * `slide=1` of a three-slide page are one image, not two cache entries).
 */
export function screenRepresentation(format: 'html' | 'png', params: ScreenParams, decision: Decision): string {
  const size = `${params.width}x${params.height}`
  if (format === 'html') return `screen-html|${size}|${params.refreshSeconds}|${params.slideSeconds}`
  const slides = screenSlides(decision.resolved, { width: params.width, height: params.height, defaultLocale: decision.manifest.defaultLocale }).length
  return `screen-png|${size}|${params.slide % Math.max(1, slides)}`
}

/** `updatesUrl`: the origin's update stream (server-sent events); a renderer without one leaves it out and the screen polls. */
export function screenDocument(resolved: ResolvedPage, decision: Decision, params: ScreenParams, base: string, etag: string, updatesUrl?: string): string {
  return renderScreenDocument(resolved, {
    mediaBase: base,
    ...(decision.request.context.store ? { store: decision.request.context.store } : {}),
    defaultLocale: decision.manifest.defaultLocale,
    width: params.width,
    height: params.height,
    refreshSeconds: params.refreshSeconds,
    slideSeconds: params.slideSeconds,
    etag,
    updatesUrl,
  })
}

/** A strict policy for the screen document: its own inline script, our media, nothing else. */
export async function screenContentSecurityPolicy(base: string): Promise<string> {
  const origin = new URL(base).origin
  return [
    "default-src 'none'",
    `img-src ${origin} data:`,
    "style-src 'unsafe-inline'",
    `script-src ${await screenScriptHash()}`,
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}
