/**
 * The in-store screen channel as a complete HTML document: one full-screen
 * slide per block, rotating, read from across a shop. Type is sized in screen
 * units (theme.ts: a share of the viewport's shorter side), so one document
 * fills 1080p and 4K panels, landscape or portrait, alike.
 *
 * Self-contained (a screen on a shop's network loads nothing from elsewhere):
 * inline style, system fonts, one inline script (poller.ts) that rotates the
 * slides and refreshes them in place. Every string is escaped; images come
 * from the screen renditions, with their alt text. Portable: no Node built-ins.
 */
import type { Locale, ResolvedPage } from '../../engine'
import { renderSVG } from 'uqr'

import { absoluteUrl } from '../shared/media'
import { escapeHtml } from '../shared/html'
import { SCREEN_POLLER_SCRIPT, SCREEN_SLIDES_ID } from './poller'
import { discountSize, headlineSize, SCREEN_LABELS, questionUrl, screenOrientation, screenSlides, type ScreenSlide } from './slides'
import { SCREEN_COLOURS, SCREEN_SPACE, SCREEN_TYPE } from './theme'

export { SCREEN_SLIDES_ID, screenScriptHash } from './poller'

export type ScreenDocumentOptions = {
  /** Origin that relative media URLs are made absolute with. */
  mediaBase: string
  defaultLocale: Locale
  /** The panel's resolution in pixels. */
  width: number
  height: number
  /** How often the document asks its own URL whether the decision changed. */
  refreshSeconds: number
  /** How long each slide stays up. */
  slideSeconds: number
  /** This response's ETag: the poller sends it back as If-None-Match. */
  etag: string
  /** Server-sent events announcing a publish (same origin); without it the screen only polls. */
  updatesUrl?: string
  /** The store the screen is in: a question's QR code opens it on a phone with this store in the context. */
  store?: string
}

const { headline, ...type } = SCREEN_TYPE
const c = SCREEN_COLOURS
/** n screen units (theme.ts): 1vmin, 1.2vmin in portrait. */
const u = (n: number) => `calc(${n} * var(--u))`

