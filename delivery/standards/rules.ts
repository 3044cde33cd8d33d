/**
 * Experience standards as data: each names a rule, the channel and block kind
 * it applies to, its thresholds, and whether it blocks a publish or only
 * warns. A check returns a finding (a message code and its parameters) that
 * the admin says in the editor's language.
 */
import { z } from 'zod'

import { BLOCK_KINDS, CHANNELS, type BlockKind, type Channel } from '../../engine'

export const STANDARD_RULES = ['headlineLength', 'subjectLength', 'preheaderLength', 'imageResolution', 'offerCta', 'toneWords', 'emailSize'] as const
export type StandardRule = (typeof STANDARD_RULES)[number]

export const STANDARD_LEVELS = ['blocking', 'warning'] as const
export type StandardLevel = (typeof STANDARD_LEVELS)[number]

/** Gmail clips a message whose HTML exceeds 102 KB (102 × 1024 bytes). */
export const GMAIL_CLIP_BYTES = 102 * 1024

export const StandardSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  name: z.string(),
  rule: z.enum(STANDARD_RULES),
  level: z.enum(STANDARD_LEVELS),
  channel: z.enum(CHANNELS).nullish(),
  kind: z.enum(BLOCK_KINDS).nullish(),
  tone: z.string().nullish(),
  words: z.array(z.string()).nullish(),
  min: z.number().nullish(),
  max: z.number().nullish(),
  minWidth: z.number().nullish(),
  minHeight: z.number().nullish(),
})
export type Standard = z.infer<typeof StandardSchema>

/** The field of a piece of content a standard reads. */
export type CheckedField = 'headline' | 'body' | 'image' | 'ctaLabel' | 'subject' | 'preheader' | 'emailHtml'

/** What a check sees: one field of one piece of content, and where that content is shown. */
export type CheckedContent = {
  field: CheckedField
  /** Text (a headline, a subject; rich text as plain text), or bytes for emailHtml. */
  text?: string
  bytes?: number
  image?: { width?: number | null; height?: number | null } | null
  /** The channels this content is shown on. */
  channels: readonly Channel[]
  kind?: BlockKind
  tone?: string | null
  /** The whole default content has a call to action (label and link). */
  hasCta?: boolean
}

export type Finding = { code: StandardRule; params: Record<string, string | number> }

const FIELDS_OF: Record<StandardRule, readonly CheckedField[]> = {
  headlineLength: ['headline'],
  subjectLength: ['subject'],
  preheaderLength: ['preheader'],
  imageResolution: ['image'],
  offerCta: ['ctaLabel'],
  toneWords: ['headline', 'body'],
  emailSize: ['emailHtml'],
}

/** Counted as a person reads them: grapheme clusters, not UTF-16 units. */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
export const characterCount = (text: string) => [...segmenter.segment(text)].length

/** Whole words, case- and accent-insensitive ("Dépêchez-vous" matches "depechez"). */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
function forbiddenWordsIn(text: string, words: readonly string[]): string[] {
  const tokens = new Set(fold(text).split(/[^\p{L}\p{N}'’-]+/u).flatMap((token) => [token, ...token.split(/[-'’]/)]))
  return words.filter((word) => {
    const folded = fold(word.trim())
    if (!folded) return false
    return folded.includes(' ') ? fold(text).includes(folded) : tokens.has(folded)
  })
}

/** Whether `standard` speaks about this content at all. */
export function applies(standard: Standard, content: CheckedContent): boolean {
  if (!FIELDS_OF[standard.rule].includes(content.field)) return false
  if (standard.channel && !content.channels.includes(standard.channel)) return false
  if (standard.kind && content.kind && standard.kind !== content.kind) return false
  if (standard.rule === 'offerCta' && content.kind !== 'offer') return false
  if (standard.rule === 'toneWords' && standard.tone && content.tone !== standard.tone) return false
  return true
}

/** The finding of one standard on one field, or undefined when the content meets it. */
export function check(standard: Standard, content: CheckedContent): Finding | undefined {
  if (!applies(standard, content)) return undefined
  const text = content.text ?? ''
  const channel = standard.channel ?? ''
  switch (standard.rule) {
    case 'headlineLength':
    case 'subjectLength': {
      const length = characterCount(text)
      return standard.max != null && length > standard.max ? { code: standard.rule, params: { channel, max: standard.max, length } } : undefined
    }
    case 'preheaderLength': {
      if (!text.trim()) return undefined
      const length = characterCount(text)
      const min = standard.min ?? 0
      const max = standard.max ?? Number.POSITIVE_INFINITY
      return length < min || length > max ? { code: standard.rule, params: { min, max: standard.max ?? '∞', length } } : undefined
    }
    case 'imageResolution': {
      const width = content.image?.width ?? 0
      const height = content.image?.height ?? 0
      if (!content.image) return undefined
      const minWidth = standard.minWidth ?? 0
      const minHeight = standard.minHeight ?? 0
      return width < minWidth || height < minHeight ? { code: standard.rule, params: { channel, minWidth, minHeight, width, height } } : undefined
    }
    case 'offerCta':
      return content.hasCta ? undefined : { code: standard.rule, params: {} }
    case 'toneWords': {
      const found = forbiddenWordsIn(text, standard.words ?? [])
      return found.length ? { code: standard.rule, params: { tone: standard.tone ?? '', words: found.join(', ') } } : undefined
    }
    case 'emailSize': {
      const max = standard.max ?? GMAIL_CLIP_BYTES
      const bytes = content.bytes ?? 0
      return bytes > max ? { code: standard.rule, params: { kilobytes: (bytes / 1024).toFixed(1), maxKilobytes: (max / 1024).toFixed(0) } } : undefined
    }
  }
}
