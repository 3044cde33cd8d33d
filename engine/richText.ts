/**
 * Helpers every renderer shares for the snapshot's rich text: the link
 * allow-list (checked when compiling and again when rendering) and a real
 * plain-text rendering (for email text parts and screens).
 */
import type { RichInline, RichText } from './snapshot'

const SAFE_HREF = /^(https?:\/\/\S+|mailto:\S+|tel:[+\d().-]+|\/(?!\/)\S*|#\S*)$/i

/**
 * A link address we are willing to render, or undefined: http(s), mailto,
 * tel, site paths and fragments. Whitespace or control characters anywhere
 * (the "java\tscript:" trick) disqualify it, as does any other scheme.
 */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined
  const trimmed = href.trim()
  if (/[\u0000-\u0020\u007f-\u009f]/.test(trimmed)) return undefined
  return SAFE_HREF.test(trimmed) ? trimmed : undefined
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
