/**
 * An assembled page made ready for both parts of an email: the editors' copy
 * with its tokens turned into placeholders, links made absolute (an email is
 * read far from our origin) and checked against the allow-list, the email
 * rendition of each image, prices and dates formatted for the locale.
 * Strings stay unescaped: the HTML and the text renderers each encode for
 * their own format.
 */
import { type AskedQuestion, type BlockKind, type Locale, type ResolvedPage, type RichInline, type RichText, safeHref } from '../../engine'
import { publicMedia } from '../shared/media'
import { emailLabels } from './emailLabels'
import { formatDate, formatPrice } from '../shared/format'
import type { PlaceholderSet } from '../shared/placeholders'


export type EmailOptions = {
  /** Absolute URL that media paths hang from; its origin also completes site paths such as `/collection`. */
  mediaBase: string
  defaultLocale: Locale
  /** The sender, named with its postal address in every footer (CAN-SPAM, and readers' trust). */
  brand: { name: string; postalAddress: string }
}

/** The body width every client lays out reliably; images are shown at most this wide. */
export const EMAIL_WIDTH = 600

export type EmailImage = { src: string; alt: string; width: number }
export type EmailButton = { label: string; href: string }

export type EmailBlock = {
  kind: BlockKind
  /** The first block carries the email's main heading. */
  level: 1 | 2
  headline?: string
  body?: RichText
  image?: EmailImage
  button?: EmailButton
  offer?: { code?: string; discount?: string; validUntil?: string }
  product?: { name?: string; price?: string }
  /** Ask blocks: each question with its one-click answers (or a link to answer on the site). */
  questions?: { text: string; choices: EmailButton[] }[]
}

export type EmailDocument = {
  locale: Locale
  subject: string
  preheader: string
  blocks: EmailBlock[]
  footer: { brandName: string; postalAddress: string; preferencesHref: string; unsubscribeHref: string }
}

