/**
 * One recipient's email: the compiled templates filled with their values
 * (HTML-escaped in the HTML part, as is in the text part, on one line in the
 * subject and preheader) and the unsubscribe headers mailbox providers
 * require of bulk senders (RFC 2369, and RFC 8058 one-click). Pure string
 * work, no MJML: it runs per recipient, in any runtime.
 */
import { z } from 'zod'

import { safeHref } from '../../engine'
import type { CompiledEmail } from './compileEmail'
import { fillTemplate, type PlaceholderValues } from '../shared/template'

/** Who an email goes to, as a send job lists them. `email` is the address, not a token. */
export const EmailRecipientSchema = z.object({
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  email: z.string().optional(),
  store: z.string().optional(),
  offerCode: z.string().optional(),
})
export type EmailRecipient = z.infer<typeof EmailRecipientSchema>

export const EmailLinksSchema = z.object({
  /** Absolute URL (https for one-click): it also receives the one-click POST (RFC 8058). */
  unsubscribeUrl: z.url({ protocol: /^https?$/ }),
  preferencesUrl: z.url({ protocol: /^https?$/ }),
  /** A `mailto:` address, offered to clients that unsubscribe by email. */
  unsubscribeMailto: z.string().regex(/^mailto:\S+$/i).optional(),
  /** A signed token identifying the recipient on the pages they open from the email. */
  visitToken: z.string().regex(/^[\w.-]+$/).optional(),
  /** A signed token that records one-click answers to the questions this email asks. */
  answerToken: z.string().regex(/^[\w.-]+$/).optional(),
})
export type EmailLinks = z.infer<typeof EmailLinksSchema>

export type RenderedEmail = { subject: string; preheader: string; html: string; text: string; headers: Record<string, string> }

/** No whitespace, angle brackets or quotes: the URL goes into a header between <…>, and into href="…". */
const HEADER_SAFE = /^[^\s<>"]+$/
const SCHEMES = { web: /^https?:\/\//i, mailto: /^mailto:/i } as const
const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//i

/** Checked for every recipient (cheaply), because a bad link here breaks a header or the footer. */
function checkedLink(url: string, scheme: keyof typeof SCHEMES, name: keyof EmailLinks): string {
  const allowed = safeHref(url)
  if (!allowed || !SCHEMES[scheme].test(allowed) || !HEADER_SAFE.test(allowed)) {
    throw new TypeError(`personalizeEmail: links.${name} must be an absolute ${scheme === 'web' ? 'http(s)' : 'mailto:'} URL, got "${url}"`)
  }
  return allowed
}

const value = (raw: unknown): string | undefined => (typeof raw === 'string' ? raw.trim() || undefined : undefined)

export function personalizeEmail(compiled: CompiledEmail, recipient: EmailRecipient, links: EmailLinks): RenderedEmail {
  const unsubscribeUrl = checkedLink(links.unsubscribeUrl, 'web', 'unsubscribeUrl')
  const preferencesUrl = checkedLink(links.preferencesUrl, 'web', 'preferencesUrl')
  const values: PlaceholderValues = {
    firstName: value(recipient.firstName),
    lastName: value(recipient.lastName),
    store: value(recipient.store),
    offerCode: value(recipient.offerCode),
    unsubscribeUrl,
    preferencesUrl,
    ...(links.visitToken && /^[\w.-]+$/.test(links.visitToken)
      ? { visitQueryFirst: `?tessera=${links.visitToken}`, visitQueryNext: `&tessera=${links.visitToken}` }
      : {}),
    ...(links.answerToken && /^[\w.-]+$/.test(links.answerToken) ? { answerToken: links.answerToken } : {}),
  }

  const unsubscribeTargets = [`<${unsubscribeUrl}>`]
  if (links.unsubscribeMailto) unsubscribeTargets.push(`<${checkedLink(links.unsubscribeMailto, 'mailto', 'unsubscribeMailto')}>`)
  const headers: Record<string, string> = { 'List-Unsubscribe': unsubscribeTargets.join(', ') }
  // RFC 8058 one-click applies to an https URL only; a loopback origin (the demo, tests) stands in for one.
  if (/^https:/i.test(unsubscribeUrl) || LOOPBACK.test(unsubscribeUrl)) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'

  return {
    subject: fillTemplate(compiled.subject, values),
    preheader: fillTemplate(compiled.preheader, values),
    html: fillTemplate(compiled.html, values),
    text: fillTemplate(compiled.text, values),
    headers,
  }
}
