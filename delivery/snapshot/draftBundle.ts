/**
 * A page as its latest drafts would compile (the page's draft and each slot's
 * block draft), for an editor's preview only: built in memory for one
 * request, never stored, never part of a snapshot, so it can never be served.
 */
import type { Field, Payload, PayloadRequest } from 'payload'

import { LOCALES, type Media, type PageBundle, PageBundleSchema } from '../../engine'
import { CompileError, compileBlock, compileMedia, compilePage, type BlockDoc, type MediaDoc, type PageDoc } from './compileDocuments'

const idOf = (value: unknown): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : typeof value === 'object' ? idOf((value as { id?: unknown }).id) : String(value)

export async function draftBundle(payload: Payload, pageId: string): Promise<PageBundle | undefined> {
  const page = (await payload.findByID({ collection: 'pages', id: pageId, locale: 'all', depth: 0, draft: true, overrideAccess: true, disableErrors: true })) as unknown as PageDoc | null
  if (!page) return undefined
  return bundleOfPage(payload, page, 'draft')
}

type Doc = Record<string, unknown>
const isDoc = (value: unknown): value is Doc => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A document as a save holds it (one locale's values) in the every-locale
 * shape the compiler reads: each localized field keeps the stored document's
 * other locales and takes the saved value in `locale`. Walks the collection's
 * own field config, so no field list is repeated here.
 */
function inAllLocales(fields: readonly Field[], data: Doc, stored: Doc | undefined, locale: string): Doc {
  const out: Doc = { ...stored, ...data }
  localize(fields, data, stored, locale, out)
  return out
}

/** Writes into `out` the every-locale value of each field at this level (rows, collapsibles and unnamed tabs hold theirs here). */
function localize(fields: readonly Field[], data: Doc, stored: Doc | undefined, locale: string, out: Doc): void {
  for (const field of fields) {
    if (!('name' in field)) {
      if ('fields' in field) localize(field.fields, data, stored, locale, out)
      if (field.type === 'tabs') for (const tab of field.tabs) if (!('name' in tab)) localize(tab.fields, data, stored, locale, out)
      continue
    }
    const name = field.name
    if (!(name in data)) continue
    const value = data[name]
    const before = stored?.[name]
    if ('localized' in field && field.localized) out[name] = { ...(isDoc(before) ? before : {}), [locale]: value }
    else if (field.type === 'group' && isDoc(value)) out[name] = inAllLocales(field.fields, value, isDoc(before) ? before : undefined, locale)
    else if (field.type === 'array' && Array.isArray(value)) {
      const rows = Array.isArray(before) ? (before as Doc[]) : []
      out[name] = value.map((row: unknown) => (isDoc(row) ? inAllLocales(field.fields, row, rows.find((candidate) => candidate.id === row.id), locale) : row))
    }
  }
}

/**
 * The page a publish is about to store (its data in the locale saved, over
 * the stored page's other locales), compiled with its blocks as published:
 * what that publish would serve, for the publish checks. In memory only.
 */
export async function bundleOfPageSave(payload: Payload, data: Doc, locale: string, id: string | number | undefined, req?: PayloadRequest, blocksAs: 'draft' | 'published' = 'published'): Promise<PageBundle> {
  const page = await inAllLocalesOf(payload, 'pages', data, locale, id, req)
  return bundleOfPage(payload, { ...page, id: id ?? 'unsaved' } as unknown as PageDoc, blocksAs, req)
}

/** A block as the editor's form holds it now (one locale's values over the stored draft's others), compiled: the live preview's. */
export async function compiledBlockOfForm(payload: Payload, data: Doc, locale: string, id: string | number, req?: PayloadRequest): Promise<ReturnType<typeof compileBlock>> {
  return compileBlock({ ...(await inAllLocalesOf(payload, 'blocks', data, locale, id, req)), id } as unknown as BlockDoc)
}

async function inAllLocalesOf(payload: Payload, collection: 'pages' | 'blocks', data: Doc, locale: string, id: string | number | undefined, req?: PayloadRequest): Promise<Doc> {
  const stored = id === undefined ? null : await payload.findByID({ collection, id, locale: 'all', depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })
  return inAllLocales(payload.collections[collection].config.fields, data, (stored as Doc | null) ?? undefined, locale)
}

/**
 * A page document (every locale) compiled with its slots' blocks, as drafts
 * (the preview) or as published (what a publish of this page would serve:
 * the publish checks), in memory only.
 */
export async function bundleOfPage(payload: Payload, page: PageDoc, blocksAs: 'draft' | 'published', req?: PayloadRequest): Promise<PageBundle> {
  const ids = [...new Set((page.slots ?? []).map((slot) => idOf(slot.block)).filter((id): id is string => Boolean(id)))]
  const blocks = new Map<string, ReturnType<typeof compileBlock>>()
  for (const id of ids) {
    const doc = await payload.findByID({ collection: 'blocks', id, locale: 'all', depth: 0, draft: blocksAs === 'draft', overrideAccess: true, disableErrors: true, req })
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
    const { docs } = await payload.find({ collection: 'media', where: { id: { in: [...imageIds] } }, locale: 'all', depth: 0, pagination: false, overrideAccess: true, req })
    for (const doc of docs) media.set(String(doc.id), compileMedia(doc as unknown as MediaDoc))
  }
  const { docs: purposes } = await payload.find({ collection: 'consent-purposes', depth: 0, pagination: false, overrideAccess: true, select: { slug: true }, req })
  const parsed = PageBundleSchema.safeParse(compilePage(page, blocks, media, new Map(purposes.map((doc) => [String(doc.id), String(doc.slug)]))))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new CompileError(`Draft of page “${page.slug}”: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  return parsed.data
}
