/**
 * The delivery log: one row per endpoint and message, with its status
 * (pending, delivered, dead), attempts, the last answer (status, latency, the
 * start of the response) and a replay.
 */
import type { CollectionConfig } from 'payload'

import { errorResponse } from '../../../delivery/http'
import { replayDelivery } from '../../../delivery/sharing'
import { isAdmin, nobody } from '../../access'

export const WebhookDeliveries: CollectionConfig = {
  slug: 'webhook-deliveries',
  labels: { singular: 'Webhook delivery', plural: 'Webhook deliveries' },
  admin: {
    group: 'Sharing',
    useAsTitle: 'messageId',
    defaultColumns: ['type', 'endpoint', 'status', 'attempts', 'responseStatus', 'latencyMs', 'lastAttemptAt'],
    components: { edit: { beforeDocumentControls: ['/collections/sharing/webhook-deliveries/ReplayButton#ReplayButton'] } },
  },
  access: { admin: isAdmin, read: isAdmin, create: nobody, update: nobody, delete: isAdmin },
  endpoints: [
    {
      path: '/:id/replay',
      method: 'post',
      handler: async (req) => {
        if (!isAdmin({ req })) return errorResponse(403, 'forbidden', 'Only admins can replay webhook deliveries.')
        const replayed = await replayDelivery(req.payload, String(req.routeParams?.id ?? ''))
        if (!replayed) return errorResponse(404, 'delivery_not_found', 'No such delivery.')
        return Response.json({ replayed: true }, { headers: { 'Cache-Control': 'no-store' } })
      },
    },
  ],
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, admin: { hidden: true } },
    { name: 'endpoint', type: 'relationship', relationTo: 'webhook-endpoints', required: true, index: true },
    { name: 'messageId', type: 'text', required: true, index: true },
    { name: 'type', type: 'text', required: true },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      options: [
        { label: 'Pending', value: 'pending' },
        { label: 'Delivered', value: 'delivered' },
        { label: 'Dead (retries exhausted)', value: 'dead' },
      ],
    },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'nextAttemptAt', type: 'date', index: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'lastAttemptAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'deliveredAt', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'responseStatus', type: 'number' },
    { name: 'latencyMs', type: 'number' },
    { name: 'response', type: 'textarea' },
    { name: 'error', type: 'textarea' },
    { name: 'attemptLog', type: 'json' },
  ],
}
