import type { CollectionConfig } from 'payload'

import { deliveryHooks } from '../../../delivery/snapshot'
import { CHANNELS, EXPERIMENT_UNITS, SLUG } from '../../../engine'
import { contentAccess } from '../../access'
import { EXPERIMENT_LIFECYCLE, experimentChanges, experimentLifecycle } from './lifecycle'
import { metricFields } from './metricFields'

/**
 * A/B/n experiments: arms among one block's variants (or an email page's
 * subject lines), weights, coverage, targeting, metrics and a lifecycle
 * (draft → running ⇄ paused → stopped or shipped). Running experiments are
 * compiled into the delivery snapshot; the engine assigns units.
 */
export const Experiments: CollectionConfig = {
  slug: 'experiments',
  labels: { singular: 'Experiment', plural: 'Experiments' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'key', 'status', 'phase', 'updatedAt'],
    group: 'Personalization',
    description: 'Test variants against each other on every channel; results come from exposures and events.',
  },
  access: contentAccess,
  hooks: { ...deliveryHooks, beforeChange: [experimentLifecycle], afterChange: [...deliveryHooks.afterChange, experimentChanges] },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', required: true, admin: { width: '60%' } },
        {
          name: 'key',
          type: 'text',
          required: true,
          unique: true,
          index: true,
          admin: { width: '40%', description: 'The hash seed: a GrowthBook SDK given this key puts every unit in the same arm. Never reuse one.' },
          validate: (value: null | string | undefined) => (value && SLUG.test(value)) || 'A key is lowercase letters, digits and dashes, e.g. home-hero-2026',
        },
      ],
    },
    { name: 'hypothesis', type: 'textarea', admin: { description: 'What you expect, and why: “A shorter hero headline gets more clicks on mobile.”' } },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'draft',
          options: EXPERIMENT_LIFECYCLE.map((value) => ({ label: value[0]!.toUpperCase() + value.slice(1), value })),
          admin: { width: '34%', description: 'Running experiments enrol units; shipped serves its winning arm to everyone in scope.' },
        },
        { name: 'shippedArm', type: 'text', admin: { width: '33%', condition: (data) => data?.status === 'shipped', description: 'The arm served to everyone.' } },
        { name: 'phase', type: 'number', defaultValue: 1, admin: { width: '33%', readOnly: true, description: 'A change of arms, weights or coverage while running starts a new phase.' } },
      ],
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Scope and arms',
          fields: [
            {
              name: 'scope',
              type: 'select',
              required: true,
              defaultValue: 'block',
              options: [
                { label: 'A block (wherever it appears)', value: 'block' },
                { label: 'An email page’s subject line and preheader', value: 'subject' },
              ],
            },
            { name: 'block', type: 'relationship', relationTo: 'blocks', admin: { condition: (data) => data?.scope !== 'subject' } },
            { name: 'page', type: 'relationship', relationTo: 'pages', admin: { condition: (data) => data?.scope === 'subject' } },
            {
              name: 'arms',
              type: 'array',
              minRows: 2,
              labels: { singular: 'Arm', plural: 'Arms' },
              admin: { description: 'The first arm is the control. Name a variant by its id, or “default” for the default content (or subject).' },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'variant', type: 'text', required: true, admin: { width: '40%' } },
                    { name: 'label', type: 'text', admin: { width: '35%' } },
                    { name: 'weight', type: 'number', required: true, defaultValue: 50, min: 0, max: 100, admin: { width: '25%', description: 'Share, in %.' } },
                  ],
                },
              ],
            },
          ],
        },
        {
          label: 'Traffic and targeting',
          fields: [
            {
              type: 'row',
              fields: [
                { name: 'coverage', type: 'number', required: true, defaultValue: 100, min: 0, max: 100, admin: { width: '34%', description: 'Share of eligible units enrolled, in %.' } },
                {
                  name: 'unit',
                  type: 'select',
                  required: true,
                  defaultValue: 'person',
                  options: EXPERIMENT_UNITS.map((value) => ({ label: value === 'person' ? 'Person (customer id, else visitor id)' : 'Store (every screen of a store alike)', value })),
                  admin: { width: '33%' },
                },
                { name: 'purpose', type: 'text', required: true, defaultValue: 'analytics', admin: { width: '33%', description: 'People are enrolled only with consent to this purpose.' } },
              ],
            },
            { name: 'audience', type: 'relationship', relationTo: 'segments', hasMany: true, admin: { description: 'Optional: only members of one of these segments.' } },
            { name: 'channels', type: 'select', hasMany: true, options: CHANNELS.map((value) => ({ label: value, value })), admin: { description: 'Empty: every channel.' } },
            {
              type: 'row',
              fields: [
                { name: 'startAt', type: 'date', admin: { width: '50%', date: { pickerAppearance: 'dayAndTime' } } },
                { name: 'endAt', type: 'date', admin: { width: '50%', date: { pickerAppearance: 'dayAndTime' } } },
              ],
            },
          ],
        },
        {
          label: 'Metrics',
          fields: [
            { name: 'primaryMetric', type: 'group', fields: metricFields },
            { name: 'secondaryMetrics', type: 'array', fields: metricFields },
            { name: 'guardrailMetrics', type: 'array', fields: metricFields, admin: { description: 'Email experiments also watch unsubscribes from their list.' } },
            { name: 'minimumUnitsPerArm', type: 'number', defaultValue: 1000, min: 10, admin: { description: 'Sample progress: no verdict below this many units per arm.' } },
          ],
        },
        {
          label: 'Phases and history',
          fields: [
            {
              name: 'phases',
              type: 'array',
              admin: { readOnly: true },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'phase', type: 'number', admin: { width: '20%' } },
                    { name: 'startedAt', type: 'date', admin: { width: '40%', date: { pickerAppearance: 'dayAndTime' } } },
                    { name: 'coverage', type: 'number', admin: { width: '20%' } },
                    { name: 'arms', type: 'text', admin: { width: '20%' } },
                  ],
                },
              ],
            },
            {
              name: 'history',
              type: 'array',
              admin: { readOnly: true },
              fields: [
                {
                  type: 'row',
                  fields: [
                    { name: 'at', type: 'date', admin: { width: '30%', date: { pickerAppearance: 'dayAndTime' } } },
                    { name: 'by', type: 'text', admin: { width: '25%' } },
                    { name: 'change', type: 'text', admin: { width: '45%' } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      name: 'results',
      type: 'ui',
      admin: { components: { Field: '/collections/personalization/experiments/ExperimentResults#ExperimentResults' } },
    },
  ],
}
