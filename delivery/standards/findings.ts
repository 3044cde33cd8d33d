/**
 * Standards against stored documents: the active standards, where a block is
 * shown, the sizes of its images, and what each standard finds in a block or
 * a page. The publish check and the report both go through here.
 */
import type { Payload, PayloadRequest } from 'payload'

import { CHANNELS, type Channel } from '../../engine'
import { blockContents, imageIdsOf, pageContents, type BlockDraft, type ImageSize, type LocatedContent, type PageDraft } from './contents'
import { check, StandardSchema, type Finding, type Standard } from './rules'

export type DocumentFinding = { standard: Standard; finding: Finding; content: LocatedContent }

const CACHE_KEY = 'tessera.activeStandards'

/** The active standards, read once per request (a publish validates many fields). */
export async function activeStandards(payload: Payload, req?: PayloadRequest): Promise<Standard[]> {
  const cached = req?.context?.[CACHE_KEY] as Standard[] | undefined
  if (cached) return cached
  const { docs } = await payload.find({ collection: 'standards', where: { active: { equals: true } }, pagination: false, depth: 0, overrideAccess: true, req })
  const standards = docs.flatMap((doc) => {
    const parsed = StandardSchema.safeParse(doc)
    return parsed.success ? [parsed.data] : []
  })
  if (req) req.context = { ...req.context, [CACHE_KEY]: standards }
  return standards
}

/** The channels of the published pages that show a block: where its default content is seen. */
export async function servedChannels(payload: Payload, blockId: string | number | undefined, req?: PayloadRequest): Promise<Channel[]> {
  if (blockId === undefined) return []
  const key = `tessera.servedChannels.${blockId}`
  const cached = req?.context?.[key] as Channel[] | undefined
  if (cached) return cached
  const { docs } = await payload.find({
    collection: 'pages',
    where: { and: [{ 'slots.block': { equals: blockId } }, { _status: { equals: 'published' } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { channel: true },
  })
  const channels = CHANNELS.filter((channel) => docs.some((doc) => (doc as { channel?: string }).channel === channel))
  if (req) req.context = { ...req.context, [key]: channels }
  return channels
}

async function imageSizes(payload: Payload, ids: string[], req?: PayloadRequest): Promise<Map<string, ImageSize>> {
  if (ids.length === 0) return new Map()
  const { docs } = await payload.find({ collection: 'media', where: { id: { in: ids } }, pagination: false, depth: 0, overrideAccess: true, req, select: { width: true, height: true } })
  return new Map(docs.map((doc) => [String(doc.id), { width: (doc as ImageSize).width, height: (doc as ImageSize).height }]))
}

const findingsIn = (standards: Standard[], contents: LocatedContent[]): DocumentFinding[] =>
  contents.flatMap((content) =>
    standards.flatMap((standard) => {
      const finding = check(standard, content)
      return finding ? [{ standard, finding, content }] : []
    }),
  )

/** What the standards find in a block (one locale's values). */
export async function blockFindings(payload: Payload, block: BlockDraft & { id?: string | number }, standards: Standard[], req?: PayloadRequest): Promise<DocumentFinding[]> {
  if (standards.length === 0) return []
  const [served, images] = await Promise.all([servedChannels(payload, block.id, req), imageSizes(payload, imageIdsOf(block), req)])
  return findingsIn(standards, blockContents(block, served, images))
}

/** What the standards find in a page's own fields (an email's subjects and preheaders). */
export const pageFindings = (page: PageDraft, standards: Standard[]): DocumentFinding[] => findingsIn(standards, pageContents(page))
