/**
 * The pieces of content standards read, from a block or a page as Payload
 * stores it (one locale, depth 0), each with its field path: the same walk
 * serves the publish check (one field) and the report (every field).
 */
import { CHANNELS, type BlockKind, type Channel } from '../../engine'
import type { CheckedContent } from './rules'

export type LocatedContent = CheckedContent & {
  /** Payload's field path, e.g. "variants.1.content.headline". */
  path: string
  /** The variant's label, when the content is a variant's. */
  variant?: string
}

type ContentDraft = {
  headline?: string | null
  body?: unknown
  image?: unknown
  cta?: { label?: string | null; url?: string | null } | null
}
type VariantDraft = { label?: string | null; tone?: string | null; channels?: string[] | null; content?: ContentDraft | null }
export type BlockDraft = { kind?: string | null; tone?: string | null; content?: ContentDraft | null; variants?: VariantDraft[] | null }
type SubjectDraft = { label?: string | null; subject?: string | null; preheader?: string | null }
export type PageDraft = { channel?: string | null; email?: { subject?: string | null; preheader?: string | null; variants?: SubjectDraft[] | null } | null }

export type ImageSize = { width?: number | null; height?: number | null }

const idOf = (value: unknown): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : typeof value === 'object' ? idOf((value as { id?: unknown }).id) : String(value)

/** Rich text (Lexical JSON) as the words a reader sees. */
function lexicalText(value: unknown): string {
  const words: string[] = []
  const walk = (node: unknown) => {
    if (!node || typeof node !== 'object') return
    const { text, children } = node as { text?: unknown; children?: unknown[] }
    if (typeof text === 'string') words.push(text)
    if (Array.isArray(children)) children.forEach(walk)
  }
  walk((value as { root?: unknown } | null)?.root)
  return words.join(' ').replace(/\s+/g, ' ').trim()
}

export const imageIdsOf = (block: BlockDraft): string[] =>
  [block.content?.image, ...(block.variants ?? []).map((variant) => variant.content?.image)].map(idOf).filter((id): id is string => Boolean(id))

/**
 * Every checked field of a block. `served` is where the default content and
 * all-channel variants are shown: the channels of the pages that use the block.
 */
export function blockContents(block: BlockDraft, served: readonly Channel[], images: ReadonlyMap<string, ImageSize>): LocatedContent[] {
  const kind = (block.kind ?? undefined) as BlockKind | undefined
  const hasCta = Boolean(block.content?.cta?.label?.trim() && block.content?.cta?.url?.trim())
  const of = (content: ContentDraft | null | undefined, prefix: string, channels: readonly Channel[], tone: string | null | undefined, variant?: string): LocatedContent[] => {
    const shared = { channels, kind, tone, variant }
    const found: LocatedContent[] = []
    if (content?.headline) found.push({ ...shared, field: 'headline', path: `${prefix}.headline`, text: content.headline })
    const body = content?.body ? lexicalText(content.body) : ''
    if (body) found.push({ ...shared, field: 'body', path: `${prefix}.body`, text: body })
    const image = idOf(content?.image)
    if (image) found.push({ ...shared, field: 'image', path: `${prefix}.image`, image: images.get(image) ?? null })
    return found
  }
  const contents = of(block.content, 'content', served, block.tone)
  // A call to action is the default content's: variants fall back to it.
  contents.push({ field: 'ctaLabel', path: 'content.cta.label', channels: served, kind, tone: block.tone, hasCta, text: block.content?.cta?.label ?? '' })
  ;(block.variants ?? []).forEach((variant, index) => {
    const own = (variant.channels ?? []).filter((channel): channel is Channel => (CHANNELS as readonly string[]).includes(channel))
    contents.push(...of(variant.content, `variants.${index}.content`, own.length ? own : served, variant.tone ?? block.tone, variant.label ?? undefined))
  })
  return contents
}

/** Every checked field of a page: an email's subject lines and preheaders. */
export function pageContents(page: PageDraft): LocatedContent[] {
  if (page.channel !== 'email' || !page.email) return []
  const channels: Channel[] = ['email']
  const contents: LocatedContent[] = []
  const add = (draft: SubjectDraft, prefix: string, variant?: string) => {
    if (draft.subject) contents.push({ field: 'subject', path: `${prefix}.subject`, text: draft.subject, channels, variant })
    if (draft.preheader) contents.push({ field: 'preheader', path: `${prefix}.preheader`, text: draft.preheader, channels, variant })
  }
  add(page.email, 'email')
  ;(page.email.variants ?? []).forEach((variant, index) => add(variant, `email.variants.${index}`, variant.label ?? undefined))
  return contents
}
