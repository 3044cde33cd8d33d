/**
 * Where delivery snapshots live. Written only by the compiler (delivery/),
 * read by render nodes; editors can look, nobody edits. The status global
 * shows editors which version is live and whether the last compile failed.
 */
import type { CollectionConfig, GlobalConfig } from 'payload'

import { isStaff } from '../access'

const nobody = () => false

export const DeliverySnapshots: CollectionConfig = {
  slug: 'delivery-snapshots',
  labels: { singular: 'Delivery snapshot', plural: 'Delivery snapshots' },
  admin: {
    group: 'Delivery',
    useAsTitle: 'version',
    defaultColumns: ['version', 'compiledAt', 'pages', 'blocks', 'durationMs'],
    description: 'Immutable, versioned compilations of everything published. Render nodes serve the active one.',
  },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'version', type: 'text', required: true, unique: true, index: true },
    { name: 'compiledAt', type: 'date', required: true, admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'durationMs', type: 'number' },
    { name: 'pages', type: 'number' },
    { name: 'blocks', type: 'number' },
    { name: 'segments', type: 'number' },
    { name: 'manifest', type: 'json', required: true, admin: { hidden: true } },
  ],
}

export const DeliveryBundles: CollectionConfig = {
  slug: 'delivery-bundles',
  labels: { singular: 'Page bundle', plural: 'Page bundles' },
  admin: { group: 'Delivery', useAsTitle: 'hash', hidden: true },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'hash', type: 'text', required: true, unique: true, index: true },
    { name: 'page', type: 'text', required: true },
    { name: 'bundle', type: 'json', required: true },
  ],
}

export const DeliveryStatus: GlobalConfig = {
  slug: 'delivery-status',
  label: 'Delivery status',
  admin: {
    group: 'Delivery',
    description: 'What the render API serves now, and how the last compile went. A failed compile leaves the previous version live.',
  },
  access: { read: isStaff, update: nobody },
  fields: [
    { name: 'activeVersion', type: 'text', admin: { readOnly: true } },
    { name: 'activatedAt', type: 'date', admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'lastCompile',
      type: 'group',
      admin: { readOnly: true },
      fields: [
        {
          name: 'status',
          type: 'select',
          options: [
            { label: 'Succeeded', value: 'ok' },
            { label: 'Failed: the previous version is still live', value: 'failed' },
          ],
        },
        { name: 'at', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'durationMs', type: 'number' },
        { name: 'trigger', type: 'text' },
        { name: 'error', type: 'textarea' },
      ],
    },
  ],
}
