/**
 * Blocking experience standards, enforced where Payload validates: on the
 * field itself, when a document is published. The admin then names the field
 * (in its language) and shows the standard's message under it; drafts save
 * freely. Warnings never refuse: the standards panel shows them.
 */
import type { Validate } from 'payload'
import { array, text, upload } from 'payload/shared'

import { activeStandards, blockFindings, emailSizeAtPublish, pageFindings, type BlockDraft, type PageDraft } from '../../delivery/standards'
import { LOCALES, type Locale } from '../../engine'
import { findingMessage } from '../admin/findingMessage'

/** What Payload would have checked had the field no validate of its own (a custom validate replaces it). */
const payloadDefault: Validate = (value, options) => {
  const field = options as unknown as { type?: string; editor?: { validate?: Validate } }
  if (field.type === 'richText') return field.editor?.validate ? field.editor.validate(value, options) : true
  if (field.type === 'upload') return upload(value, options as never)
  if (field.type === 'text') return text(value, options as never)
  if (field.type === 'array') return array(value as never, options as never)
  return true
}

/** The content locale being saved (Payload's `req.locale`), else the default one. */
const localeOf = (locale: string | undefined): Locale => ((LOCALES as readonly string[]).includes(locale ?? '') ? (locale as Locale) : LOCALES[0])

export const meetsStandards =
  (next: Validate = payloadDefault): Validate =>
  async (value, options) => {
    const earlier = await next(value, options)
    if (earlier !== true) return earlier
    const { data, req, event, path, collectionSlug, id } = options
    // While typing, the form asks for validation too; standards speak at publish.
    if (event === 'onChange' || !req?.payload) return true
    if ((data as { _status?: string } | undefined)?._status !== 'published') return true
    const standards = (await activeStandards(req.payload, req)).filter((standard) => standard.level === 'blocking')
    if (standards.length === 0) return true
    const at = path.join('.')
    const findings =
      collectionSlug === 'pages'
        ? [
            ...pageFindings(data as PageDraft, standards),
            // The email's HTML as this publish would serve it: measured once, on its slots.
            ...(at === 'slots' ? await emailSizeAtPublish(req.payload, data as Record<string, unknown>, localeOf(req.locale), id, standards, req) : []),
          ]
        : await blockFindings(req.payload, { ...(data as BlockDraft), id }, standards, req)
    const here = findings.filter((found) => found.content.path === at)
    if (here.length === 0) return true
    const t = req.t as unknown as (key: string, variables?: Record<string, unknown>) => string
    return here.map((found) => findingMessage(t, found.standard.name, found.finding)).join(' ')
  }
