import type { CollectionConfig } from 'payload'

import { deliveryHooks } from '../../../delivery/snapshot'
import { contentAccess } from '../../access'
import { segmentRulesField } from '../../fields/segmentRuleFields'
import { slugField } from '../../fields/slug'
import { lengthField, toneField } from '../../fields/variantAxes'

export const Segments: CollectionConfig = {
  slug: 'segments',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'priority', 'updatedAt'],
    group: 'Personalization',
    description: 'Audiences that variants target. A visitor can belong to several; the highest priority wins a tie.',
  },
  access: contentAccess,
  hooks: deliveryHooks,
  fields: [
    { name: 'name', type: 'text', required: true, localized: true },
    slugField('segment'),
    { name: 'description', type: 'textarea', localized: true },
    {
      name: 'priority',
      type: 'number',
      required: true,
      defaultValue: 0,
      min: -1000,
      max: 1000,
      admin: { description: 'When a visitor is in several segments that a slot targets, the higher priority wins.' },
    },
    {
      type: 'row',
      fields: [
        toneField({
          name: 'preferredTone',
          required: false,
          admin: { width: '50%', description: 'Optional. Members see variants in this tone when a block has one.' },
        }),
        lengthField({
          name: 'preferredLength',
          required: false,
          admin: { width: '50%', description: 'Optional. Otherwise the channel decides (screens favour short).' },
        }),
      ],
    },
    segmentRulesField,
  ],
}
