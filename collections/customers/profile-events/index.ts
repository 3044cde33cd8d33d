import type { CollectionConfig } from 'payload'

import { EVENT_TYPES } from '../../../engine'
import { isStaff } from '../../access'

/** What touchpoints report: page views, clicks, conversions, answers, consent changes, trait updates. */
export const Events: CollectionConfig = {
  // Not "events": /api/events is the events API itself (app/api/events).
  slug: 'profile-events',
  labels: { singular: 'Event', plural: 'Events' },
  admin: {
    group: 'Customers',
    useAsTitle: 'type',
    defaultColumns: ['type', 'category', 'name', 'profile', 'occurredAt', 'source'],
    description: 'Accepted events, each stored once (by idempotency key). A profile’s aggregates can be rebuilt from them.',
  },
  access: { read: isStaff, create: () => false, update: () => false, delete: () => false },
  // Experiment metrics read the events of one type and name per profile, in time, from this index alone.
  indexes: [{ fields: ['type', 'name', 'profile', 'occurredAt'] }],
  fields: [
    { name: 'idempotencyKey', type: 'text', required: true, unique: true, index: true },
    { name: 'type', type: 'select', required: true, options: EVENT_TYPES.map((value) => ({ label: value.replace('_', ' '), value })), index: true },
    { name: 'name', type: 'text' },
    { name: 'category', type: 'text', index: true },
    { name: 'properties', type: 'json' },
    { name: 'traits', type: 'json', admin: { description: 'The traits it stated (trait_update, form_answer).' } },
    { name: 'consents', type: 'json', admin: { description: 'consent_change: purpose or list → granted.' } },
    { name: 'profile', type: 'relationship', relationTo: 'profiles', required: true, index: true },
    { name: 'occurredAt', type: 'date', required: true, index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'receivedAt',
      type: 'date',
      admin: { date: { pickerAppearance: 'dayAndTime' }, description: 'When the server received it: consents and lists are ordered by it.' },
    },
    { name: 'source', type: 'text', admin: { description: 'The API key or first-party site that sent it.' } },
    {
      // Where the database has no transactions, an event is stored first and
      // marked applied once its profile holds it; a crash in between is
      // repaired by rebuilding that profile (delivery/customers/eventReplay.ts).
      name: 'applied',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      admin: { description: 'Folded into its profile’s aggregates.' },
    },
  ],
}
