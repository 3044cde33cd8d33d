import type { CollectionConfig } from 'payload'

import { contentAccess } from './access'
import { segmentRulesField } from './fields/segmentRuleFields'
import { slugField } from './fields/slug'

export const Segments: CollectionConfig = {
  slug: 'segments',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'priority', 'updatedAt'],
    group: 'Personalization',
    description: 'Audiences that variants target. A visitor can belong to several; the highest priority wins a tie.',
  },
  access: contentAccess,
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
    segmentRulesField,
  ],
}
