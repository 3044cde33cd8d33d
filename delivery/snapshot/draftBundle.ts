/**
 * A page as its latest drafts would compile (the page's draft and each slot's
 * block draft), for an editor's preview only: built in memory for one
 * request, never stored, never part of a snapshot, so it can never be served.
 */
import type { Payload } from 'payload'

import { LOCALES, type Media, type PageBundle, PageBundleSchema } from '../../engine'
import { CompileError, compileBlock, compileMedia, compilePage, type BlockDoc, type MediaDoc, type PageDoc } from './compileDocuments'

const idOf = (value: unknown): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : typeof value === 'object' ? idOf((value as { id?: unknown }).id) : String(value)

export async function draftBundle(payload: Payload, pageId: string): Promise<PageBundle | undefined> {
  const page = (await payload.findByID({ collection: 'pages', id: pageId, locale: 'all', depth: 0, draft: true, overrideAccess: true, disableErrors: true })) as unknown as PageDoc | null
  if (!page) return undefined
  const ids = [...new Set((page.slots ?? []).map((slot) => idOf(slot.block)).filter((id): id is string => Boolean(id)))]
  const blocks = new Map<string, ReturnType<typeof compileBlock>>()
  for (const id of ids) {
    const doc = await payload.findByID({ collection: 'blocks', id, locale: 'all', depth: 0, draft: true, overrideAccess: true, disableErrors: true })
    if (doc) blocks.set(id, compileBlock(doc as unknown as BlockDoc))
  }
  const imageIds = new Set<string>()
  for (const block of blocks.values()) {
    for (const content of [block.content, ...block.variants.map((variant) => variant.content)]) {
      for (const locale of LOCALES) if (content[locale]?.image) imageIds.add(content[locale]!.image!)
    }
  }
  const media = new Map<string, Media>()
  if (imageIds.size) {
    const { docs } = await payload.find({ collection: 'media', where: { id: { in: [...imageIds] } }, locale: 'all', depth: 0, pagination: false, overrideAccess: true })
    for (const doc of docs) media.set(String(doc.id), compileMedia(doc as unknown as MediaDoc))
  }
  const { docs: purposes } = await payload.find({ collection: 'consent-purposes', depth: 0, pagination: false, overrideAccess: true, select: { slug: true } })
  const parsed = PageBundleSchema.safeParse(compilePage(page, blocks, media, new Map(purposes.map((doc) => [String(doc.id), String(doc.slug)]))))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new CompileError(`Draft of page “${page.slug}”: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  return parsed.data
}
