/**
 * The axes along which a block's content varies, and the fixed vocabularies
 * that decisions are made in. Tones are an open set (configured in
 * collections/fields/tones.ts); everything else here is closed.
 */
export const CHANNELS = ['web', 'email', 'screen'] as const
export type Channel = (typeof CHANNELS)[number]

export const LENGTHS = ['short', 'medium', 'long'] as const
export type Length = (typeof LENGTHS)[number]

export const LOCALES = ['en', 'fr'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'en'

export const DAYPARTS = ['morning', 'afternoon', 'evening', 'night'] as const
export type Daypart = (typeof DAYPARTS)[number]

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export const DEVICES = ['mobile', 'tablet', 'desktop', 'screen'] as const
export type Device = (typeof DEVICES)[number]

export const STORE_FORMATS = ['flagship', 'boutique', 'outlet', 'corner'] as const
export type StoreFormat = (typeof STORE_FORMATS)[number]

export const BLOCK_KINDS = ['hero', 'text', 'offer', 'cta', 'image', 'product', 'ask'] as const
export type BlockKind = (typeof BLOCK_KINDS)[number]

/** Which content fields each kind of block uses (the admin shows only these). */
export const KIND_FIELDS: Record<BlockKind, readonly ('headline' | 'body' | 'image' | 'cta' | 'offer' | 'product')[]> = {
  hero: ['headline', 'body', 'image', 'cta'],
  text: ['headline', 'body'],
  offer: ['headline', 'body', 'image', 'cta', 'offer'],
  cta: ['headline', 'body', 'cta'],
  image: ['headline', 'image', 'cta'],
  product: ['headline', 'body', 'image', 'cta', 'product'],
  /** The default content shows when there is nothing left to ask. */
  ask: ['headline', 'body'],
}

/** What touchpoints report through the events API. */
export const EVENT_TYPES = ['page_view', 'click', 'conversion', 'form_answer', 'consent_change', 'trait_update', 'custom'] as const
export type EventType = (typeof EVENT_TYPES)[number]

/** What names things across the platform (segments, stores, pages, categories): lowercase words joined by dashes. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** A consent purpose's key; mailing lists are purposes too. */
export const PURPOSE_KEY = /^[a-z][a-z0-9-]{0,63}$/
