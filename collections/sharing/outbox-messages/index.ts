/**
 * The outbox (delivery/sharing): changes written in the unit of work that
 * made them, read in order by the dispatcher. Admins can look; nobody edits.
 */
import type { CollectionConfig } from 'payload'

import { isAdmin, nobody } from '../../access'

export const OutboxMessages: CollectionConfig = {
  slug: 'outbox-messages',
  labels: { singular: 'Outbox message', plural: 'Outbox' },
  admin: { group: 'Sharing', useAsTitle: 'messageId', defaultColumns: ['messageId', 'type', 'occurredAt', 'streamed', 'fannedOut'] },
  access: { admin: isAdmin, read: isAdmin, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'messageId', type: 'text', required: true, unique: true, index: true },
    { name: 'type', type: 'text', required: true, index: true },
    /** Messages of one key (a profile) reach the stream in the order written. */
    { name: 'orderKey', type: 'text' },
    { name: 'occurredAt', type: 'date', required: true },
    { name: 'data', type: 'json', required: true },
    { name: 'streamed', type: 'checkbox', defaultValue: false, index: true },
    { name: 'fannedOut', type: 'checkbox', defaultValue: false, index: true },
  ],
}
