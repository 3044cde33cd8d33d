/**
 * Helpers every renderer shares for the snapshot's rich text: the link
 * allow-list (checked when compiling and again when rendering) and a real
 * plain-text rendering (for email text parts and screens).
 */
import type { RichInline, RichText } from './snapshot'

const SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:'])
const SITE = 'https://site.invalid'
/** Characters no address of ours contains: white space, controls, and the backslash browsers read as a slash ("/\\evil.example" opens evil.example). */
const FORBIDDEN = /[\u0000-\u0020\u007f-\u009f\\]/

const parsed = (href: string, base?: string): URL | undefined => {
  try {
    return new URL(href, base)
  } catch {
    return undefined
  }
}

/**
 * The one link vetting of the platform (admin validation, compile and every
 * channel call it): the address we are willing to render, or undefined.
 * http(s) with a host and no credentials, mailto:, tel:, fragments, and paths
 * that stay on this site once a browser resolves them. Judged by parsing the
 * URL as a browser would, never by a pattern on its text; what comes back is
 * the address as written.
 */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined
  const trimmed = href.trim()
  if (!trimmed || FORBIDDEN.test(trimmed)) return undefined
  if (trimmed.startsWith('#')) return trimmed
  if (trimmed.startsWith('/')) return parsed(trimmed, SITE)?.origin === SITE ? trimmed : undefined
  const url = parsed(trimmed)
  if (!url || !SCHEMES.has(url.protocol)) return undefined
  if (url.protocol === 'http:' || url.protocol === 'https:') return /^https?:\/\//i.test(trimmed) && url.hostname && !url.username && !url.password ? trimmed : undefined
  if (url.protocol === 'tel:') return /^tel:\+?[\d().-]+$/i.test(trimmed) ? trimmed : undefined
  return url.pathname ? trimmed : undefined
}

function inlineText(nodes: readonly RichInline[], links: 'inline' | 'drop'): string {
  let text = ''
  for (const node of nodes) {
    if (node.type === 'text') text += node.text
    else if (node.type === 'break') text += '\n'
    else {
      const label = inlineText(node.children, links)
      const href = safeHref(node.href)
      text += links === 'inline' && href && href !== label && !href.startsWith('#') ? `${label} (${href})` : label
    }
  }
  return text
}

/** Plain text: paragraphs separated by blank lines, lists with bullets or numbers, links as "label (url)". */
export function plainText(richText: RichText | undefined, links: 'inline' | 'drop' = 'inline'): string {
  if (!richText) return ''
  return richText
    .map((node) => {
      switch (node.type) {
        case 'list':
          return node.items.map((item, index) => `${node.ordered ? `${index + 1}.` : '•'} ${inlineText(item, links)}`).join('\n')
        case 'quote':
          return inlineText(node.children, links)
            .split('\n')
            .map((line) => `> ${line}`)
            .join('\n')
        default:
          return inlineText(node.children, links)
      }
    })
    .join('\n\n')
}
