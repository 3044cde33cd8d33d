/**
 * The axes a variant is chosen by: tone, length, channels, audience and an
 * active window. Blocks and email subject lines share them.
 */
import type { Field, RowField, SelectField, Validate } from 'payload'

import { CHANNELS, LENGTHS } from '../../engine'
import { TONES } from './tones'

export const toneField = (overrides: Partial<SelectField> = {}): SelectField => ({
  name: 'tone',
  type: 'select',
  required: true,
  options: TONES.map(({ label, value }) => ({ label, value })),
  ...overrides,
} as SelectField)

export const lengthField = (overrides: Partial<SelectField> = {}): SelectField => ({
  name: 'length',
  type: 'select',
  required: true,
  options: LENGTHS.map((value) => ({ label: value[0]!.toUpperCase() + value.slice(1), value })),
  ...overrides,
} as SelectField)

/** A variant's tone and length side by side; `validateTone` says when the variant is not distinct (variantIdentity.ts). */
export const variantToneAndLength = (validateTone: Validate): RowField => ({
  type: 'row',
  fields: [toneField({ validate: validateTone, admin: { width: '50%' } }), lengthField({ defaultValue: 'medium', admin: { width: '50%' } })],
})

export const channelsField: Field = {
  name: 'channels',
  type: 'select',
  hasMany: true,
  options: CHANNELS.map((value) => ({ label: value === 'web' ? 'Web' : value === 'email' ? 'Email' : 'Screen', value })),
  admin: { description: 'Leave empty for every channel.' },
}

export const audienceField: Field = {
  name: 'audience',
  type: 'relationship',
  relationTo: 'segments',
  hasMany: true,
  admin: { description: 'Leave empty for everyone. A visitor in any of these segments qualifies.' },
}

export const activeWindowFields: Field = {
  type: 'row',
  fields: [
    { name: 'activeFrom', type: 'date', admin: { width: '50%', date: { pickerAppearance: 'dayAndTime' } } },
    {
      name: 'activeTo',
      type: 'date',
      admin: { width: '50%', date: { pickerAppearance: 'dayAndTime' } },
      validate: (value: unknown, { siblingData }: { siblingData: { activeFrom?: unknown } }) => {
        if (!value || !siblingData.activeFrom) return true
        return new Date(String(value)) > new Date(String(siblingData.activeFrom)) || 'The window must end after it starts'
      },
    },
  ],
}
