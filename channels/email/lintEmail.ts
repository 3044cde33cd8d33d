/**
 * Checks an email's HTML and CSS against the Can I email database
 * (caniemail.com) for the clients most of our readers use. A finding is one
 * feature one client does not support (error) or supports only in part
 * (warning), with the database's notes on what goes wrong; repeats of the
 * same feature count once.
 */
import { doIUseEmail } from '@jsx-email/doiuse-email'

export const LINTED_EMAIL_CLIENTS = ['gmail.*', 'outlook.windows', 'outlook.macos', 'apple-mail.*'] as const

export type EmailLintFinding = {
  severity: 'error' | 'warning'
  /** As Can I email names it: "`border-radius`", "`<body> element`", "`@media`". */
  feature: string
  client: string
  notes: string[]
}

const FINDING = /^`(.+)` is (?:not|only partially) supported by `(.+)`$/
const NOTE = /^Note about `(.+)` support for `(.+?)`: (.+)$/s

export function lintEmail(html: string): EmailLintFinding[] {
  const result = doIUseEmail(html, { emailClients: [...LINTED_EMAIL_CLIENTS] })
  const notes = new Map<string, Set<string>>()
  for (const note of result.notes) {
    const match = NOTE.exec(note)
    if (!match) continue
    const key = `${match[1]}\u0000${match[2]}`
    if (!notes.has(key)) notes.set(key, new Set())
    notes.get(key)!.add(match[3]!)
  }

  const findings = new Map<string, EmailLintFinding>()
  const add = (severity: EmailLintFinding['severity'], message: string) => {
    const match = FINDING.exec(message)
    // Any message in an unexpected shape is kept whole rather than lost.
    const feature = match ? match[1]! : message
    const client = match ? match[2]! : ''
    const key = `${severity}\u0000${feature}\u0000${client}`
    if (!findings.has(key)) findings.set(key, { severity, feature, client, notes: [...(notes.get(`${feature}\u0000${client}`) ?? [])] })
  }
  for (const message of result.success ? [] : result.errors) add('error', message)
  for (const message of result.warnings) add('warning', message)
  return [...findings.values()]
}