const STYLE = `
*{box-sizing:border-box;margin:0;padding:0}
html{--u:1vmin}
.is-portrait{--u:1.2vmin}
html,body{width:100%;height:100%;overflow:hidden;background:${c.ground};color:${c.text};cursor:none}
body{font-family:Inter,"Helvetica Neue",Helvetica,Arial,"Liberation Sans",system-ui,sans-serif;font-size:${u(type.body)};line-height:1.25;-webkit-font-smoothing:antialiased;text-rendering:optimizeLegibility}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
#${SCREEN_SLIDES_ID}{position:relative;width:100vw;height:100vh}
.slide{position:absolute;inset:0;display:flex;overflow:hidden;background:${c.ground};opacity:0;visibility:hidden;transition:opacity .8s ease,visibility 0s linear .8s}
.slide.is-active{opacity:1;visibility:visible;transition:opacity .8s ease}
@media (prefers-reduced-motion:reduce){.slide,.slide.is-active{transition:none}}
.is-landscape .slide{flex-direction:row}
.is-portrait .slide{flex-direction:column}
.slide-media{position:relative;flex:0 0 50%;overflow:hidden;background:${c.media}}
.is-portrait .slide-media{flex-basis:46%}
.slide-media img{display:block;width:100%;height:100%;object-fit:cover}
.slide-text{position:relative;flex:1 1 0;min-width:0;min-height:0;display:flex;flex-direction:column;justify-content:center;align-items:flex-start;gap:${u(SCREEN_SPACE.gap)};padding:${u(SCREEN_SPACE.padding)}}
.no-image .slide-text{align-items:center;text-align:center;padding:${u(8)} ${u(10)}}
.headline{font-weight:700;line-height:1.08;letter-spacing:-.01em;overflow-wrap:anywhere}
.headline-xl{font-size:${u(headline.xl)}}.headline-l{font-size:${u(headline.l)}}.headline-m{font-size:${u(headline.m)}}.headline-s{font-size:${u(headline.s)}}
.body{font-size:${u(type.body)};color:${c.soft};white-space:pre-line;display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:5;overflow:hidden}
.eyebrow{font-size:${u(type.eyebrow)};font-weight:700;letter-spacing:.06em;text-transform:uppercase;color:${c.accent}}
.cta{display:inline-block;background:${c.accent};color:${c.ink};font-size:${u(type.cta)};font-weight:700;padding:${u(1.6)} ${u(4.4)};border-radius:999px}
.tessera-screen .slide-hero,.tessera-screen .slide-image{flex-direction:column;justify-content:flex-end}
.slide-hero .slide-media,.slide-image .slide-media{position:absolute;inset:0}
.slide-hero.has-image .slide-text,.slide-image.has-image .slide-text{flex:0 0 auto;width:100%;align-items:flex-start;text-align:left;padding:${u(SCREEN_SPACE.heroTop)} ${u(SCREEN_SPACE.padding)} ${u(SCREEN_SPACE.padding)};background:linear-gradient(to top,rgba(0,0,0,.9) 0%,rgba(0,0,0,.78) 55%,rgba(0,0,0,0) 100%)}
.slide-offer{background:${c.offer}}
.slide-offer .slide-media{background:${c.offerMedia}}
.discount{font-weight:800;line-height:.95;letter-spacing:-.03em;color:${c.accent}}
.discount-l{font-size:${u(type.discount.l)};white-space:nowrap}.discount-m{font-size:${u(type.discount.m)};white-space:nowrap}.discount-s{font-size:${u(type.discount.s)}}
.code{display:flex;align-items:center;gap:${u(2.4)};font-size:${u(type.codeLabel)}}
.code strong{font-size:${u(type.code)};letter-spacing:.08em;border:${u(0.5)} dashed ${c.accent};border-radius:${u(1.2)};padding:${u(0.8)} ${u(2.6)}}
.until{font-size:${u(type.until)};color:${c.until}}
.slide-product{background:${c.product}}
.price{font-size:${u(type.price)};font-weight:800;line-height:1;color:${c.accent};white-space:nowrap}
.slide-text-kind,.slide-cta{background:${c.calm}}
.offline{position:fixed;right:${u(2)};bottom:${u(2)};z-index:10;display:flex;align-items:center;gap:${u(1.2)};padding:${u(0.8)} ${u(2)};border-radius:999px;background:rgba(0,0,0,.72);color:#ddd;font-size:${u(type.offline)}}
.offline::before{content:"";width:${u(1.6)};height:${u(1.6)};border-radius:50%;background:${c.offline}}
.offline[hidden]{display:none}
.qr{display:flex;align-items:center;gap:${u(2.4)};margin:0;font-size:${u(type.until)}}.qr svg{width:${u(28)};height:${u(28)};background:#fff;border-radius:${u(1)}}
`

/** A QR code (uqr: SVG of our own URL, nothing from the visitor) opening the question on a phone, with the store. */
function questionCode(question: string, locale: Locale, options: ScreenDocumentOptions): string {
  const scan = escapeHtml(SCREEN_LABELS[locale].scan)
  const svg = renderSVG(questionUrl(question, locale, options.mediaBase, options.store), { border: 2 }).replace('<svg ', `<svg role="img" aria-label="${scan}" `)
  return `<figure class="qr">${svg}<figcaption>${scan}</figcaption></figure>`
}

