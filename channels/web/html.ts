/**
 * The web channel: an assembled page as semantic HTML. The demo site embeds
 * this markup as is, and `GET /api/render/{slug}?format=html` returns it as a
 * fragment for headless sites, so both show the same bytes. Every string is
 * escaped; rich text comes from the snapshot's AST (no HTML inside), and links
 * pass the allow-list again here.
 */
import { type Locale, type Media, type ResolvedBlock, type ResolvedPage, safeHref } from '../../engine'
import { formatDate, formatPrice } from '../shared/format'
import { escapeHtml, richTextHtml } from '../shared/html'
import { publicMedia, type PublicMedia } from '../shared/media'
import { askFormsHtml } from './askForm'

const WEB_WIDTHS = [640, 1024, 1600]

/** A responsive picture: AVIF and WebP sources by width, the original as fallback. */
export function pictureHtml(media: PublicMedia, options: { eager: boolean; sizes: string }): string {
  const srcset = (suffix: string) =>
    WEB_WIDTHS.map((width) => media.sizes[`web${width}${suffix}`])
      .filter((size): size is NonNullable<typeof size> => Boolean(size))
      .map((size) => `${escapeHtml(size.url)} ${size.width}w`)
      .join(', ')
  const avif = srcset('avif')
  const webp = srcset('')
  const fallback = media.sizes.web1024 ?? media.sizes.web640 ?? media
  const loading = options.eager ? 'loading="eager" fetchpriority="high"' : 'loading="lazy"'
  return [
    '<picture>',
    avif ? `<source type="image/avif" srcset="${avif}" sizes="${escapeHtml(options.sizes)}">` : '',
    webp ? `<source type="image/webp" srcset="${webp}" sizes="${escapeHtml(options.sizes)}">` : '',
    `<img src="${escapeHtml(fallback.url)}" alt="${escapeHtml(media.alt)}" width="${media.width}" height="${media.height}" ${loading} decoding="async">`,
    '</picture>',
  ].join('')
}

const LABELS = {
  en: { code: 'Code', until: 'Until', price: 'Price' },
  fr: { code: 'Code', until: 'Jusqu’au', price: 'Prix' },
} as const

export type WebRenderOptions = {
  mediaBase: string
  defaultLocale: Locale
  /** Ask blocks: the path answers return to (default `/`), and the store the page is shown for. */
  returnPath?: string
  store?: string
}

function blockHtml(block: ResolvedBlock, index: number, page: ResolvedPage, options: WebRenderOptions): string {
  const { content, kind } = block
  if (block.questions && block.questions.length > 0) {
    const forms = askFormsHtml(block.questions, block.slot, {
      action: '/api/answers',
      returnPath: options.returnPath ?? '/',
      page: page.page.slug,
      locale: page.page.locale,
      ...(options.store ? { store: options.store } : {}),
    })
    return `<section class="tessera-block tessera-ask" data-tessera-block="${escapeHtml(block.block)}" data-tessera-variant="ask">${forms}</section>`
  }
  const locale = page.page.locale
  const labels = LABELS[locale]
  const headingId = `tessera-${escapeHtml(page.page.slug)}-${block.slot}`
  const media: Media | undefined = content.image ? page.media[content.image] : undefined
  const image = media ? publicMedia(media, locale, options.defaultLocale, options.mediaBase) : undefined
  // The page's first block carries its main heading.
  const level = index === 0 ? 1 : 2
  const parts: string[] = []

  if (image) parts.push(`<div class="tessera-media">${pictureHtml(image, { eager: index === 0, sizes: kind === 'hero' ? '100vw' : '(min-width: 60rem) 50vw, 100vw' })}</div>`)
  const text: string[] = []
  if (content.headline) text.push(`<h${level} id="${headingId}">${escapeHtml(content.headline)}</h${level}>`)
  if (kind === 'product' && content.product?.name) {
    text.push(`<p class="tessera-product-name">${escapeHtml(content.product.name)}</p>`)
  }
  if (content.body) text.push(`<div class="tessera-body">${richTextHtml(content.body, level - 1)}</div>`)
  if (kind === 'product' && typeof content.product?.price === 'number') {
    text.push(`<p class="tessera-price"><span class="tessera-visually-hidden">${labels.price}: </span>${escapeHtml(formatPrice(content.product.price, content.product.currency, locale))}</p>`)
  }
  if (kind === 'offer' && content.offer) {
    const offer: string[] = []
    if (content.offer.discount) offer.push(`<span class="tessera-discount">${escapeHtml(content.offer.discount)}</span>`)
    if (content.offer.code) offer.push(`<span class="tessera-code">${labels.code} <strong>${escapeHtml(content.offer.code)}</strong></span>`)
    if (content.offer.validUntil) offer.push(`<span class="tessera-until">${labels.until} ${escapeHtml(formatDate(content.offer.validUntil, locale))}</span>`)
    if (offer.length > 0) text.push(`<p class="tessera-offer">${offer.join(' ')}</p>`)
  }
  const ctaHref = safeHref(content.cta?.url ?? (kind === 'product' ? content.product?.url : undefined))
  if (content.cta?.label && ctaHref) text.push(`<p><a class="tessera-cta" href="${escapeHtml(ctaHref)}">${escapeHtml(content.cta.label)}</a></p>`)
  if (text.length > 0) parts.push(`<div class="tessera-text">${text.join('')}</div>`)

  const labelled = content.headline ? ` aria-labelledby="${headingId}"` : ''
  return `<section class="tessera-block tessera-${kind}" data-tessera-block="${escapeHtml(block.block)}" data-tessera-variant="${escapeHtml(block.variant?.id ?? 'default')}"${labelled}>${parts.join('')}</section>`
}

/** The page's blocks as an HTML fragment (no <html>, <head> or <body>). */
export function renderWebFragment(page: ResolvedPage, options: WebRenderOptions): string {
  const blocks = page.blocks.map((block, index) => blockHtml(block, index, page, options)).join('')
  return `<div class="tessera-page" lang="${page.page.locale}" data-tessera-page="${escapeHtml(page.page.slug)}" data-tessera-version="${escapeHtml(page.version)}">${blocks}</div>`
}
