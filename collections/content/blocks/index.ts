import type { CollectionConfig } from 'payload'

import { BLOCK_KINDS, type BlockKind } from '../../../engine'
import { editorialWorkflow } from '../editorialWorkflow'
import { blockContentFields } from '../../fields/blockContent'
import { BLOCK_KIND_EDITING } from '../../fields/blockKinds'
import { DEFAULT_TONE } from '../../fields/tones'
import { activeWindowFields, audienceField, channelsField, lengthField, toneField, variantToneAndLength } from '../../fields/variantAxes'
import { validateDistinctVariant, type BlockAxesDraft, type VariantAxesDraft } from '../../fields/variantIdentity'
import { livePreview } from '../../admin/livePreview'

/** Reported on the variant's tone field: the first axis an editor would change. */
const validateVariantDistinct = validateDistinctVariant((data) => data as BlockAxesDraft & { variants?: VariantAxesDraft[] })

export const Blocks: CollectionConfig = {
  slug: 'blocks',
  labels: { singular: 'Content block', plural: 'Content blocks' },
  admin: {
    // Pickers and lists show the name with the kind: “Welcome hero · Hero”.
    useAsTitle: 'title',
    // The real output beside the form, updated as the editor types (collections/admin/livePreview.ts).
    livePreview,
    defaultColumns: ['name', 'kind', '_status', 'updatedAt'],
    group: 'Content',
    description: 'Modular content with variants by tone, length, channel and audience.',
    components: { edit: { beforeDocumentControls: ['/collections/personalization/experiments/StartExperiment#StartExperiment'] } },
  },
  ...editorialWorkflow,
  fields: [
    { name: 'workbench', type: 'ui', admin: { position: 'sidebar', components: { Field: '/collections/admin/WorkbenchLinks#WorkbenchLinks' } } },
    { name: 'standards', type: 'ui', admin: { position: 'sidebar', components: { Field: '/collections/admin/StandardsPanel#StandardsPanel' } } },
    {
      name: 'title',
      type: 'text',
      admin: { hidden: true },
      hooks: {
        beforeChange: [
          ({ siblingData }) => {
            const kind = BLOCK_KIND_EDITING[siblingData.kind as BlockKind]?.label
            return kind ? `${siblingData.name ?? ''} · ${kind}` : siblingData.name
          },
        ],
      },
    },
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', required: true, admin: { width: '60%', description: 'For editors only; never shown to customers.' } },
        {
          name: 'kind',
          type: 'select',
          required: true,
          defaultValue: 'text',
          options: BLOCK_KINDS.map((value) => ({ label: BLOCK_KIND_EDITING[value].label, value })),
          admin: { width: '40%' },
        },
      ],
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: 'Default content',
          description: 'Shown when no variant fits the visitor, the channel or the moment.',
          fields: [
            {
              type: 'row',
              fields: [
                toneField({ defaultValue: DEFAULT_TONE, admin: { width: '50%' } }),
                lengthField({ defaultValue: 'medium', admin: { width: '50%' } }),
              ],
            },
            { name: 'content', type: 'group', label: false, fields: blockContentFields(true) },
            {
              name: 'ask',
              type: 'group',
              label: 'Questions',
              admin: {
                condition: (data) => data?.kind === 'ask',
                description: 'Asks this person the next questions they have not answered; with nothing left to ask, the default content shows.',
              },
              fields: [
                { name: 'max', type: 'number', defaultValue: 1, min: 1, max: 10, admin: { description: 'At most this many questions at once.' } },
                {
                  name: 'questions',
                  type: 'relationship',
                  relationTo: 'questions',
                  hasMany: true,
                  admin: { description: 'Empty: any profiling question (surveys only when listed here).' },
                },
              ],
            },
          ],
        },
        {
          label: 'Variants',
          description: 'Each variant differs from the default by tone, length, channels or audience; empty content fields fall back to the default.',
          fields: [
            {
              name: 'variants',
              type: 'array',
              labels: { singular: 'Variant', plural: 'Variants' },
              admin: { initCollapsed: false },
              fields: [
                { name: 'label', type: 'text', required: true, admin: { description: 'For editors and decision traces, e.g. “Gold members, short”.' } },
                variantToneAndLength(validateVariantDistinct),
                channelsField,
                audienceField,
                activeWindowFields,
                { name: 'content', type: 'group', label: 'Content for this variant', fields: blockContentFields(false) },
              ],
            },
          ],
        },
      ],
    },
  ],
}
