/**
 * The delivery snapshot: everything the engine needs to decide, compiled at
 * publish time from published content. Plain JSON, immutable, versioned by a
 * content hash. Sharded: a small manifest (version, segments, page index) and
 * one bundle per page holding exactly the blocks that page uses.
 *
 * Text is stored per locale, as written (no fallback applied): the engine
 * knows which locales a variant is available in, and falls back itself.
 */
import { z } from 'zod'

import { BLOCK_KINDS, CHANNELS, LENGTHS, LOCALES, STORE_FORMATS } from './axes'
import { CompiledScoreSchema } from './interestScores'
import { CompiledAskSchema, CompiledQuestionSchema } from './questionSchema'
import { ScopedExperimentSchema } from './experimentDecision'
import { MATCH_MODES, RULE_ATTRIBUTES, RULE_OPERATORS } from './segmentRules'

const Locale = z.enum(LOCALES)
const Channel = z.enum(CHANNELS)
const Length = z.enum(LENGTHS)

/** A value per locale; a missing locale means "not written in that language". */
export const LocalizedTextSchema = z.partialRecord(Locale, z.string())
export type LocalizedText = z.infer<typeof LocalizedTextSchema>

// ─── Rich text: a small, safe AST (no HTML anywhere) ───────────────────────

export const TEXT_FORMATS = ['bold', 'italic', 'underline', 'strikethrough', 'code'] as const
export type RichMark = (typeof TEXT_FORMATS)[number]

export type RichInline =
  | { type: 'text'; text: string; marks?: RichMark[] }
  | { type: 'link'; href: string; newTab?: boolean; children: RichInline[] }
  | { type: 'break' }

export type RichBlockNode =
  | { type: 'paragraph'; children: RichInline[] }
  | { type: 'heading'; level: 2 | 3 | 4; children: RichInline[] }
  | { type: 'quote'; children: RichInline[] }
  | { type: 'list'; ordered: boolean; items: RichInline[][] }

export const RichInlineSchema: z.ZodType<RichInline> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string(), marks: z.array(z.enum(TEXT_FORMATS)).optional() }),
    z.object({ type: z.literal('link'), href: z.string(), newTab: z.boolean().optional(), children: z.array(RichInlineSchema) }),
    z.object({ type: z.literal('break') }),
  ]),
)

export const RichBlockSchema: z.ZodType<RichBlockNode> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), children: z.array(RichInlineSchema) }),
  z.object({ type: z.literal('heading'), level: z.union([z.literal(2), z.literal(3), z.literal(4)]), children: z.array(RichInlineSchema) }),
  z.object({ type: z.literal('quote'), children: z.array(RichInlineSchema) }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(RichInlineSchema)) }),
])

export const RichTextSchema = z.array(RichBlockSchema)
export type RichText = z.infer<typeof RichTextSchema>

// ─── Media ──────────────────────────────────────────────────────────────────

export const MediaRenditionSchema = z.object({
  url: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  mimeType: z.string(),
})
export type MediaRendition = z.infer<typeof MediaRenditionSchema>

export const MediaSchema = z.object({
  id: z.string(),
  alt: LocalizedTextSchema,
  /** The original upload. */
  original: MediaRenditionSchema,
  /** Named renditions (web640, web640avif, email600, screen1920, …). */
  sizes: z.record(z.string(), MediaRenditionSchema),
})
export type Media = z.infer<typeof MediaSchema>

// ─── Block content ─────────────────────────────────────────────────────────

/** The content of one block in one locale. Every field is optional. */
export const ContentSchema = z.object({
  headline: z.string().optional(),
  body: RichTextSchema.optional(),
  /** Media id, resolved through the bundle's media table. */
  image: z.string().optional(),
  cta: z.object({ label: z.string().optional(), url: z.string().optional() }).optional(),
  offer: z.object({ code: z.string().optional(), discount: z.string().optional(), validUntil: z.string().optional() }).optional(),
  product: z
    .object({ name: z.string().optional(), price: z.number().optional(), currency: z.string().optional(), url: z.string().optional() })
    .optional(),
})
export type Content = z.infer<typeof ContentSchema>

/** Content per locale, as written (locales without any text are absent). */
export const LocalizedContentSchema = z.partialRecord(Locale, ContentSchema)
export type LocalizedContent = z.infer<typeof LocalizedContentSchema>

export const CompiledVariantSchema = z.object({
  id: z.string(),
  label: z.string(),
  tone: z.string(),
  length: Length,
  /** Empty: every channel. */
  channels: z.array(Channel),
  /** Segment ids; empty: everyone. */
  audience: z.array(z.string()),
  /** Epoch milliseconds, inclusive. */
  activeFrom: z.number().optional(),
  /** Epoch milliseconds, exclusive. */
  activeTo: z.number().optional(),
  /**
   * The variant's own content per locale, merged over the default content of
   * that locale (then of the default locale). Present only for locales in
   * which the variant is available: every text field it overrides is written
   * in that locale.
   */
  content: LocalizedContentSchema,
})
export type CompiledVariant = z.infer<typeof CompiledVariantSchema>

