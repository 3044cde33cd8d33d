/**
 * Personalization tokens (`{{firstName}}`, `{{store|our store}}`…) outside
 * email: the web page, the JSON and the screens fill them straight away, with
 * the same grammar and the same tidy disappearance of missing values as the
 * email templates (this reuses their implementation).
 */
import type { Content, Locale, ResolvedPage, RichInline, RichText } from '../../engine'
import { intlLocale } from './format'
import { fillTemplate, splitTemplate, type PlaceholderValues } from './template'
import { PlaceholderSet } from './placeholders'

export type TokenValues = { firstName?: string; lastName?: string; store?: string; offerCode?: string }

const HAS_TOKEN = /\{\{/

export function fillTokens(text: string, values: TokenValues, locale: Locale): string {
  if (!HAS_TOKEN.test(text)) return text
  const placeholders = new PlaceholderSet()
  const marked = placeholders.mark(text)
  return fillTemplate(splitTemplate(marked, 'line', placeholders.placeholders, intlLocale(locale)), values as PlaceholderValues)
}

function fillInlines(nodes: RichInline[], fill: (text: string) => string): RichInline[] {
  return nodes.map((node) =>
    node.type === 'text' ? { ...node, text: fill(node.text) } : node.type === 'link' ? { ...node, children: fillInlines(node.children, fill) } : node,
  )
}

function fillRichText(richText: RichText, fill: (text: string) => string): RichText {
  return richText.map((node) =>
    node.type === 'list' ? { ...node, items: node.items.map((item) => fillInlines(item, fill)) } : { ...node, children: fillInlines(node.children, fill) },
  )
}

function fillContent(content: Content, fill: (text: string) => string): Content {
  return {
    ...content,
    ...(content.headline !== undefined ? { headline: fill(content.headline) } : {}),
    ...(content.body ? { body: fillRichText(content.body, fill) } : {}),
    ...(content.cta?.label !== undefined ? { cta: { ...content.cta, label: fill(content.cta.label) } } : {}),
    ...(content.offer?.discount !== undefined ? { offer: { ...content.offer, discount: fill(content.offer.discount) } } : {}),
    ...(content.product?.name !== undefined ? { product: { ...content.product, name: fill(content.product.name) } } : {}),
  }
}

const tokenFree = new WeakMap<Content, boolean>()

/** Whether content (immutable snapshot data) holds a token; remembered per content object. */
function hasTokens(content: Content): boolean {
  let free = tokenFree.get(content)
  if (free === undefined) {
    free = !JSON.stringify(content).includes('{{')
    tokenFree.set(content, free)
  }
  return !free
}

/** The page with every token filled (only copies what contains a token). */
export function personalizePage(resolved: ResolvedPage, values: TokenValues): ResolvedPage {
  const locale = resolved.page.locale
  const fill = (text: string) => fillTokens(text, values, locale)
  return {
    ...resolved,
    page: { ...resolved.page, title: fill(resolved.page.title) },
    blocks: resolved.blocks.map((block) => (hasTokens(block.content) ? { ...block, content: fillContent(block.content, fill) } : block)),
    ...(resolved.email ? { email: { ...resolved.email, subject: fill(resolved.email.subject), preheader: fill(resolved.email.preheader) } } : {}),
  }
}
