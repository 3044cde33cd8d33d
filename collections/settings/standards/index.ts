/**
 * Experience standards, configured by editors: a rule, where it applies
 * (channel, block kind, tone) and its thresholds; blocking standards refuse
 * a publish, warnings are shown and let it through.
 */
import type { CollectionConfig, Validate } from 'payload'

import { BLOCK_KINDS, CHANNELS } from '../../../engine'
import { GMAIL_CLIP_BYTES, STANDARD_RULES, type StandardRule } from '../../../delivery/standards'
import { contentAccess } from '../../access'
import { BLOCK_KIND_EDITING } from '../../fields/blockKinds'
import { TONES } from '../../fields/tones'
import { standardsEndpoints } from './endpoints'

export const STANDARD_RULE_LABELS: Record<StandardRule, string> = {
  headlineLength: 'Maximum headline length',
  subjectLength: 'Maximum email subject length',
  preheaderLength: 'Email preheader length (min–max)',
  imageResolution: 'Minimum image resolution',
  offerCta: 'A call to action on every offer',
  toneWords: 'Words a tone must not use',
  emailSize: 'Email HTML size (Gmail clips past 102 KB)',
}

type StandardDraft = { rule?: StandardRule; min?: number | null; max?: number | null; minWidth?: number | null; tone?: string | null; words?: string[] | null }

const uses = (...rules: StandardRule[]) => (data: Partial<StandardDraft> | undefined) => Boolean(data?.rule && rules.includes(data.rule))

const requiredWhen =
  (rules: StandardRule[], what: string): Validate =>
  (value, { data }) =>
    !uses(...rules)(data as StandardDraft) || (value !== null && value !== undefined && value !== '' && (!Array.isArray(value) || value.length > 0)) || `${what} is required for this rule`

const validateMax: Validate = (value, options) => {
  const required = requiredWhen(['headlineLength', 'subjectLength'], 'A maximum')(value, options)
  if (required !== true) return required
  const min = (options.data as StandardDraft).min
  return value == null || min == null || Number(value) >= min || 'The maximum must be at least the minimum'
}

export const Standards: CollectionConfig = {
  slug: 'standards',
  labels: { singular: 'Experience standard', plural: 'Experience standards' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'rule', 'channel', 'level', 'active'],
    group: 'Settings',
    description: 'Rules published content must meet. Blocking standards refuse a publish and name the field; warnings are shown and let it through.',
  },
  access: contentAccess,
  endpoints: standardsEndpoints,
  fields: [
    { name: 'name', type: 'text', required: true, admin: { description: 'Shown to editors with each violation, e.g. “Screens are read from across the shop”.' } },
    {
      type: 'row',
      fields: [
        { name: 'rule', type: 'select', required: true, options: STANDARD_RULES.map((value) => ({ value, label: STANDARD_RULE_LABELS[value] })), admin: { width: '50%' } },
        {
          name: 'level',
          type: 'select',
          required: true,
          defaultValue: 'blocking',
          options: [
            { value: 'blocking', label: 'Blocking: refuse the publish' },
            { value: 'warning', label: 'Warning: show it, publish anyway' },
          ],
          admin: { width: '30%' },
        },
        { name: 'active', type: 'checkbox', defaultValue: true, admin: { width: '20%' } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'channel',
          type: 'select',
          options: CHANNELS.map((value) => ({ value, label: value === 'web' ? 'Web' : value === 'email' ? 'Email' : 'Screen' })),
          admin: { width: '33%', description: 'Empty for every channel.' },
        },
        {
          name: 'kind',
          type: 'select',
          options: BLOCK_KINDS.map((value) => ({ value, label: BLOCK_KIND_EDITING[value].label })),
          admin: { width: '33%', description: 'Empty for every kind of block.', condition: uses('headlineLength', 'imageResolution', 'toneWords') },
        },
        {
          name: 'tone',
          type: 'select',
          options: TONES.map(({ label, value }) => ({ label, value })),
          validate: requiredWhen(['toneWords'], 'A tone'),
          admin: { width: '34%', condition: uses('toneWords') },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'min', type: 'number', min: 0, label: 'Minimum characters', validate: requiredWhen(['preheaderLength'], 'A minimum'), admin: { width: '25%', condition: uses('preheaderLength') } },
        {
          name: 'max',
          type: 'number',
          min: 0,
          label: 'Maximum (characters, or bytes for the email size)',
          validate: validateMax,
          admin: { width: '25%', condition: uses('headlineLength', 'subjectLength', 'preheaderLength', 'emailSize'), placeholder: String(GMAIL_CLIP_BYTES) },
        },
        { name: 'minWidth', type: 'number', min: 1, label: 'Minimum width (px)', validate: requiredWhen(['imageResolution'], 'A minimum width'), admin: { width: '25%', condition: uses('imageResolution') } },
        { name: 'minHeight', type: 'number', min: 1, label: 'Minimum height (px)', admin: { width: '25%', condition: uses('imageResolution') } },
      ],
    },
    {
      name: 'words',
      type: 'text',
      hasMany: true,
      validate: requiredWhen(['toneWords'], 'At least one word'),
      admin: { condition: uses('toneWords'), description: 'Whole words, matched without regard to case or accents.' },
    },
  ],
}
