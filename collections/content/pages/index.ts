import type { CollectionConfig, Validate } from 'payload'

import { CHANNELS } from '../../../engine'
import { editorialWorkflow } from '../editorialWorkflow'
import { livePreviewEndpoint, previewEndpoint } from './previewEndpoint'
import { meetsStandards } from '../../fields/meetsStandards'
import { slugField } from '../../fields/slug'
import { DEFAULT_TONE } from '../../fields/tones'
import { activeWindowFields, audienceField, lengthField, toneField, variantToneAndLength } from '../../fields/variantAxes'
import { validateDistinctVariant, type BlockAxesDraft, type VariantAxesDraft } from '../../fields/variantIdentity'
import { livePreview } from '../../admin/livePreview'

export const SCREEN_RESOLUTIONS = [
  { value: '1920x1080', label: 'Full HD landscape (1920 × 1080)', orientation: 'landscape' },
  { value: '1080x1920', label: 'Full HD portrait (1080 × 1920)', orientation: 'portrait' },
  { value: '3840x2160', label: '4K landscape (3840 × 2160)', orientation: 'landscape' },
  { value: '2160x3840', label: '4K portrait (2160 × 3840)', orientation: 'portrait' },
] as const

type PageDraft = { channel?: string; _status?: string; email?: BlockAxesDraft & { variants?: VariantAxesDraft[] } }

/** A slot must show a block that exists, and a published page only published blocks. */
const validateSlotBlock: Validate = async (value, { data, req, event }) => {
  if (!value) return 'Choose the block this slot shows'
  if (event === 'onChange') return true
  const id = typeof value === 'object' && value !== null ? (value as { id: number | string }).id : (value as number | string)
  const block = await req.payload.findByID({
    collection: 'blocks',
    id,
    depth: 0,
    req,
    overrideAccess: true,
    disableErrors: true,
  })
  if (!block) return 'This block no longer exists; choose another one'
  if ((data as PageDraft)._status === 'published' && block._status !== 'published') {
    return `The block “${block.name}” has no published version yet; publish it before publishing this page`
  }
  return true
}

const requiredForEmail =
  (what: string): Validate =>
  (value, { data }) =>
    (data as PageDraft).channel !== 'email' || Boolean(value && String(value).trim()) || `${what} is required for an email`

const validateSubjectVariant = validateDistinctVariant((data) => (data as PageDraft).email)

const validateOrientation: Validate = (value, { siblingData }) => {
  const resolution = SCREEN_RESOLUTIONS.find((option) => option.value === (siblingData as { resolution?: string }).resolution)
  if (!resolution || !value || resolution.orientation === value) return true
  return `${resolution.value.replace('x', '×')} is ${resolution.orientation}; choose ${resolution.orientation} or another resolution`
}

export const Pages: CollectionConfig = {
  slug: 'pages',
  admin: {
    useAsTitle: 'title',
    // The real output beside the form, updated as the editor types (collections/admin/livePreview.ts).
    livePreview,
    defaultColumns: ['title', 'slug', 'channel', '_status', 'updatedAt'],
    group: 'Content',
    description: 'A web page, an email or a store screen: an ordered list of slots, each showing one block.',
  },
  ...editorialWorkflow,
  endpoints: [previewEndpoint, livePreviewEndpoint],
  fields: [
    { name: 'workbench', type: 'ui', admin: { position: 'sidebar', components: { Field: '/collections/admin/WorkbenchLinks#WorkbenchLinks' } } },
    { name: 'standards', type: 'ui', admin: { position: 'sidebar', components: { Field: '/collections/admin/StandardsPanel#StandardsPanel' } } },
    { name: 'title', type: 'text', required: true, localized: true },
    slugField('page'),
    {
      name: 'channel',
      type: 'select',
      required: true,
      defaultValue: 'web',
      options: CHANNELS.map((value) => ({
        label: value === 'web' ? 'Web page' : value === 'email' ? 'Email' : 'Store screen',
        value,
      })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'slots',
      type: 'array',
      labels: { singular: 'Slot', plural: 'Slots' },
      // An email's size standard (Gmail clips past 102 KB) is checked here at publish: the slots' blocks make its size.
      validate: meetsStandards(),
      admin: { description: 'Blocks in the order they appear. The engine picks one variant per slot for each visitor.' },
      fields: [{ name: 'block', type: 'relationship', relationTo: 'blocks', required: true, validate: validateSlotBlock }],
    },
    {
      name: 'email',
      type: 'group',
      admin: { condition: (data) => data?.channel === 'email' },
      fields: [
        {
          name: 'list',
          type: 'relationship',
          relationTo: 'consent-purposes',
          filterOptions: { kind: { equals: 'marketing' } },
          admin: {
            description: 'The mailing list this email is sent to: recipients who left it are not sent it, and its unsubscribe link leaves only this list. Empty for transactional email.',
          },
        },
        { name: 'subject', type: 'text', localized: true, validate: meetsStandards(requiredForEmail('A subject line')) },
        { name: 'preheader', type: 'text', localized: true, validate: meetsStandards(), admin: { description: 'The preview text inbox lists show after the subject.' } },
        {
          type: 'row',
          fields: [
            toneField({ required: false, defaultValue: DEFAULT_TONE, admin: { width: '50%' } }),
            lengthField({ required: false, defaultValue: 'medium', admin: { width: '50%' } }),
          ],
        },
        {
          name: 'variants',
          type: 'array',
          labels: { singular: 'Subject variant', plural: 'Subject variants' },
          fields: [
            { name: 'label', type: 'text', required: true },
            variantToneAndLength(validateSubjectVariant),
            audienceField,
            activeWindowFields,
            { name: 'subject', type: 'text', localized: true, required: true, validate: meetsStandards() },
            { name: 'preheader', type: 'text', localized: true, validate: meetsStandards() },
          ],
        },
      ],
    },
    {
      name: 'screen',
      type: 'group',
      admin: { condition: (data) => data?.channel === 'screen' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'resolution',
              type: 'select',
              defaultValue: '1920x1080',
              options: SCREEN_RESOLUTIONS.map(({ label, value }) => ({ label, value })),
              admin: { width: '50%' },
            },
            {
              name: 'orientation',
              type: 'select',
              defaultValue: 'landscape',
              options: [
                { label: 'Landscape', value: 'landscape' },
                { label: 'Portrait', value: 'portrait' },
              ],
              validate: validateOrientation,
              admin: { width: '50%' },
            },
          ],
        },
      ],
    },
  ],
}