function siteOrigin(mediaBase: string): string {
  let url: URL
  try {
    url = new URL(mediaBase)
  } catch {
    throw new TypeError(`Email: mediaBase must be an absolute http(s) URL, got "${mediaBase}"`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`Email: mediaBase must be an http(s) URL, got "${mediaBase}"`)
  return url.origin
}

export function prepareEmailDocument(resolved: ResolvedPage, options: EmailOptions, placeholders: PlaceholderSet): EmailDocument {
  const locale = resolved.page.locale
  const labels = emailLabels(locale)
  const origin = siteOrigin(options.mediaBase)
  const mark = (text: string) => placeholders.mark(text)

  /** An allowed link, absolute; tokens inside it become URL-encoded placeholders. */
  const href = (url: string | undefined): string | undefined => {
    const allowed = url ? safeHref(placeholders.mark(url, 'url')) : undefined
    if (!allowed) return undefined
    const absolute = allowed.startsWith('/') ? `${origin}${allowed}` : allowed.startsWith('#') ? `${origin}/${allowed}` : allowed
    return isOwnSite(absolute) ? withVisitQuery(absolute) : absolute
  }
  const isOwnSite = (url: string) => url === origin || url.startsWith(`${origin}/`) || url.startsWith(`${origin}?`) || url.startsWith(`${origin}#`)
  /** The recipient's signed visit token goes before any fragment; empty when the send names no one. */
  const withVisitQuery = (url: string) => {
    const [base, fragment] = url.split('#', 2) as [string, string | undefined]
    return `${base}${placeholders.link(base.includes('?') ? 'visitQueryNext' : 'visitQueryFirst')}${fragment !== undefined ? `#${fragment}` : ''}`
  }

  const inline = (nodes: readonly RichInline[]): RichInline[] =>
    nodes.map((node) => {
      if (node.type === 'text') return { ...node, text: mark(node.text) }
      if (node.type === 'link') return { ...node, href: href(node.href) ?? '', children: inline(node.children) }
      return node
    })
  const richText = (body: RichText): RichText =>
    body.map((node) => (node.type === 'list' ? { ...node, items: node.items.map(inline) } : { ...node, children: inline(node.children) }))

  const image = (mediaId: string): EmailImage | undefined => {
    const media = resolved.media[mediaId]
    if (!media) return undefined
    const available = publicMedia(media, locale, options.defaultLocale, options.mediaBase)
    // Twice the display width, for sharp images on high-density screens.
    const rendition = available.sizes.email1200 ?? available.sizes.email600 ?? available
    return { src: placeholders.mark(rendition.url, 'url'), alt: mark(available.alt), width: Math.min(EMAIL_WIDTH, rendition.width) }
  }

  const blocks = resolved.blocks.map((block, index): EmailBlock => {
    const { content, kind } = block
    const prepared: EmailBlock = { kind, level: index === 0 ? 1 : 2 }
    if (content.headline) prepared.headline = mark(content.headline)
    if (content.body && content.body.length > 0) prepared.body = richText(content.body)
    if (content.image) prepared.image = image(content.image)
    if (kind === 'offer' && content.offer) {
      const { code, discount, validUntil } = content.offer
      prepared.offer = {
        code: code ? mark(code) : undefined,
        discount: discount ? mark(discount) : undefined,
        validUntil: validUntil ? mark(labels.validUntil(formatDate(validUntil, locale))) : undefined,
      }
    }
    if (kind === 'product' && content.product) {
      const { name, price, currency } = content.product
      prepared.product = { name: name ? mark(name) : undefined, price: typeof price === 'number' ? formatPrice(price, currency, locale) : undefined }
    }
    const buttonHref = href(content.cta?.url ?? (kind === 'product' ? content.product?.url : undefined))
    const buttonLabel = content.cta?.label ?? (kind === 'product' ? labels.viewProduct : undefined)
    if (buttonHref && buttonLabel) prepared.button = { label: mark(buttonLabel), href: buttonHref }
    if (block.questions && block.questions.length > 0) {
      prepared.questions = block.questions.map((question) => ({ text: mark(question.text), choices: oneClickChoices(question, origin, placeholders, labels.yesNo, withVisitQuery) }))
      delete prepared.headline
      delete prepared.body
    }
    return prepared
  })

  return {
    locale,
    subject: mark(resolved.email?.subject ?? resolved.page.title),
    preheader: mark(resolved.email?.preheader ?? ''),
    blocks,
    footer: {
      brandName: mark(options.brand.name),
      postalAddress: mark(options.brand.postalAddress),
      preferencesHref: placeholders.link('preferencesUrl'),
      unsubscribeHref: placeholders.link('unsubscribeUrl'),
    },
  }
}

/**
 * One link per answer, each recording it with one click (the recipient's
 * signed answer token, filled per recipient); questions that need typing
 * (text, email, number, date, multiple choice) link to the site's form.
 */
function oneClickChoices(
  question: AskedQuestion,
  origin: string,
  placeholders: PlaceholderSet,
  yesNo: readonly [string, string],
  withVisitQuery: (url: string) => string,
): EmailButton[] {
  const link = (value: string) =>
    `${origin}/api/answers/email?token=${placeholders.link('answerToken')}&question=${encodeURIComponent(question.id)}&value=${encodeURIComponent(value)}`
  if (question.scale) {
    const [low, high] = question.scale
    return Array.from({ length: high - low + 1 }, (_, index) => String(low + index)).map((value) => ({ label: value, href: link(value) }))
  }
  if (question.type === 'yes_no') return [{ label: yesNo[0], href: link('yes') }, { label: yesNo[1], href: link('no') }]
  if (question.type === 'single') return question.options.map((option) => ({ label: placeholders.mark(option.label), href: link(option.value) }))
  return [{ label: placeholders.mark(question.text), href: withVisitQuery(`${origin}/answer/${encodeURIComponent(question.id)}`) }]
}
