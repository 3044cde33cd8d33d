/**
 * Where changes are sent (admins only): a URL, the change types it wants,
 * whether it also wants behaviour events (high volume), its signing secret
 * (Standard Webhooks `whsec_…`; generated when left empty), on or off. The
 * URL is checked against SSRF when saved, and again on every delivery.
 */
import { randomBytes } from 'node:crypto'

import type { CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { CHANGE_TYPES, checkDestination, forgetEndpoints } from '../../../delivery/sharing'
import { isAdmin } from '../../access'

const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`
const SECRET = /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/

export const WebhookEndpoints: CollectionConfig = {
  slug: 'webhook-endpoints',
  labels: { singular: 'Webhook endpoint', plural: 'Webhook endpoints' },
  admin: {
    group: 'Sharing',
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'types', 'enabled'],
    description: 'Systems told of every change they subscribe to, signed per Standard Webhooks. Verify with the secret shown here (README: Real-time sharing).',
  },
  access: { admin: isAdmin, read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
  hooks: {
    beforeChange: [
      async ({ data, originalDoc, req }) => {
        const url = typeof data.url === 'string' ? data.url.trim() : originalDoc?.url
        try {
          await checkDestination(url)
        } catch (error) {
          throw new ValidationError({ collection: 'webhook-endpoints', errors: [{ path: 'url', message: (error as Error).message }], req })
        }
        data.url = url
        const secret = typeof data.secret === 'string' ? data.secret.trim() : ''
        if (secret && !SECRET.test(secret)) {
          throw new ValidationError({ collection: 'webhook-endpoints', errors: [{ path: 'secret', message: 'A secret is “whsec_” followed by at least 24 bytes in base64; leave it empty to generate one' }], req })
        }
        data.secret = secret || originalDoc?.secret || newSecret()
        return data
      },
    ],
    afterChange: [({ req }) => forgetEndpoints(req.payload)],
    afterDelete: [({ req }) => forgetEndpoints(req.payload)],
  },
  fields: [
    { name: 'name', type: 'text', required: true, admin: { description: 'Who receives, e.g. “CRM” or “Call centre”.' } },
    { name: 'url', type: 'text', required: true, admin: { description: 'https://… Internal addresses are refused unless WEBHOOK_ALLOWED_NETWORKS admits them.' } },
    {
      name: 'types',
      type: 'select',
      hasMany: true,
      required: true,
      options: CHANGE_TYPES.map((type) => ({ label: type, value: type })),
      admin: { description: 'The changes this endpoint is told of.' },
    },
    { name: 'behaviour', type: 'checkbox', defaultValue: false, admin: { description: 'Also every accepted behaviour event (events.page_view, events.click…): high volume.' } },
    { name: 'secret', type: 'text', admin: { description: 'The signing secret (whsec_…). Leave empty to generate one; give it to the receiver.' } },
    { name: 'enabled', type: 'checkbox', defaultValue: true },
  ],
}
