import type { CollectionConfig, Payload } from 'payload'

import { deliveryHooks } from '../../../delivery/snapshot'
import { isAdmin, isStaff } from '../../access'
import { slugField } from '../../fields/slug'

export const PURPOSE_KINDS = ['necessary', 'personalization', 'analytics', 'marketing'] as const

/**
 * What a visitor can consent to: the site's necessary functions, personalization,
 * analytics, and one purpose per marketing list (each newsletter is a list, so
 * leaving one never touches another).
 */
export const ConsentPurposes: CollectionConfig = {
  slug: 'consent-purposes',
  labels: { singular: 'Consent purpose', plural: 'Consent purposes' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'kind', 'paid'],
    group: 'Personalization',
    description: 'Shown in the consent banner and the preference center. Marketing purposes are mailing lists.',
  },
  access: { read: isStaff, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: deliveryHooks,
  fields: [
    { name: 'name', type: 'text', required: true, localized: true },
    slugField('purpose'),
    { name: 'description', type: 'textarea', localized: true },
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'marketing',
      options: [
        { label: 'Necessary (always on)', value: 'necessary' },
        { label: 'Personalization', value: 'personalization' },
        { label: 'Analytics', value: 'analytics' },
        { label: 'Marketing list', value: 'marketing' },
      ],
    },
    {
      name: 'paid',
      type: 'checkbox',
      defaultValue: false,
      admin: { condition: (data) => data?.kind === 'marketing', description: 'A paid subscription: never cancelled by leaving another list.' },
    },
  ],
}

const DEFAULT_PURPOSES = [
  {
    slug: 'necessary',
    kind: 'necessary',
    name: { en: 'Necessary', fr: 'Nécessaires' },
    description: { en: 'Keeps the site working and remembers your choices. Always on.', fr: 'Fait fonctionner le site et retient vos choix. Toujours actif.' },
  },
  {
    slug: 'personalization',
    kind: 'personalization',
    name: { en: 'Personalization', fr: 'Personnalisation' },
    description: {
      en: 'Adapts offers and content to what you tell us and what you do here.',
      fr: 'Adapte les offres et les contenus à ce que vous nous dites et à ce que vous faites ici.',
    },
  },
  {
    slug: 'analytics',
    kind: 'analytics',
    name: { en: 'Analytics', fr: 'Mesure d’audience' },
    description: { en: 'Counts visits and clicks to improve the site.', fr: 'Compte les visites et les clics pour améliorer le site.' },
  },
  {
    slug: 'newsletter',
    kind: 'marketing',
    name: { en: 'Newsletter', fr: 'Lettre d’information' },
    description: { en: 'Our monthly news, new collections and offers.', fr: 'Nos nouvelles du mois, les nouvelles collections et les offres.' },
  },
] as const

/** Creates the default purposes that are missing (every install starts with them). */
export async function ensureDefaultPurposes(payload: Payload): Promise<void> {
  for (const purpose of DEFAULT_PURPOSES) {
    const { totalDocs } = await payload.count({ collection: 'consent-purposes', where: { slug: { equals: purpose.slug } }, overrideAccess: true })
    if (totalDocs > 0) continue
    const created = await payload.create({
      collection: 'consent-purposes',
      locale: 'en',
      data: { slug: purpose.slug, kind: purpose.kind, name: purpose.name.en, description: purpose.description.en },
      overrideAccess: true,
    })
    await payload.update({
      collection: 'consent-purposes',
      id: created.id,
      locale: 'fr',
      data: { name: purpose.name.fr, description: purpose.description.fr },
      overrideAccess: true,
    })
  }
}
