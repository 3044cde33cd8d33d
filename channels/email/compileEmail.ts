/**
 * Compiles an assembled page into an email, once per decision: MJML runs here
 * (the slow part: layout tables, Outlook conditionals, CSS inlining), and the
 * result is kept as templates whose holes personalizeEmail fills for each
 * recipient.
 */
import mjml2html from 'mjml'

import type { ResolvedPage } from '../../engine'
import { intlLocale } from '../shared/format'
import { PlaceholderSet } from '../shared/placeholders'
import { splitTemplate, type EmailTemplate, type TemplateFormat } from '../shared/template'
import { prepareEmailDocument, type EmailOptions } from './emailContent'
import { emailMjml } from './emailMjml'
import { emailText } from './emailText'

export type { EmailOptions } from './emailContent'

/** Plain data: it can be cached, or sent to the workers of a large send. */
export type CompiledEmail = {
  subject: EmailTemplate
  preheader: EmailTemplate
  html: EmailTemplate
  text: EmailTemplate
  /** Worth showing an editor before sending: unknown tokens, MJML validation messages. */
  warnings: string[]
}

/**
 * MJML indents its output for people to read; the indentation is a third of
 * the bytes, and Gmail clips messages past ~102 KB. A run of whitespace that
 * starts a line renders exactly like a single line break (no <pre> here).
 */
const compactHtml = (html: string): string => html.replace(/\n\s+/g, '\n')

export async function compileEmail(resolved: ResolvedPage, options: EmailOptions): Promise<CompiledEmail> {
  const placeholders = new PlaceholderSet()
  const document = prepareEmailDocument(resolved, options, placeholders)
  const { html, errors } = await mjml2html(emailMjml(document), { validationLevel: 'soft', keepComments: false, fonts: {} })
  const locale = intlLocale(document.locale)
  const split = (marked: string, format: TemplateFormat) => splitTemplate(marked, format, placeholders.placeholders, locale)
  return {
    subject: split(document.subject, 'line'),
    preheader: split(document.preheader, 'line'),
    html: split(compactHtml(html), 'html'),
    text: split(emailText(document), 'text'),
    warnings: [
      ...[...placeholders.unknownTokens].map((token) => `Unknown personalization token ${token}: it is sent as written.`),
      ...errors.map((error) => `MJML: ${error.formattedMessage}`),
    ],
  }
}
