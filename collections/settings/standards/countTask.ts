/** Once a day, the violations in published content are counted and stored: the weekly trend reads these counts. */
import type { TaskConfig } from 'payload'

import { recordViolationCount } from '../../../delivery/standards'

export const countStandardViolations: TaskConfig<'countStandardViolations'> = {
  slug: 'countStandardViolations',
  label: 'Count standards violations',
  schedule: [{ cron: '0 0 3 * * *', queue: 'default' }],
  retries: 2,
  handler: async ({ req }) => {
    const count = await recordViolationCount(req.payload)
    return { output: { total: count.total } }
  },
  outputSchema: [{ name: 'total', type: 'number', required: true }],
}
