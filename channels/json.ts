/**
 * The render API's JSON representation of an assembled page. Portable: no
 * Node built-ins, so it runs at the edge like the engine.
 */
import { z } from 'zod'

import { BLOCK_KINDS, CHANNELS, type Content, ContentSchema, LOCALES, type Locale, MediaRenditionSchema, PageBundleSchema, type ResolvedPage, safeHref } from '../engine'
import { publicMedia } from './shared/media'

/** An image as the JSON hands it out: absolute URLs, alt text in the page's language. */
export const PublicMediaSchema = z
  .object({ id: z.string(), alt: z.string(), url: z.string(), width: z.number().int(), height: z.number().int(), sizes: z.record(z.string(), MediaRenditionSchema) })
  .meta({ id: 'PublicMedia' })

export const JsonContentSchema = ContentSchema.omit({ image: true }).extend({ image: PublicMediaSchema.optional() }).meta({ id: 'BlockContent' })
export type JsonContent = z.infer<typeof JsonContentSchema>

/** The render API's JSON: the schema the OpenAPI document and the typed client are made from. */
export const RenderedJsonSchema = z
  .object({
    page: z.object({ slug: z.string(), title: z.string(), channel: z.enum(CHANNELS), locale: z.enum(LOCALES) }),
    snapshot: z.object({ version: z.string() }),
    /** The decision read visitor data: it is private to this caller. */
    personalized: z.boolean(),
    /** Inputs the request stated but was not trusted to (query names). */
    ignored: z.array(z.string()),
    blocks: z.array(
      z.object({
        slot: z.number().int(),
        kind: z.enum(BLOCK_KINDS),
        block: z.string(),
        variant: z.object({ id: z.string(), label: z.string(), tone: z.string(), length: z.string(), default: z.boolean() }),
        content: JsonContentSchema,
      }),
    ),
    email: z.object({ subject: z.string(), preheader: z.string(), variant: z.object({ id: z.string(), label: z.string(), default: z.boolean() }) }).optional(),
    screen: PageBundleSchema.shape.screen,
    /** With `debug=1` from a trusted caller: why each segment matched and each candidate was kept or dropped. */
    trace: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'RenderedPage' })
export type RenderedJson = z.infer<typeof RenderedJsonSchema>

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
