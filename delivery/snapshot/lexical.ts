/**
 * Lexical (Payload's rich-text editor) JSON → the snapshot's small rich-text
 * AST. Only known, harmless structure survives: paragraphs, headings, quotes,
 * lists, text with marks, line breaks and links with a safe address. Unknown
 * nodes keep their text and lose their structure; raw HTML has no node type
 * to live in; a link to javascript:, data: or anything unexpected loses its
 * address and keeps its words.
 */
import { type RichBlockNode, type RichInline, type RichMark, type RichText, safeHref } from '../../engine'

type LexicalNode = {
  type?: string
  text?: string
  format?: number | string
  tag?: string
  listType?: string
  children?: LexicalNode[]
  fields?: { url?: string; newTab?: boolean; linkType?: string }
  url?: string
}

// Lexical's text format bit flags.
const MARK_BITS: [number, RichMark][] = [
  [1, 'bold'],
  [2, 'italic'],
  [4, 'strikethrough'],
  [8, 'underline'],
  [16, 'code'],
]

function marksOf(format: LexicalNode['format']): RichMark[] | undefined {
  if (typeof format !== 'number' || format === 0) return undefined
  const marks = MARK_BITS.filter(([bit]) => (format & bit) !== 0).map(([, mark]) => mark)
  return marks.length > 0 ? marks : undefined
}

function inlines(nodes: LexicalNode[] | undefined): RichInline[] {
  const result: RichInline[] = []
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'text': {
        if (!node.text) break
        const marks = marksOf(node.format)
        result.push(marks ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text })
        break
      }
      case 'linebreak':
        result.push({ type: 'break' })
        break
      case 'tab':
        result.push({ type: 'text', text: '\t' })
        break
      case 'link':
      case 'autolink': {
        const children = inlines(node.children)
        const href = safeHref(node.fields?.url ?? node.url)
        if (href && node.fields?.linkType !== 'internal') {
          result.push(node.fields?.newTab ? { type: 'link', href, newTab: true, children } : { type: 'link', href, children })
        } else {
          result.push(...children)
        }
        break
      }
      default:
        // Unknown inline (mentions, custom nodes…): keep the words, drop the rest.
        result.push(...inlines(node.children))
        if (typeof node.text === 'string' && node.text && !node.children) result.push({ type: 'text', text: node.text })
    }
  }
  return result
}

function listItems(node: LexicalNode): RichInline[][] {
  const items: RichInline[][] = []
  for (const item of node.children ?? []) {
    // Nested lists are flattened into the parent list's items.
    const nested = (item.children ?? []).filter((child) => child.type === 'list')
    const own = inlines((item.children ?? []).filter((child) => child.type !== 'list'))
    if (own.length > 0) items.push(own)
    for (const list of nested) items.push(...listItems(list))
  }
  return items
}

function blocks(nodes: LexicalNode[] | undefined): RichBlockNode[] {
  const result: RichBlockNode[] = []
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'paragraph': {
        const children = inlines(node.children)
        if (children.length > 0) result.push({ type: 'paragraph', children })
        break
      }
      case 'heading': {
        const level = Math.min(4, Math.max(2, Number(node.tag?.replace(/\D/g, '')) || 2)) as 2 | 3 | 4
        const children = inlines(node.children)
        if (children.length > 0) result.push({ type: 'heading', level, children })
        break
      }
      case 'quote': {
        const children = inlines(node.children)
        if (children.length > 0) result.push({ type: 'quote', children })
        break
      }
      case 'list': {
        const items = listItems(node)
        if (items.length > 0) result.push({ type: 'list', ordered: node.listType === 'number', items })
        break
      }
      case 'horizontalrule':
      case 'upload':
      case 'relationship':
      case 'block':
        break
      default: {
        // Unknown block-level node: its text becomes a paragraph.
        const children = inlines(node.children)
        if (children.length > 0) result.push({ type: 'paragraph', children })
      }
    }
  }
  return result
}

/** Converts a Lexical editor state; anything that is not one yields an empty document. */
export function richTextFromLexical(state: unknown): RichText {
  if (!state || typeof state !== 'object' || !('root' in state)) return []
  const root = (state as { root?: LexicalNode }).root
  return blocks(root?.children)
}
