/**
 * Fills a database with the synthetic workload, below the Local API (one
 * transaction, no hooks: this is setup, not what is measured): 40 segments,
 * N published blocks of 10 variants in English and French, and web pages of
 * 50 slots each.
 */
import type { Payload } from 'payload'

import { random, syntheticBlock, syntheticSegments } from './syntheticContent'

export const SLOTS_PER_PAGE = 50
export const VARIANTS_PER_BLOCK = 10
export const SEGMENT_COUNT = 40

let rowCounter = 0
/** Array rows need ids when written below the Local API (Payload normally adds them). */
function withRowIds<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((item) =>
      item && typeof item === 'object' && !Array.isArray(item) ? { id: (++rowCounter).toString(16).padStart(24, '0'), ...withRowIds(item) } : withRowIds(item),
    ) as T
  }
  if (value && typeof value === 'object' && !('root' in value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withRowIds(item)])) as T
  }
  return value
}

/** Above any id the demo content takes. */
const FIRST_BLOCK_ID = 1_000_000

export type FilledContent = { blockIds: (number | string)[]; pageSlugs: string[] }

/** Writes `blocks` blocks and `blocks / 50` web pages named `bench-0`, `bench-1`… */
export async function fillSyntheticContent(payload: Payload, blocks: number): Promise<FilledContent> {
  const transactionID = await payload.db.beginTransaction()
  const req = { transactionID, payload } as never
  try {
    const segmentIds: string[] = []
    for (const segment of syntheticSegments(SEGMENT_COUNT)) {
      const { id: _id, ...data } = segment
      const created = await payload.db.create({ collection: 'segments', data: withRowIds(data) as never, req })
      segmentIds.push(String(created.id))
    }
    const next = random(7)
    const blockIds: (number | string)[] = []
    for (let index = 0; index < blocks; index++) {
      const { id: _id, ...block } = syntheticBlock(index, VARIANTS_PER_BLOCK, segmentIds, next)
      // Below the Local API, a localized field is written as it is stored: one value per locale ({ en, fr }).
      const data = { ...block, variants: (block.variants ?? []).map(({ id: _variantId, ...variant }) => variant), _status: 'published' }
      // Ids chosen here, so nothing is read back (the read-back costs as much as the write).
      const id = FIRST_BLOCK_ID + index
      await payload.db.create({ collection: 'blocks', customID: id, data: withRowIds(data) as never, req, returning: false })
      blockIds.push(id)
    }
    const pageSlugs: string[] = []
    for (let page = 0; page * SLOTS_PER_PAGE < blocks; page++) {
      const slug = `bench-${page}`
      await payload.db.create({
        collection: 'pages',
        data: withRowIds({
          slug,
          title: { en: `Benchmark page ${page}`, fr: `Page de banc d’essai ${page}` },
          channel: 'web',
          slots: blockIds.slice(page * SLOTS_PER_PAGE, (page + 1) * SLOTS_PER_PAGE).map((block) => ({ block })),
          _status: 'published',
        }) as never,
        req,
      })
      pageSlugs.push(slug)
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
    return { blockIds, pageSlugs }
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
}
