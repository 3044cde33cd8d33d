/**
 * What editors read about each block kind, in one table: its name in the
 * admin, how a message names it, and the fields its default content must
 * fill. (Which fields a kind has at all is the engine's KIND_FIELDS.)
 */
import type { BlockKind } from '../../engine'

/** Required fields of the default content, by the keys blockContent.ts validates. */
export type RequiredField = 'headline' | 'body' | 'image' | 'ctaLabel' | 'ctaUrl' | 'productName' | 'productPrice'

export const BLOCK_KIND_EDITING: Record<BlockKind, { label: string; named: string; requires: readonly RequiredField[] }> = {
  hero: { label: 'Hero', named: 'a hero', requires: ['headline'] },
  text: { label: 'Text', named: 'a text block', requires: ['body'] },
  offer: { label: 'Offer', named: 'an offer', requires: ['headline'] },
  cta: { label: 'Call to action', named: 'a call-to-action', requires: ['ctaLabel', 'ctaUrl'] },
  image: { label: 'Image', named: 'an image block', requires: ['image'] },
  product: { label: 'Product highlight', named: 'a product highlight', requires: ['productName', 'productPrice'] },
  ask: { label: 'Ask (questions and surveys)', named: 'an ask block', requires: [] },
}
