/**
 * What blocks and pages share: editors write, reviewers read, drafts and
 * versions with scheduled publishing, and a publish compiles the snapshot.
 */
import type { CollectionConfig } from 'payload'

import { deliveryHooks } from '../../delivery/snapshot'
import { contentAccess } from '../access'

export const editorialWorkflow: Pick<CollectionConfig, 'access' | 'hooks' | 'versions'> = {
  access: contentAccess,
  hooks: deliveryHooks,
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
}