export const CompiledBlockSchema = z.object({
  id: z.string(),
  kind: z.enum(BLOCK_KINDS),
  tone: z.string(),
  length: Length,
  /** Default content per locale, with the default locale filling gaps. */
  content: LocalizedContentSchema,
  variants: z.array(CompiledVariantSchema),
  /** Ask blocks: how many questions at most, and which (engine/questions.ts). */
  ask: CompiledAskSchema.optional(),
  /** When the published block was last changed (epoch ms), for incremental compiles. */
  updatedAt: z.number(),
})
export type CompiledBlock = z.infer<typeof CompiledBlockSchema>

// ─── Segments ──────────────────────────────────────────────────────────────

/**
 * A condition ready to evaluate: operands parsed once at compile time.
 * Text is lower-cased (comparisons are case-insensitive); numbers are numbers;
 * dates are YYYY-MM-DD strings (they order as text); clock times are minutes
 * since midnight.
 */
export const CompiledConditionSchema = z.object({
  attribute: z.enum(RULE_ATTRIBUTES),
  trait: z.string().optional(),
  /** Behaviour conditions: the series counted (`page_view` or `page_view:shoes`) and over how many days. */
  series: z.string().optional(),
  windowDays: z.number().int().optional(),
  operator: z.enum(RULE_OPERATORS),
  operands: z.array(z.union([z.string(), z.number()])),
})
export type CompiledCondition = z.infer<typeof CompiledConditionSchema>

export type CompiledGroup = {
  match: (typeof MATCH_MODES)[number]
  conditions: CompiledCondition[]
  groups: CompiledGroup[]
}
export const CompiledGroupSchema: z.ZodType<CompiledGroup> = z.lazy(() =>
  z.object({ match: z.enum(MATCH_MODES), conditions: z.array(CompiledConditionSchema), groups: z.array(CompiledGroupSchema) }),
)

export const CompiledSegmentSchema = z.object({
  id: z.string(),
  slug: z.string(),
  priority: z.number(),
  /** True when the rules read visitor data (traits, consents): needs personalization consent. */
  personal: z.boolean(),
  preferredTone: z.string().optional(),
  preferredLength: Length.optional(),
  rule: CompiledGroupSchema,
})
export type CompiledSegment = z.infer<typeof CompiledSegmentSchema>

// ─── Pages ─────────────────────────────────────────────────────────────────

export const CompiledSubjectVariantSchema = z.object({
  id: z.string(),
  label: z.string(),
  tone: z.string(),
  length: Length,
  audience: z.array(z.string()),
  activeFrom: z.number().optional(),
  activeTo: z.number().optional(),
  subject: LocalizedTextSchema,
  preheader: LocalizedTextSchema,
})
export type CompiledSubjectVariant = z.infer<typeof CompiledSubjectVariantSchema>

export const PageBundleSchema = z.object({
  slug: z.string(),
  id: z.string(),
  channel: Channel,
  title: LocalizedTextSchema,
  /** Block ids in slot order. */
  slots: z.array(z.string()),
  blocks: z.record(z.string(), CompiledBlockSchema),
  media: z.record(z.string(), MediaSchema),
  email: z
    .object({
      subject: LocalizedTextSchema,
      preheader: LocalizedTextSchema,
      tone: z.string(),
      length: Length,
      variants: z.array(CompiledSubjectVariantSchema),
      /** The mailing list (a marketing consent purpose) this email goes to; absent for transactional email. */
      list: z.string().optional(),
    })
    .optional(),
  screen: z.object({ width: z.number().int(), height: z.number().int(), orientation: z.enum(['landscape', 'portrait']) }).optional(),
})
export type PageBundle = z.infer<typeof PageBundleSchema>

export const ManifestPageSchema = z.object({
  /** Content hash of the page's bundle. */
  bundle: z.string(),
  channel: Channel,
})

export const StoreSchema = z.object({
  name: z.string(),
  city: z.string(),
  region: z.string().optional(),
  country: z.string(),
  timezone: z.string(),
  format: z.enum(STORE_FORMATS),
})
export type Store = z.infer<typeof StoreSchema>

export const ConsentPurposeSchema = z.object({
  slug: z.string(),
  kind: z.enum(['necessary', 'personalization', 'analytics', 'marketing']),
  paid: z.boolean(),
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
})
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>

export const DeliveryManifestSchema = z.object({
  /** Content hash of everything below: same content, same version. */
  version: z.string(),
  /** The compiler's own version: blocks compiled by another one are never reused. */
  compiler: z.number().int(),
  compiledAt: z.string(),
  defaultLocale: Locale,
  locales: z.array(Locale),
  /** Sorted by priority (highest first), then slug. */
  segments: z.array(CompiledSegmentSchema),
  pages: z.record(z.string(), ManifestPageSchema),
  /** Stores by id: a request naming one decides with its city, time zone and format. */
  stores: z.record(z.string(), StoreSchema),
  /** What visitors can consent to, in display order; marketing purposes are mailing lists. */
  purposes: z.array(ConsentPurposeSchema),
  /** Progressive profiling and survey questions (engine/questions.ts). */
  questions: z.array(CompiledQuestionSchema).optional(),
  /** Interest score definitions (engine/interestScores.ts). */
  scores: z.array(CompiledScoreSchema).optional(),
  /** Running, paused and shipped experiments, each with its scope (engine/experimentDecision.ts). */
  experiments: z.array(ScopedExperimentSchema).optional(),
  /** Share of people (0–100) in no experiment at all. */
  holdoutPercent: z.number().min(0).max(100).optional(),
})
export type DeliveryManifest = z.infer<typeof DeliveryManifestSchema>
