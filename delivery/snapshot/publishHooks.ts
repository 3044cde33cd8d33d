/**
 * Collection hooks that keep the delivery snapshot in step with what is
 * published: any publish, unpublish or delete of content that feeds delivery
 * asks for a compile. Saving a draft of an unpublished document does not.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { requestCompile } from './liveSnapshot'

const isDraft = (doc: unknown) => (doc as { _status?: string } | undefined)?._status === 'draft'

const afterChange: CollectionAfterChangeHook = ({ collection, doc, previousDoc, operation, req }) => {
  if (!(isDraft(doc) && (operation === 'create' || isDraft(previousDoc)))) {
    requestCompile(req.payload, `${collection.slug} ${operation}`)
  }
  return doc
}

const afterDelete: CollectionAfterDeleteHook = ({ collection, req }) => {
  requestCompile(req.payload, `${collection.slug} delete`)
}

export const deliveryHooks = { afterChange: [afterChange], afterDelete: [afterDelete] }
