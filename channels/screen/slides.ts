/**
 * What an in-store screen shows: one full-screen slide per block, in slot
 * order, with the text already in the form a screen reads it (plain text, a
 * formatted price and date, no links: nobody clicks a screen). The HTML
 * document and the PNG are both drawn from these slides, so they always agree.
 * Portable: no Node built-ins.
 */
import { type BlockKind, type Locale, type Media, type MediaRendition, plainText, type ResolvedPage } from '../../engine'
import { formatDate, formatPrice } from '../shared/format'

export type ScreenSize = { width: number; height: number }
export type ScreenOrientation = 'landscape' | 'portrait'

export type ScreenImage = {
  /** Media id: the key of the PNG renderer's `images`. */
  media: string
  alt: string
  /** The rendition to show (its URL as stored: relative to the media base or absolute). */
  rendition: MediaRendition & { name: string }
}

/** One slide's text, in reading order, ready to show. */
export type ScreenSlide = {
  kind: BlockKind
  /** Block id ('' for the title slide of a page without blocks). */
  block: string
  variant: string
  /** A small line above the title: a product's headline, when its name is the title. */
  eyebrow?: string
  /** An offer's discount, shown huge ("−20 %"). */
  discount?: string
  title?: string
  /** A product's price, formatted for the page's language. */
  price?: string
  body?: string
  code?: string
  /** "Until 30 November", in the page's language. */
  until?: string
  /** The call to action's label (the link itself means nothing on a screen). */
  cta?: string
  image?: ScreenImage
  /** Ask blocks: the question, answered on a phone through the slide's QR code. */
  question?: { id: string; text: string }
}

export const SCREEN_LABELS = {
  en: { code: 'Code', until: 'Until', price: 'Price', offline: 'Offline', slide: 'Slide', scan: 'Scan to answer on your phone' },
  fr: { code: 'Code', until: 'Jusqu’au', price: 'Prix', offline: 'Hors ligne', slide: 'Diapositive', scan: 'Scannez pour répondre sur votre téléphone' },
} as const satisfies Record<Locale, Record<string, string>>

/** Where an ask slide's QR code leads: the question on our own site, in the screen's language, with its store (nothing from the visitor). */
export function questionUrl(question: string, locale: Locale, base: string, store?: string): string {
  const url = new URL(`/answer/${encodeURIComponent(question)}`, base)
  url.searchParams.set('lang', locale)
  if (store) url.searchParams.set('store', store)
  return url.toString()
}

/** Renditions sized for screens: a 4K rendition only where a side reaches 3840 pixels. */
const SCREEN_RENDITIONS = { hd: 'screen1920', uhd: 'screen3840' } as const

export function screenOrientation({ width, height }: ScreenSize): ScreenOrientation {
  return height > width ? 'portrait' : 'landscape'
}

/** The rendition a screen of this size shows: screen3840 on 4K, else screen1920, else the other, else the original. */
export function screenRendition(media: Media, screen: ScreenSize): ScreenImage['rendition'] {
  const preferred = Math.max(screen.width, screen.height) >= 3840 ? [SCREEN_RENDITIONS.uhd, SCREEN_RENDITIONS.hd] : [SCREEN_RENDITIONS.hd, SCREEN_RENDITIONS.uhd]
  for (const name of preferred) {
    const rendition = media.sizes[name]
    if (rendition) return { name, ...rendition }
  }
  return { name: 'original', ...media.original }
}

/**
 * How large a headline can be and still fit: short lines are shown huge,
 * long ones step down so they still fit in a few lines.
 */
export type HeadlineSize = 'xl' | 'l' | 'm' | 's'
export function headlineSize(headline: string): HeadlineSize {
  const length = [...headline].length
  if (length <= 24) return 'xl'
  if (length <= 44) return 'l'
  if (length <= 72) return 'm'
  return 's'
}

/** Discounts are shown huge ("−20 %"); a longer one ("2 for 1 + free gift") steps down so it fits on its line. */
export type DiscountSize = 'l' | 'm' | 's'
export function discountSize(discount: string): DiscountSize {
  const length = [...discount].length
  if (length <= 6) return 'l'
  if (length <= 10) return 'm'
  return 's'
}

const present = (value: string | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined)

const shows = (slide: ScreenSlide): boolean => Boolean(slide.title || slide.body || slide.image || slide.cta || slide.discount || slide.code || slide.price || slide.question)

/**
 * The slides, in slot order. A block with nothing to show (an image block
 * whose image is gone) gets none; a page with no slide at all gets one with
 * its title, better than a black panel.
 */
export function screenSlides(resolved: ResolvedPage, options: ScreenSize & { defaultLocale: Locale }): ScreenSlide[] {
  const locale = resolved.page.locale
  const labels = SCREEN_LABELS[locale]
  const slides = resolved.blocks.map((block): ScreenSlide => {
    const { content, kind } = block
    const headline = present(content.headline)
    const slide: ScreenSlide = {
      kind,
      block: block.block,
      variant: block.variant?.id ?? 'default',
      title: headline,
      body: present(plainText(content.body, 'drop')),
      cta: present(content.cta?.label),
    }
    if (kind === 'offer' && content.offer) {
      const until = present(content.offer.validUntil)
      slide.discount = present(content.offer.discount)
      slide.code = present(content.offer.code)
      slide.until = until ? `${labels.until} ${formatDate(until, locale, { withYear: false })}` : undefined
    }
    if (kind === 'product' && content.product) {
      const { name, price, currency } = content.product
      // A product's name is its title; its headline becomes the line above it.
      if (present(name)) {
        slide.eyebrow = headline
        slide.title = present(name)
      }
      if (typeof price === 'number') slide.price = formatPrice(price, currency, locale)
    }
    const asked = block.questions?.[0]
    if (asked) return { kind, block: block.block, variant: 'ask', title: asked.text, question: { id: asked.id, text: asked.text } }
    const media = content.image ? resolved.media[content.image] : undefined
    if (media) {
      slide.image = { media: media.id, alt: media.alt[locale] ?? media.alt[options.defaultLocale] ?? '', rendition: screenRendition(media, options) }
    }
    return slide
  })
  const showing = slides.filter(shows)
  return showing.length > 0 ? showing : [{ kind: 'text', block: '', variant: 'default', title: present(resolved.page.title) }]
}
