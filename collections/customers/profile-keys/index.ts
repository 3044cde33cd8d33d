import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access'

/**
 * The index from an identifier to its profile: `v:<visitor id>`,
 * `c:<customer id>`, `e:<email>`. One row per identifier, so a lookup is one
 * indexed read, and merging two profiles re-points rows instead of rewriting
 * history.
 */
export const ProfileKeys: CollectionConfig = {
  slug: 'profile-keys',
  admin: { hidden: true },
  access: { read: isStaff, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'profile', type: 'relationship', relationTo: 'profiles', required: true, index: true },
  ],
}
