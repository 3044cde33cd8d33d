/**
 * The content a block carries. The default content and every variant share
 * these fields; in a variant each field is optional and, when empty, falls
 * back to the default content. Which fields show depends on the block's kind.
 */
import type { Field, Validate } from 'payload'

import { type BlockKind, KIND_FIELDS, safeHref } from '../../engine'
import { BLOCK_KIND_EDITING, type RequiredField } from './blockKinds'
import { meetsStandards } from './meetsStandards'

type KindData = { kind?: BlockKind }

const shownFor =
  (field: (typeof KIND_FIELDS)[BlockKind][number]) =>
  (data: Partial<KindData> | undefined) =>
    !data?.kind || KIND_FIELDS[data.kind].includes(field)

/** The platform's one link vetting (engine's safeHref), as the admin's message. */
export const validateLink: Validate = (value) => {
  if (!value) return true
  return safeHref(value) !== undefined || 'Use an https:// address, a path on this site starting with “/”, mailto: or tel: (no spaces or backslashes)'
}

const validatePrice: Validate = (value) =>
  value === null || value === undefined || (Number.isFinite(Number(value)) && Number(value) >= 0) || 'A price is a positive number'

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true
  if (typeof value === 'object' && value && 'root' in value) {
    const root = (value as { root?: { children?: { children?: unknown[] }[] } }).root
    return !root?.children?.some((child) => (child.children?.length ?? 0) > 0)
  }
  return false
}

/** Text fields are localized: other locales fall back to the default one, so only it must be filled. */
const LOCALIZED_KEYS = new Set<RequiredField>(['headline', 'body', 'ctaLabel', 'productName'])

function requiredFor(key: RequiredField | 'offerCode', label: string, next?: Validate): Validate {
  return (value, options) => {
    const kind = (options.data as KindData | undefined)?.kind
    const locale = options.req?.locale
    const defaultLocale = options.req?.payload?.config.localization ? options.req.payload.config.localization.defaultLocale : undefined
    const fallsBack = key !== 'offerCode' && LOCALIZED_KEYS.has(key) && locale && defaultLocale && locale !== defaultLocale
    const editing = kind ? BLOCK_KIND_EDITING[kind] : undefined
    if (editing && (editing.requires as readonly string[]).includes(key) && isEmpty(value) && !fallsBack) {
      return `${label} is required for ${editing.named}`
    }
    return next ? next(value, options) : true
  }
}

/**
 * @param withRequirements true for the block's default content, false inside a
 * variant (where an empty field means "same as default").
 */
export function blockContentFields(withRequirements: boolean): Field[] {
  // Every checked field also meets the blocking experience standards at publish (meetsStandards.ts).
  const check = (key: RequiredField | 'offerCode', label: string, next?: Validate): Validate =>
    meetsStandards(withRequirements ? requiredFor(key, label, next) : next)

  return [
    {
      name: 'headline',
      type: 'text',
      localized: true,
      validate: check('headline', 'A headline'),
      admin: { condition: shownFor('headline') },
    },
    {
      name: 'body',
      type: 'richText',
      localized: true,
      validate: check('body', 'Body text'),
      admin: { condition: shownFor('body') },
    },
    {
      name: 'image',
      type: 'upload',
      relationTo: 'media',
      validate: check('image', 'An image'),
      admin: { condition: shownFor('image') },
    },
    {
      name: 'cta',
      label: 'Call to action',
      type: 'group',
      admin: { condition: shownFor('cta') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'label', type: 'text', localized: true, validate: check('ctaLabel', 'A button label'), admin: { width: '50%' } },
            { name: 'url', type: 'text', validate: check('ctaUrl', 'A link', validateLink), admin: { width: '50%' } },
          ],
        },
      ],
    },
    {
      name: 'offer',
      type: 'group',
      admin: { condition: shownFor('offer') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'code', type: 'text', admin: { width: '33%', description: 'Promo code shown to the customer.' } },
            { name: 'discount', type: 'text', localized: true, admin: { width: '33%', placeholder: '-20 %' } },
            { name: 'validUntil', type: 'date', admin: { width: '34%' } },
          ],
        },
      ],
    },
    {
      name: 'product',
      type: 'group',
      admin: { condition: shownFor('product') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'name', type: 'text', localized: true, validate: check('productName', 'A product name'), admin: { width: '40%' } },
            {
              name: 'price',
              type: 'number',
              validate: check('productPrice', 'A price', validatePrice),
              admin: { width: '20%', step: 0.01 },
            },
            {
              name: 'currency',
              type: 'select',
              defaultValue: withRequirements ? 'EUR' : undefined,
              options: ['EUR', 'GBP', 'USD', 'CHF'],
              admin: { width: '15%' },
            },
            { name: 'url', type: 'text', validate: validateLink, admin: { width: '25%' } },
          ],
        },
      ],
    },
  ]
}
