/**
 * Compiles published Payload documents (read with locale "all", depth 0) into
 * snapshot parts. Pure functions: no database here (see compileSnapshot.ts
 * for the reading and writing). Only what a renderer needs survives: no
 * drafts, no editor-only names or notes, no secrets.
 */
import { CLOCK_TIME, type CompiledBlock, type CompiledCondition, type CompiledGroup, type CompiledSegment, type CompiledSubjectVariant, type CompiledVariant, type ConsentPurpose, type Content, DEFAULT_LOCALE, KIND_FIELDS, LOCALES, type LocalizedContent, type LocalizedText, type Media, type MediaRendition, type PageBundle, type RuleCondition, type RuleGroup, safeHref, SegmentRulesSchema, type Store } from '../../engine'
import type { BlockDoc, ContentDoc, MediaDoc, PageDoc, PerLocale, PurposeDoc, SegmentDoc, SizeDoc, StoreDoc, SubjectVariantDoc } from './documents'
import { compileAsk, type AskDoc } from './compileQuestions'
import { richTextFromLexical } from './lexical'

export type { BlockDoc, ContentDoc, MediaDoc, PageDoc, PurposeDoc, SegmentDoc, StoreDoc, VariantDoc } from './documents'

/** A compile that cannot proceed; the message names the document and the field. */
export class CompileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CompileError'
  }
}

const idOf = (value: unknown): string | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  if (typeof value === 'object') return idOf((value as { id?: unknown }).id)
  return String(value)
}
const epoch = (value: unknown): number | undefined => {
  if (typeof value !== 'string' || !value) return undefined
  const time = Date.parse(value)
  return Number.isNaN(time) ? undefined : time
}

// ─── Segments ──────────────────────────────────────────────────────────────

const PERSONAL_ATTRIBUTES = new Set(['trait', 'consent', 'behaviour'])
const ORDERED = new Set(['lt', 'lte', 'gt', 'gte', 'between'])
const NUMBER = /^-?\d+(\.\d+)?$/

function operand(condition: RuleCondition, value: string, allNumeric: boolean): string | number {
  if (condition.attribute === 'time' && CLOCK_TIME.test(value)) {
    const [hours, minutes] = value.split(':').map(Number)
    return hours! * 60 + minutes!
  }
  if ((condition.attribute === 'trait' && ORDERED.has(condition.operator) && allNumeric) || condition.attribute === 'behaviour') return Number(value)
  if (condition.attribute === 'country') return value.toUpperCase()
  return value.toLowerCase()
}

function compileCondition(condition: RuleCondition): CompiledCondition {
  const raw =
    condition.operator === 'exists' || condition.operator === 'not_exists'
      ? []
      : condition.operator === 'in' || condition.operator === 'not_in'
        ? condition.values
        : condition.operator === 'between'
          ? [condition.value!, condition.valueTo!]
          : [condition.value!]
  const allNumeric = raw.every((value) => NUMBER.test(value))
  return {
    attribute: condition.attribute,
    ...(condition.attribute === 'trait' ? { trait: condition.trait } : {}),
    ...(condition.attribute === 'behaviour'
      ? { series: condition.category ? `${condition.event}:${condition.category}` : condition.event, windowDays: condition.windowDays }
      : {}),
    operator: condition.operator,
    operands: raw.map((value) => operand(condition, value, allNumeric)),
  }
}

function compileGroup(group: RuleGroup & { groups?: RuleGroup[] }): CompiledGroup {
  return {
    match: group.match,
    conditions: group.conditions.map(compileCondition),
    groups: (group.groups ?? []).map(compileGroup),
  }
}

function readsVisitorData(group: CompiledGroup): boolean {
  return group.conditions.some((condition) => PERSONAL_ATTRIBUTES.has(condition.attribute)) || group.groups.some(readsVisitorData)
}

