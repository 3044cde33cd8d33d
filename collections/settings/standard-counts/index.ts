/** One count of standards violations in published content per day: the trend the report and the dashboard show. */
import type { CollectionConfig } from 'payload'

import { isStaff } from '../../access'

const nobody = () => false

export const StandardCounts: CollectionConfig = {
  slug: 'standard-counts',
  admin: { hidden: true, useAsTitle: 'day' },
  access: { read: isStaff, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'day', type: 'text', required: true, unique: true, index: true },
    { name: 'countedAt', type: 'date', required: true },
    { name: 'total', type: 'number', required: true },
    { name: 'blocking', type: 'number', required: true },
    { name: 'warnings', type: 'number', required: true },
  ],
}
