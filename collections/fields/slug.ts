import type { TextField } from 'payload'

import { SLUG } from '../../engine'

/** A unique, URL-safe identifier that APIs and segment references use. */
export function slugField(what: string): TextField {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    admin: { position: 'sidebar', description: `Identifies the ${what} in APIs: lowercase letters, digits and dashes.` },
    validate: (value: null | string | undefined) => {
      if (!value) return `Give the ${what} a slug`
      if (value.length > 64) return 'A slug has at most 64 characters'
      return SLUG.test(value) || 'Use lowercase letters, digits and single dashes, e.g. loyal-gold'
    },
  }
}