export function compileSegment(doc: SegmentDoc): CompiledSegment {
  const parsed = SegmentRulesSchema.safeParse(doc.rules ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new CompileError(`Segment “${doc.slug}”: rules.${issue?.path.join('.')}: ${issue?.message}`)
  }
  const rule = compileGroup(parsed.data)
  return {
    id: String(doc.id),
    slug: doc.slug,
    priority: doc.priority ?? 0,
    personal: readsVisitorData(rule),
    ...(doc.preferredTone ? { preferredTone: doc.preferredTone } : {}),
    ...(doc.preferredLength ? { preferredLength: doc.preferredLength } : {}),
    rule,
  }
}

/** Highest priority first; slug settles equal priorities, so the order is stable. */
export function sortSegments(segments: CompiledSegment[]): CompiledSegment[] {
  return [...segments].sort((a, b) => b.priority - a.priority || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
}

// ─── Block content ─────────────────────────────────────────────────────────

/** One text field, per locale: how to read it and where it goes. */
type LocalizedField = { read: (doc: ContentDoc) => PerLocale<unknown>; write: (content: Content, value: unknown) => void }

const hasText = (value: unknown): boolean => {
  if (value === null || value === undefined) return false
  if (typeof value === 'string') return value.trim() !== ''
  return richTextFromLexical(value).length > 0
}

const LOCALIZED_FIELDS: LocalizedField[] = [
  { read: (doc) => doc.headline, write: (content, value) => (content.headline = String(value)) },
  { read: (doc) => doc.body, write: (content, value) => (content.body = richTextFromLexical(value)) },
  { read: (doc) => doc.cta?.label, write: (content, value) => (content.cta = { ...content.cta, label: String(value) }) },
  { read: (doc) => doc.offer?.discount, write: (content, value) => (content.offer = { ...content.offer, discount: String(value) }) },
  { read: (doc) => doc.product?.name, write: (content, value) => (content.product = { ...content.product, name: String(value) }) },
]

/** Locale-independent fields: written once, the same in every language. */
function sharedContent(doc: ContentDoc, target: Content): void {
  const image = idOf(doc.image)
  if (image) target.image = image
  // Links are vetted here as in the admin (an address stored before a rule tightened is dropped, not served).
  const ctaUrl = safeHref(doc.cta?.url)
  if (ctaUrl) target.cta = { ...target.cta, url: ctaUrl }
  if (doc.offer?.code) target.offer = { ...target.offer, code: doc.offer.code }
  if (doc.offer?.validUntil) target.offer = { ...target.offer, validUntil: doc.offer.validUntil }
  if (typeof doc.product?.price === 'number') target.product = { ...target.product, price: doc.product.price }
  if (doc.product?.currency) target.product = { ...target.product, currency: doc.product.currency }
  const productUrl = safeHref(doc.product?.url)
  if (productUrl) target.product = { ...target.product, url: productUrl }
}

const clone = (content: Content): Content => ({
  ...content,
  ...(content.cta ? { cta: { ...content.cta } } : {}),
  ...(content.offer ? { offer: { ...content.offer } } : {}),
  ...(content.product ? { product: { ...content.product } } : {}),
})

/** Default content per locale; the default locale fills fields another locale lacks. */
export function compileDefaultContent(doc: ContentDoc): LocalizedContent {
  const result: LocalizedContent = {}
  for (const locale of LOCALES) {
    const content: Content = {}
    sharedContent(doc, content)
    for (const field of LOCALIZED_FIELDS) {
      const values = field.read(doc) ?? {}
      const value = hasText(values[locale]) ? values[locale] : values[DEFAULT_LOCALE]
      if (hasText(value)) field.write(content, value)
    }
    result[locale] = content
  }
  return result
}

/**
 * A variant's content per locale, merged over the default content. A locale
 * is present only when every text field the variant overrides is written in it.
 */
export function compileVariantContent(doc: ContentDoc, defaults: LocalizedContent): LocalizedContent {
  const overridden = LOCALIZED_FIELDS.filter((field) => LOCALES.some((locale) => hasText(field.read(doc)?.[locale])))
  const result: LocalizedContent = {}
  for (const locale of LOCALES) {
    if (!overridden.every((field) => hasText(field.read(doc)?.[locale]))) continue
    const content = clone(defaults[locale] ?? {})
    sharedContent(doc, content)
    for (const field of overridden) field.write(content, field.read(doc)![locale])
    result[locale] = content
  }
  return result
}

/** Keeps only the fields the block's kind uses (a kind change leaves old values behind). */
function forKind(kind: CompiledBlock['kind'], doc: ContentDoc | null | undefined): ContentDoc {
  const fields = KIND_FIELDS[kind] as readonly string[]
  return Object.fromEntries(Object.entries(doc ?? {}).filter(([key]) => fields.includes(key))) as ContentDoc
}

export function compileBlock(doc: BlockDoc): CompiledBlock {
  const content = compileDefaultContent(forKind(doc.kind, doc.content))
  const variants: CompiledVariant[] = (doc.variants ?? []).map((variant, index) => {
    const activeFrom = epoch(variant.activeFrom)
    const activeTo = epoch(variant.activeTo)
    return {
      id: variant.id ?? `${doc.id}-${index}`,
      label: variant.label ?? `Variant ${index + 1}`,
      tone: variant.tone ?? doc.tone ?? 'friendly',
      length: variant.length ?? 'medium',
      channels: [...new Set(variant.channels ?? [])].sort(),
      audience: (variant.audience ?? []).map(idOf).filter((id): id is string => Boolean(id)),
      ...(activeFrom !== undefined ? { activeFrom } : {}),
      ...(activeTo !== undefined ? { activeTo } : {}),
      content: compileVariantContent(forKind(doc.kind, variant.content), content),
    }
  })
  return {
    id: String(doc.id),
    kind: doc.kind,
    tone: doc.tone ?? 'friendly',
    length: doc.length ?? 'medium',
    content,
    variants,
    ...(doc.kind === 'ask' ? { ask: compileAsk((doc as { ask?: AskDoc }).ask) } : {}),
    updatedAt: epoch(doc.updatedAt) ?? 0,
  }
}

// ─── Media ─────────────────────────────────────────────────────────────────

const rendition = (size: SizeDoc | null | undefined): MediaRendition | undefined =>
  size?.url && size.width && size.height ? { url: size.url, width: size.width, height: size.height, mimeType: size.mimeType ?? 'application/octet-stream' } : undefined

function localizedText(value: PerLocale<string> | string | null | undefined): LocalizedText {
  if (typeof value === 'string') return { [DEFAULT_LOCALE]: value }
  const result: LocalizedText = {}
  for (const locale of LOCALES) {
    const text = value?.[locale]
    if (typeof text === 'string' && text.trim()) result[locale] = text
  }
  return result
}

export function compileMedia(doc: MediaDoc): Media {
  const original = rendition(doc)
  if (!original) throw new CompileError(`Media ${doc.id} has no file`)
  const sizes: Record<string, MediaRendition> = {}
  for (const [name, size] of Object.entries(doc.sizes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const compiled = rendition(size)
    if (compiled) sizes[name] = compiled
  }
  return { id: String(doc.id), alt: localizedText(doc.alt), original, sizes }
}

// ─── Pages ─────────────────────────────────────────────────────────────────

/** Block ids of a page's slots, in order (slots whose block is gone are skipped). */
export function slotBlockIds(doc: PageDoc): string[] {
  return (doc.slots ?? []).map((slot) => idOf(slot.block)).filter((id): id is string => Boolean(id))
}

function compileSubjectVariant(variant: SubjectVariantDoc, index: number, pageId: number | string): CompiledSubjectVariant {
  const activeFrom = epoch(variant.activeFrom)
  const activeTo = epoch(variant.activeTo)
  return {
    id: variant.id ?? `${pageId}-subject-${index}`,
    label: variant.label ?? `Subject ${index + 1}`,
    tone: variant.tone ?? 'friendly',
    length: variant.length ?? 'medium',
    audience: (variant.audience ?? []).map(idOf).filter((id): id is string => Boolean(id)),
    ...(activeFrom !== undefined ? { activeFrom } : {}),
    ...(activeTo !== undefined ? { activeTo } : {}),
    subject: localizedText(variant.subject),
    preheader: localizedText(variant.preheader),
  }
}

/**
 * The page's bundle: its slots and exactly the blocks and media they use.
 * `blocks` and `media` hold compiled documents by id; missing ones (deleted
 * or unpublished blocks) are left out of the page.
 */
export function compilePage(
  doc: PageDoc,
  blocks: ReadonlyMap<string, CompiledBlock>,
  media: ReadonlyMap<string, Media>,
  purposeSlugs: ReadonlyMap<string, string> = new Map(),
): PageBundle {
  const list = idOf(doc.email?.list)
  const slots = slotBlockIds(doc).filter((id) => blocks.has(id))
  const pageBlocks: Record<string, CompiledBlock> = {}
  const pageMedia: Record<string, Media> = {}
  for (const id of slots) {
    const block = blocks.get(id)!
    pageBlocks[id] = block
    const images = [block.content, ...block.variants.map((variant) => variant.content)].flatMap((content) =>
      Object.values(content).map((localized) => localized?.image),
    )
    for (const image of images) {
      if (image && media.has(image)) pageMedia[image] = media.get(image)!
    }
  }
  const [width, height] = (doc.screen?.resolution ?? '1920x1080').split('x').map(Number)
  return {
    slug: doc.slug,
    id: String(doc.id),
    channel: doc.channel,
    title: localizedText(doc.title),
    slots,
    blocks: pageBlocks,
    media: pageMedia,
    ...(doc.channel === 'email'
      ? {
          email: {
            subject: localizedText(doc.email?.subject),
            preheader: localizedText(doc.email?.preheader),
            tone: doc.email?.tone ?? 'friendly',
            length: doc.email?.length ?? 'medium',
            variants: (doc.email?.variants ?? []).map((variant, index) => compileSubjectVariant(variant, index, doc.id)),
            ...(list && purposeSlugs.has(list) ? { list: purposeSlugs.get(list)! } : {}),
          },
        }
      : {}),
    ...(doc.channel === 'screen'
      ? { screen: { width: width!, height: height!, orientation: doc.screen?.orientation ?? (width! >= height! ? 'landscape' : 'portrait') } }
      : {}),
  }
}

// ─── Stores ────────────────────────────────────────────────────────────────

export function compileStores(docs: StoreDoc[]): Record<string, Store> {
  const stores: Record<string, Store> = {}
  for (const doc of [...docs].sort((a, b) => (a.slug < b.slug ? -1 : 1))) {
    stores[doc.slug] = {
      name: doc.name,
      city: doc.city,
      ...(doc.region ? { region: doc.region } : {}),
      country: doc.country.toUpperCase(),
      timezone: doc.timezone,
      format: doc.format,
    }
  }
  return stores
}

// ─── Consent purposes ──────────────────────────────────────────────────────

const PURPOSE_ORDER: ConsentPurpose['kind'][] = ['necessary', 'personalization', 'analytics', 'marketing']

export function compilePurposes(docs: PurposeDoc[]): ConsentPurpose[] {
  return [...docs]
    .sort((a, b) => PURPOSE_ORDER.indexOf(a.kind) - PURPOSE_ORDER.indexOf(b.kind) || (a.slug < b.slug ? -1 : 1))
    .map((doc) => ({
      slug: doc.slug,
      kind: doc.kind,
      paid: Boolean(doc.paid),
      name: localizedText(doc.name),
      description: localizedText(doc.description),
    }))
}
