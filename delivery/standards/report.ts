/**
 * The standards report: every violation in published content, in every
 * locale, with where to fix it. The daily count (trend.ts) and the dashboard
 * read the same report, so their numbers agree.
 */
import type { Payload, PayloadRequest } from 'payload'

import { LOCALES, type Locale } from '../../engine'
import { emailBytesAtPublish, publishedEmailBytes } from '../render'
import { CompileError } from '../snapshot'
import { activeStandards, blockFindings, pageFindings, type DocumentFinding } from './findings'
import { check, type Finding, type Standard, type StandardLevel } from './rules'

export type Violation = {
  standard: { id: string; name: string; level: StandardLevel }
  finding: Finding
  collection: 'blocks' | 'pages'
  id: string
  title: string
  locale: Locale
  /** Payload's field path, e.g. "variants.0.content.headline". */
  path: string
  variant?: string
  /** The admin page to fix it in. */
  href: string
}

export type StandardsReport = { violations: Violation[]; blocking: number; warnings: number; checkedAt: string }

type Named = { id: string | number; name?: string | null; title?: string | null; slug?: string | null }

function violationsOf(collection: Violation['collection'], doc: Named, locale: Locale, findings: DocumentFinding[]): Violation[] {
  return findings.map(({ standard, finding, content }) => ({
    standard: { id: standard.id, name: standard.name, level: standard.level },
    finding,
    collection,
    id: String(doc.id),
    title: doc.name ?? doc.title ?? String(doc.id),
    locale,
    path: content.path,
    ...(content.variant ? { variant: content.variant } : {}),
    href: `/admin/collections/${collection}/${doc.id}${locale === 'en' ? '' : `?locale=${locale}`}`,
  }))
}

/** What the email size standards find in an email of `bytes`, reported on `path`. */
export function emailSizeFindings(standards: readonly Standard[], bytes: number, path: string): DocumentFinding[] {
  const content = { field: 'emailHtml' as const, path, bytes, channels: ['email' as const] }
  return standards.flatMap((standard) => {
    if (standard.rule !== 'emailSize') return []
    const finding = check(standard, content)
    return finding ? [{ standard, finding, content }] : []
  })
}

/**
 * The blocking email size standards at the publish of an email page: its
 * HTML as that publish would serve it, reported on its slots (what makes the
 * email's size).
 */
export async function emailSizeAtPublish(payload: Payload, data: Record<string, unknown>, locale: Locale, id: string | number | undefined, standards: readonly Standard[], req?: PayloadRequest): Promise<DocumentFinding[]> {
  if (data.channel !== 'email' || !standards.some((standard) => standard.rule === 'emailSize')) return []
  let bytes: number | undefined
  try {
    bytes = await emailBytesAtPublish(payload, data, locale, id, req)
  } catch (error) {
    // A page that cannot compile yet is refused by its own fields' checks, each named; its size is measured once it compiles.
    if (error instanceof CompileError) return []
    throw error
  }
  return bytes === undefined ? [] : emailSizeFindings(standards, bytes, 'slots')
}

export async function standardsReport(payload: Payload): Promise<StandardsReport> {
  const standards = await activeStandards(payload)
  const violations: Violation[] = []
  if (standards.length) {
    const published = { _status: { equals: 'published' } }
    for (const locale of LOCALES) {
      const [blocks, pages] = await Promise.all([
        payload.find({ collection: 'blocks', where: published, locale, fallbackLocale: false, pagination: false, depth: 0, overrideAccess: true }),
        payload.find({ collection: 'pages', where: published, locale, fallbackLocale: false, pagination: false, depth: 0, overrideAccess: true }),
      ])
      for (const block of blocks.docs) violations.push(...violationsOf('blocks', block, locale, await blockFindings(payload, block as never, standards)))
      for (const page of pages.docs) {
        violations.push(...violationsOf('pages', page, locale, pageFindings(page as never, standards)))
        const sizeStandards = standards.filter((standard) => standard.rule === 'emailSize')
        if (page.channel !== 'email' || sizeStandards.length === 0 || !page.slug) continue
        const bytes = await publishedEmailBytes(payload, page.slug, locale)
        if (bytes === undefined) continue
        violations.push(...violationsOf('pages', page, locale, emailSizeFindings(sizeStandards, bytes, 'email')))
      }
    }
  }
  const blocking = violations.filter((violation) => violation.standard.level === 'blocking').length
  return { violations, blocking, warnings: violations.length - blocking, checkedAt: new Date().toISOString() }
}
