import type { CollectionConfig } from 'payload'

import { deliveryHooks } from '../../../delivery/snapshot'
import { EVENT_TYPES } from '../../../engine'
import { contentAccess } from '../../access'
import { slugField } from '../../fields/slug'

/**
 * Interest scores: events earn points, up to a cap, decaying with a
 * half-life. Each profile keeps its scores up to date as events arrive; a
 * segment reads one as the trait `score.<key>` (e.g. score.candle-interest ≥ 20).
 */
export const InterestScores: CollectionConfig = {
  slug: 'interest-scores',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'cap', 'halfLifeDays'],
    group: 'Personalization',
    description: 'A segment rule reads a score as the trait score.<key>, e.g. score.candle-interest ≥ 20.',
  },
  access: contentAccess,
  hooks: deliveryHooks,
  fields: [
    { name: 'name', type: 'text', required: true, localized: true },
    slugField('score'),
    {
      type: 'row',
      fields: [
        { name: 'cap', type: 'number', required: true, defaultValue: 100, min: 1, admin: { width: '50%', description: 'A score never exceeds this.' } },
        { name: 'halfLifeDays', type: 'number', required: true, defaultValue: 30, min: 0.01, admin: { width: '50%', description: 'Points lose half their weight every this many days.' } },
      ],
    },
    {
      name: 'rules',
      type: 'array',
      required: true,
      minRows: 1,
      labels: { singular: 'Rule', plural: 'Rules' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'event', type: 'select', required: true, options: EVENT_TYPES.map((value) => ({ value, label: value.replace('_', ' ') })), admin: { width: '40%' } },
            { name: 'category', type: 'text', admin: { width: '30%', description: 'Empty: any category.' } },
            { name: 'points', type: 'number', required: true, defaultValue: 1, admin: { width: '30%' } },
          ],
        },
      ],
    },
  ],
}
