import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access'
import { profileEndpoints } from './endpoints'

/**
 * What Tessera knows about one customer, shared by every touchpoint: traits
 * (each with its source and time), consents, list subscriptions, recent
 * behaviour (daily counts per event type and category) and the keys it is
 * known by (visitor ids from websites, a customer id from the CRM, an email
 * address). Written by the events, consent and preference endpoints.
 */
export const Profiles: CollectionConfig = {
  slug: 'profiles',
  admin: {
    group: 'Customers',
    useAsTitle: 'displayName',
    defaultColumns: ['displayName', 'customerId', 'lastSeenAt', 'eventCount'],
    description: 'Profiles are created when a visitor consents or a customer is identified. Export or erase one from its page.',
    components: {
      edit: { beforeDocumentControls: ['/collections/customers/profiles/ProfileActions#ProfileActions'] },
    },
  },
  access: { read: isStaff, create: () => false, update: () => false, delete: () => false },
  endpoints: profileEndpoints,
  fields: [
    { name: 'displayName', type: 'text', admin: { readOnly: true, description: 'The customer id, email or visitor id this profile is best known by.' } },
    { name: 'customerId', type: 'text', unique: true, index: true, admin: { readOnly: true } },
    { name: 'email', type: 'text', index: true, admin: { readOnly: true } },
    { name: 'keys', type: 'text', hasMany: true, admin: { readOnly: true, description: 'Every identifier that leads here (v: visitor, c: customer, e: email).' } },
    { name: 'mergedInto', type: 'relationship', relationTo: 'profiles', admin: { readOnly: true, condition: (data) => Boolean(data?.mergedInto) } },
    { name: 'traits', type: 'json', admin: { readOnly: true, description: 'Each trait with its value, source and time.' } },
    { name: 'consents', type: 'json', admin: { readOnly: true } },
    { name: 'subscriptions', type: 'json', admin: { readOnly: true } },
    { name: 'behaviour', type: 'json', admin: { readOnly: true, description: 'Daily counts per event type and category (90 days).' } },
    { name: 'asks', type: 'json', admin: { readOnly: true, description: 'Questions answered, declined or skipped: outcome, time, channel.' } },
    { name: 'scores', type: 'json', admin: { readOnly: true, description: 'Interest scores: value at a time (they decay from there).' } },
    {
      name: 'answers',
      type: 'ui',
      admin: { components: { Field: '/collections/customers/profiles/ProfileAnswers#ProfileAnswers' } },
    },
    { name: 'lastSeenAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'eventCount', type: 'number', defaultValue: 0, admin: { readOnly: true } },
    { name: 'experiments', type: 'json', admin: { readOnly: true, description: 'The arm of each experiment phase this person was first served (key:phase → arm).' } },
    {
      name: 'insight',
      type: 'ui',
      admin: { components: { Field: '/collections/customers/profiles/ProfileInsight#ProfileInsight' } },
    },
  ],
}
