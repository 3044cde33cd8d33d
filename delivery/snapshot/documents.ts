/**
 * The published documents the compiler reads, typed from Payload's generated
 * types (collections/payload-types.ts, through `DataFromCollectionSlug`). They
 * are read with locale "all" and depth 0: a localized field holds one value
 * per locale, and a relation is an id.
 */
import type { DataFromCollectionSlug } from 'payload'

import type { Locale } from '../../engine'

type Doc<S extends 'blocks' | 'pages' | 'segments' | 'media' | 'stores' | 'consent-purposes'> = DataFromCollectionSlug<S>

/** A localized field read with locale "all". */
export type PerLocale<T> = Partial<Record<Locale, T | null>> | null | undefined
/** `T` with fields `K` localized. */
type Localized<T, K extends keyof T> = Omit<T, K> & { [P in K]?: PerLocale<NonNullable<T[P]>> }
/** At depth 0 a relation is its id (a populated document is accepted too). */
type Relation = number | string | { id: number | string } | null | undefined
/** Ids are numbers in SQL databases and strings in MongoDB. */
type Id = { id: number | string }
/** Tones are keys of a set editors can extend (collections/fields/tones.ts): the compiler takes any. */
type Tone = { tone?: string | null }

type BlockContent = NonNullable<Doc<'blocks'>['content']>

/** Block content (the default's or a variant's). */
export type ContentDoc = Localized<Pick<BlockContent, 'headline'>, 'headline'> & {
  /** Lexical editor state per locale, read defensively (see lexical.ts). */
  body?: PerLocale<unknown>
  image?: Relation
  cta?: Localized<NonNullable<BlockContent['cta']>, 'label'> | null
  offer?: Localized<NonNullable<BlockContent['offer']>, 'discount'> | null
  product?: Localized<NonNullable<BlockContent['product']>, 'name'> | null
}

type BlockVariant = NonNullable<Doc<'blocks'>['variants']>[number]
export type VariantDoc = Partial<Omit<BlockVariant, 'content' | 'audience' | 'tone'>> & Tone & { audience?: Relation[] | null; content?: ContentDoc | null }

export type BlockDoc = Id &
  Pick<Doc<'blocks'>, 'kind'> &
  Partial<Pick<Doc<'blocks'>, 'length' | 'updatedAt'>> &
  Tone & { content?: ContentDoc | null; variants?: VariantDoc[] | null }

export type SegmentDoc = Id & Pick<Doc<'segments'>, 'slug'> & Partial<Pick<Doc<'segments'>, 'priority' | 'preferredLength'>> & { preferredTone?: string | null; rules?: unknown }

export type SizeDoc = { url?: string | null; width?: number | null; height?: number | null; mimeType?: string | null }
export type MediaDoc = Id & SizeDoc & { alt?: PerLocale<string> | string | null; sizes?: Record<string, SizeDoc | null | undefined> | null }

type PageEmail = NonNullable<Doc<'pages'>['email']>
export type SubjectVariantDoc = Partial<Omit<NonNullable<PageEmail['variants']>[number], 'subject' | 'preheader' | 'audience' | 'tone'>> &
  Tone & {
  audience?: Relation[] | null
  subject?: PerLocale<string>
  preheader?: PerLocale<string>
}

export type PageDoc = Id &
  Pick<Doc<'pages'>, 'slug' | 'channel'> & {
  title?: PerLocale<string>
  slots?: { block?: Relation }[] | null
  email?:
    | (Partial<Pick<PageEmail, 'length'>> & Tone & { list?: Relation; subject?: PerLocale<string>; preheader?: PerLocale<string>; variants?: SubjectVariantDoc[] | null })
    | null
  screen?: Doc<'pages'>['screen'] | null
}

export type StoreDoc = Pick<Doc<'stores'>, 'slug' | 'name' | 'city' | 'country' | 'timezone' | 'format'> & { region?: string | null }

export type PurposeDoc = Id & Pick<Doc<'consent-purposes'>, 'slug' | 'kind'> & { paid?: boolean | null; name?: PerLocale<string>; description?: PerLocale<string> }
