import type { CollectionConfig } from 'payload'
import { ValidationError } from 'payload'

import { isAdmin } from '../../access'
import { API_KEY_PATTERN, apiKeyHint, digestApiKey, issueApiKeySecret } from '../../../delivery/trust'

/** Passed through req.context so the create/rotate response can show the secret once. */
const ISSUED_SECRET = 'tessera.issuedApiKey'

export const ApiKeys: CollectionConfig = {
  slug: 'api-keys',
  labels: { singular: 'API key', plural: 'API keys' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'hint', 'scopes', 'revoked', 'createdAt'],
    group: 'Settings',
    description:
      'Keys for the websites, email platforms and store screens that call the render and events APIs. Send one as “Authorization: Bearer <key>”.',
  },
  access: {
    admin: isAdmin,
    read: isAdmin,
    create: isAdmin,
    update: isAdmin,
    delete: isAdmin,
  },
  hooks: {
    beforeChange: [
      ({ data, operation, originalDoc, req }) => {
        const supplied = typeof data.secret === 'string' && data.secret.trim() ? data.secret.trim() : undefined
        delete data.secret
        if (supplied && !API_KEY_PATTERN.test(supplied)) {
          throw new ValidationError({
            collection: 'api-keys',
            errors: [{ path: 'secret', message: 'A key is “tsk_” followed by at least 32 letters, digits, “_” or “-”' }],
            req,
          })
        }
        const secret = supplied ?? (operation === 'create' ? issueApiKeySecret() : undefined)
        if (secret) {
          data.keyHash = digestApiKey(secret)
          data.hint = apiKeyHint(secret)
          req.context[ISSUED_SECRET] = secret
        }
        if (data.revoked && !originalDoc?.revoked) data.revokedAt = new Date().toISOString()
        if (!data.revoked) data.revokedAt = null
        return data
      },
    ],
    afterChange: [
      ({ doc, req }) => {
        const secret = req.context[ISSUED_SECRET]
        return typeof secret === 'string' ? { ...doc, secret } : doc
      },
    ],
  },
  fields: [
    { name: 'name', type: 'text', required: true, admin: { description: 'Who uses this key, e.g. “Brevo newsletters” or “Store screens, Lyon”.' } },
    {
      name: 'scopes',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['render'],
      options: [
        { label: 'Render (personalized pages, emails, screens)', value: 'render' },
        { label: 'Events (behaviour, consents, profile updates)', value: 'events' },
        { label: 'Delivery (the snapshot for edge renderers: manifest, page bundles, public keys)', value: 'delivery' },
      ],
    },
    {
      name: 'secret',
      type: 'text',
      virtual: true,
      admin: {
        components: { Field: '/collections/settings/api-keys/ApiKeySecretField#ApiKeySecretField' },
      },
    },
    { name: 'hint', type: 'text', admin: { readOnly: true, description: 'The start of the key, to recognise it.' } },
    { name: 'keyHash', type: 'text', unique: true, index: true, hidden: true },
    { name: 'revoked', type: 'checkbox', defaultValue: false, admin: { description: 'A revoked key stops working within a minute.' } },
    { name: 'revokedAt', type: 'date', admin: { readOnly: true, condition: (data) => Boolean(data?.revoked) } },
    { name: 'expiresAt', type: 'date', admin: { description: 'Optional. The key stops working after this date.' } },
  ],
}
