/**
 * HTML every channel writes the same way: escaping (every string an editor or
 * a visitor wrote goes through it) and rich text from the snapshot's AST,
 * where links pass the allow-list again. Web pages and emails share it.
 */
import { safeHref, type RichInline, type RichText } from '../../engine'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (character) => ESCAPES[character]!)

const MARK_TAGS = { bold: 'strong', italic: 'em', underline: 'u', strikethrough: 's', code: 'code' } as const

function inlineHtml(nodes: readonly RichInline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'break') return '<br>'
      if (node.type === 'link') {
        const href = safeHref(node.href)
        const children = inlineHtml(node.children)
        if (!href) return children
        const target = node.newTab ? ' target="_blank" rel="noopener noreferrer"' : ''
        return `<a href="${escapeHtml(href)}"${target}>${children}</a>`
      }
      let html = escapeHtml(node.text)
      for (const mark of node.marks ?? []) html = `<${MARK_TAGS[mark]}>${html}</${MARK_TAGS[mark]}>`
      return html
    })
    .join('')
}

/** Rich text as HTML; an editor's h2 sits one level below the block's heading (offset = that level - 1). */
export function richTextHtml(richText: RichText | undefined, headingOffset = 1): string {
  return (richText ?? [])
    .map((node) => {
      switch (node.type) {
        case 'paragraph':
          return `<p>${inlineHtml(node.children)}</p>`
        case 'heading': {
          const level = Math.min(6, node.level + headingOffset)
          return `<h${level}>${inlineHtml(node.children)}</h${level}>`
        }
        case 'quote':
          return `<blockquote>${inlineHtml(node.children)}</blockquote>`
        case 'list': {
          const tag = node.ordered ? 'ol' : 'ul'
          return `<${tag}>${node.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`
        }
      }
    })
    .join('')
}
