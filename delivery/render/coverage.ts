/**
 * The coverage matrix: for a block (or each slot of a page), which variant a
 * member of each segment that can see it (and everyone else) gets, on every
 * channel and in every locale. Every cell is a real decision of the engine
 * on the live snapshot, so the matrix cannot disagree with the render API.
 */
import type { Payload } from 'payload'

import { CHANNELS, decisionContext, PERSONALIZATION, resolvePage, type Channel, type CompiledBlock, type DeliveryManifest, type Locale, type PageBundle } from '../../engine'
import { liveBundle, liveManifest } from '../snapshot'
import { DEFAULT_TIMEZONE } from './decide'

export type CoverageRow = { segment: { id: string; slug: string } | null }

export type CoverageCell = {
  channel: Channel
  locale: Locale
  /** The variant a member gets; null: the default content. */
  variant: { id: string; label: string } | null
  /** Falls back to the block's default content. */
  fallsBackToDefault: boolean
  /** The default content shown is not written in this locale (the default locale's is). */
  otherLocale: boolean
  /** The variant shown was written for every channel, not this one. */
  allChannels: boolean
  /** Variants meant for this audience and channel, left out because they are not written in this locale. */
  missingLocale: { id: string; label: string }[]
}

export type BlockCoverage = {
  block: { id: string; kind: CompiledBlock['kind'] }
  rows: (CoverageRow & { cells: CoverageCell[] })[]
  channels: Channel[]
  locales: Locale[]
  /** A published page showing the block on each channel, to preview it in. */
  pages: Partial<Record<Channel, string>>
}

export type CoverageFailure = { status: 404 | 503; code: string; message: string }

/** A gap: a segment's members get the default content, the text is another locale's, or a variant was left out for want of this locale. */
export const isGap = (cell: CoverageCell, row: CoverageRow) => (row.segment !== null && cell.fallsBackToDefault) || cell.otherLocale || cell.missingLocale.length > 0

function coverageOf(manifest: DeliveryManifest, bundle: PageBundle, block: CompiledBlock, channels: readonly Channel[], pages: BlockCoverage['pages']): BlockCoverage {
  const single: PageBundle = { ...bundle, slots: [block.id], email: undefined }
  const audienceIds = new Set(block.variants.flatMap((variant) => variant.audience))
  const segments = manifest.segments.filter((segment) => audienceIds.has(segment.id))
  const rows: CoverageRow[] = [...segments.map((segment) => ({ segment: { id: segment.id, slug: segment.slug } })), { segment: null }]
  const now = Date.now()
  return {
    block: { id: block.id, kind: block.kind },
    channels: [...channels],
    locales: [...manifest.locales],
    pages,
    rows: rows.map((row) => ({
      ...row,
      cells: channels.flatMap((channel) =>
        manifest.locales.map((locale): CoverageCell => {
          const context = decisionContext(
            // A member: personalization allowed, the segment vouched for. Everyone else: no visitor data at all.
            row.segment ? { channel, locale, consents: [PERSONALIZATION], segments: [row.segment.slug] } : { channel, locale },
            { channel, locale: manifest.defaultLocale, timezone: DEFAULT_TIMEZONE, now, stores: manifest.stores },
          )
          const resolved = resolvePage(manifest, single, context).blocks[0]
          const chosen = resolved?.variant ? block.variants.find((variant) => variant.id === resolved.variant!.id) : undefined
          const meantHere = block.variants.filter(
            (variant) =>
              (variant.channels.length === 0 || variant.channels.includes(channel)) &&
              (variant.audience.length === 0 || (row.segment !== null && variant.audience.includes(row.segment.id))) &&
              variant.content[locale] === undefined,
          )
          return {
            channel,
            locale,
            variant: chosen ? { id: chosen.id, label: chosen.label } : null,
            fallsBackToDefault: !chosen,
            otherLocale: !chosen && block.content[locale] === undefined,
            allChannels: Boolean(chosen && chosen.channels.length === 0),
            missingLocale: meantHere.map((variant) => ({ id: variant.id, label: variant.label })),
          }
        }),
      ),
    })),
  }
}

async function bundlesOf(payload: Payload, manifest: DeliveryManifest): Promise<PageBundle[]> {
  const bundles = await Promise.all(Object.keys(manifest.pages).map((slug) => liveBundle(payload, manifest, slug)))
  return bundles.filter((bundle): bundle is PageBundle => Boolean(bundle))
}

/** A published block's coverage on every channel, from the live snapshot. */
export async function blockCoverage(payload: Payload, blockId: string): Promise<{ ok: true; coverage: BlockCoverage } | { ok: false; failure: CoverageFailure }> {
  const manifest = await liveManifest(payload)
  if (!manifest) return { ok: false, failure: { status: 503, code: 'no_snapshot', message: 'Nothing has been published yet.' } }
  const bundles = await bundlesOf(payload, manifest)
  const showing = bundles.filter((bundle) => bundle.blocks[blockId])
  if (showing.length === 0) return { ok: false, failure: { status: 404, code: 'block_not_live', message: 'This block is on no published page: publish a page that shows it.' } }
  const pages: BlockCoverage['pages'] = {}
  for (const bundle of showing) pages[bundle.channel] ??= bundle.slug
  return { ok: true, coverage: coverageOf(manifest, showing[0]!, showing[0]!.blocks[blockId]!, CHANNELS, pages) }
}

/** A published page's coverage, slot by slot, on its own channel. */
export async function pageCoverage(payload: Payload, slug: string): Promise<{ ok: true; slots: BlockCoverage[]; channel: Channel } | { ok: false; failure: CoverageFailure }> {
  const manifest = await liveManifest(payload)
  if (!manifest) return { ok: false, failure: { status: 503, code: 'no_snapshot', message: 'Nothing has been published yet.' } }
  const bundle = await liveBundle(payload, manifest, slug)
  if (!bundle) return { ok: false, failure: { status: 404, code: 'page_not_found', message: `No published page has the slug “${slug}”.` } }
  const slots = bundle.slots.flatMap((id) => (bundle.blocks[id] ? [coverageOf(manifest, bundle, bundle.blocks[id], [bundle.channel], { [bundle.channel]: slug })] : []))
  return { ok: true, slots, channel: bundle.channel }
}

/** Every gap of every published page, for the dashboard: one count, the same cells the matrix flags. */
export async function coverageGaps(payload: Payload): Promise<{ page: string; slot: number; block: string; gaps: number }[]> {
  const manifest = await liveManifest(payload)
  if (!manifest) return []
  const found: { page: string; slot: number; block: string; gaps: number }[] = []
  for (const slug of Object.keys(manifest.pages)) {
    const result = await pageCoverage(payload, slug)
    if (!result.ok) continue
    result.slots.forEach((slot, index) => {
      const gaps = slot.rows.reduce((sum, row) => sum + row.cells.filter((cell) => isGap(cell, row)).length, 0)
      if (gaps) found.push({ page: slug, slot: index, block: slot.block.id, gaps })
    })
  }
  return found
}