function assertPositive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number, got ${value}`)
  return value
}

function slideHtml(slide: ScreenSlide, index: number, count: number, page: ResolvedPage, options: ScreenDocumentOptions): string {
  const labels = SCREEN_LABELS[page.page.locale]
  const parts: string[] = []
  const text: string[] = []

  if (slide.image) {
    const { rendition, alt } = slide.image
    const priority = index === 0 ? ' fetchpriority="high"' : ''
    parts.push(
      `<div class="slide-media"><img src="${escapeHtml(absoluteUrl(rendition.url, options.mediaBase))}" alt="${escapeHtml(alt)}" width="${rendition.width}" height="${rendition.height}" decoding="async"${priority}></div>`,
    )
  }

  if (slide.eyebrow) text.push(`<p class="eyebrow">${escapeHtml(slide.eyebrow)}</p>`)
  if (slide.discount) text.push(`<p class="discount discount-${discountSize(slide.discount)}">${escapeHtml(slide.discount)}</p>`)
  if (slide.title) text.push(`<h2 class="headline headline-${headlineSize(slide.title)}">${escapeHtml(slide.title)}</h2>`)
  if (slide.price) text.push(`<p class="price"><span class="visually-hidden">${labels.price}: </span>${escapeHtml(slide.price)}</p>`)
  if (slide.body) text.push(`<p class="body">${escapeHtml(slide.body)}</p>`)
  if (slide.code) text.push(`<p class="code">${labels.code} <strong>${escapeHtml(slide.code)}</strong></p>`)
  if (slide.until) text.push(`<p class="until">${escapeHtml(slide.until)}</p>`)
  if (slide.cta) text.push(`<p class="cta">${escapeHtml(slide.cta)}</p>`)
  if (slide.question) text.push(questionCode(slide.question.id, page.page.locale, options))
  if (text.length > 0) parts.push(`<div class="slide-text">${text.join('')}</div>`)

  const kindClass = slide.kind === 'text' ? 'slide-text-kind' : `slide-${slide.kind}`
  const classes = ['slide', kindClass, slide.image ? 'has-image' : 'no-image', index === 0 ? 'is-active' : ''].filter(Boolean).join(' ')
  return (
    `<section class="${classes}" data-slide data-tessera-block="${escapeHtml(slide.block)}" data-tessera-variant="${escapeHtml(slide.variant)}"` +
    ` aria-roledescription="slide" aria-label="${labels.slide} ${index + 1} / ${count}" aria-hidden="${index === 0 ? 'false' : 'true'}">${parts.join('')}</section>`
  )
}

/** A complete HTML document for one screen; see ScreenDocumentOptions. */
export function renderScreenDocument(resolved: ResolvedPage, options: ScreenDocumentOptions): string {
  const width = Math.round(assertPositive('width', options.width))
  const height = Math.round(assertPositive('height', options.height))
  const refreshSeconds = assertPositive('refreshSeconds', options.refreshSeconds)
  const slideSeconds = assertPositive('slideSeconds', options.slideSeconds)
  const { locale, title, slug } = resolved.page

  const slides = screenSlides(resolved, { width, height, defaultLocale: options.defaultLocale })
  const slidesHtml = slides.map((slide, index) => slideHtml(slide, index, slides.length, resolved, options)).join('')

  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(locale)}" class="tessera-screen is-${screenOrientation({ width, height })}" data-width="${width}" data-height="${height}"` +
      ` data-refresh-seconds="${refreshSeconds}" data-slide-seconds="${slideSeconds}" data-etag="${escapeHtml(options.etag)}"` +
      `${options.updatesUrl ? ` data-updates="${escapeHtml(options.updatesUrl)}"` : ''}>`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    '<meta name="color-scheme" content="dark">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1 class="visually-hidden">${escapeHtml(title)}</h1>`,
    `<main id="${SCREEN_SLIDES_ID}" data-tessera-page="${escapeHtml(slug)}" data-tessera-version="${escapeHtml(resolved.version)}">${slidesHtml}</main>`,
    `<p id="tessera-offline" class="offline" role="status" hidden>${SCREEN_LABELS[locale].offline}</p>`,
    `<script>${SCREEN_POLLER_SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n')
}
