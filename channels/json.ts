/**
 * The render API's JSON representation of an assembled page. Portable: no
 * Node built-ins, so it runs at the edge like the engine.
 */
import { type Content, type Locale, type ResolvedPage, safeHref } from '../engine'
import { publicMedia, type PublicMedia } from './shared/media'

export type JsonContent = Omit<Content, 'image'> & { image?: PublicMedia }

export type RenderedJson = {
  page: ResolvedPage['page']
  snapshot: { version: string }
  personalized: boolean
  ignored: string[]
  blocks: {
    slot: number
    kind: string
    block: string
    variant: { id: string; label: string; tone: string; length: string; default: boolean }
    content: JsonContent
  }[]
  email?: { subject: string; preheader: string; variant: { id: string; label: string; default: boolean } }
  screen?: ResolvedPage['screen']
  trace?: ResolvedPage['trace']
}

/** Links pass the allow-list again on the way out, as in every other channel (a caller may put them in an href). */
function vettedLinks(content: Content): Content {
  const cta = content.cta && { ...content.cta, url: safeHref(content.cta.url) }
  const product = content.product && { ...content.product, url: safeHref(content.product.url) }
  if (cta?.url === content.cta?.url && product?.url === content.product?.url) return content
  return { ...content, ...(cta ? { cta } : {}), ...(product ? { product } : {}) }
}

export function renderJson(
  resolved: ResolvedPage,
  options: { ignored: string[]; mediaBase: string; defaultLocale: Locale; trace: boolean },
): RenderedJson {
  const locale = resolved.page.locale
  return {
    page: resolved.page,
    snapshot: { version: resolved.version },
    personalized: resolved.personalized,
    ignored: options.ignored,
    blocks: resolved.blocks.map((block) => {
      const { image, ...content } = vettedLinks(block.content)
      const media = image ? resolved.media[image] : undefined
      return {
        slot: block.slot,
        kind: block.kind,
        block: block.block,
        variant: block.variant
          ? { ...block.variant, default: false }
          : { id: 'default', label: 'Default content', tone: block.tone, length: block.length, default: true },
        content: media ? { ...content, image: publicMedia(media, locale, options.defaultLocale, options.mediaBase) } : content,
      }
    }),
    ...(resolved.email
      ? {
          email: {
            subject: resolved.email.subject,
            preheader: resolved.email.preheader,
            variant: resolved.email.variant
              ? { id: resolved.email.variant.id, label: resolved.email.variant.label, default: false }
              : { id: 'default', label: 'Default subject', default: true },
          },
        }
      : {}),
    ...(resolved.screen ? { screen: resolved.screen } : {}),
    ...(options.trace && resolved.trace ? { trace: resolved.trace } : {}),
  }
}
