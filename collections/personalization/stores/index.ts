import type { CollectionConfig } from 'payload'

import { deliveryHooks } from '../../../delivery/snapshot'
import { isTimeZone, STORE_FORMATS } from '../../../engine'
import { contentAccess } from '../../access'
import { slugField } from '../../fields/slug'

/** Physical stores: a screen says which store it is in, and gets that store's city, time zone and format. */
export const Stores: CollectionConfig = {
  slug: 'stores',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'city', 'format', 'timezone'],
    group: 'Personalization',
    description: 'A request naming a store (store screens, click-and-collect pages) decides with its city, time zone and format.',
  },
  access: contentAccess,
  hooks: deliveryHooks,
  fields: [
    { name: 'name', type: 'text', required: true },
    slugField('store'),
    {
      type: 'row',
      fields: [
        { name: 'city', type: 'text', required: true, admin: { width: '34%' } },
        { name: 'region', type: 'text', admin: { width: '33%' } },
        {
          name: 'country',
          type: 'text',
          required: true,
          defaultValue: 'FR',
          admin: { width: '33%', description: 'Two-letter ISO code.' },
          validate: (value: null | string | undefined) => (value && /^[A-Za-z]{2}$/.test(value)) || 'Use a two-letter ISO country code such as FR',
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'timezone',
          type: 'text',
          required: true,
          defaultValue: 'Europe/Paris',
          admin: { width: '50%', description: 'IANA time zone, for dayparts and opening hours.' },
          validate: (value: null | string | undefined) => (value && isTimeZone(value)) || 'Unknown time zone; use an IANA name such as Europe/Paris',
        },
        {
          name: 'format',
          type: 'select',
          required: true,
          defaultValue: 'boutique',
          options: STORE_FORMATS.map((value) => ({ label: value[0]!.toUpperCase() + value.slice(1), value })),
          admin: { width: '50%' },
        },
      ],
    },
  ],
}
