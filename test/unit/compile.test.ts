import { describe, expect, it } from 'vitest'

import { compileBlock, compileDefaultContent, compileSegment, compileVariantContent } from '../../delivery/snapshot/compileDocuments'
import { richTextFromLexical } from '../../delivery/snapshot/lexical'
import { plainText, safeHref } from '../../engine'

const text = (value: string, format = 0) => ({ type: 'text', text: value, format })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children })
const lexical = (...children: unknown[]) => ({ root: { type: 'root', children } })

describe('rich text compilation', () => {
  it('keeps paragraphs, headings, lists, quotes, marks and safe links', () => {
    const ast = richTextFromLexical(
      lexical(
        { type: 'heading', tag: 'h2', children: [text('Title')] },
        paragraph(text('Bold', 1), text(' and '), { type: 'link', fields: { url: 'https://example.com', newTab: true }, children: [text('a link')] }),
        { type: 'list', listType: 'number', children: [{ type: 'listitem', children: [text('one')] }, { type: 'listitem', children: [text('two')] }] },
        { type: 'quote', children: [text('Said')] },
      ),
    )
    expect(ast).toEqual([
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Title' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Bold', marks: ['bold'] },
          { type: 'text', text: ' and ' },
          { type: 'link', href: 'https://example.com', newTab: true, children: [{ type: 'text', text: 'a link' }] },
        ],
      },
      { type: 'list', ordered: true, items: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]] },
      { type: 'quote', children: [{ type: 'text', text: 'Said' }] },
    ])
    expect(plainText(ast)).toBe('Title\n\nBold and a link (https://example.com)\n\n1. one\n2. two\n\n> Said')
  })

  it('drops dangerous link targets but keeps their words, and never carries raw HTML', () => {
    const ast = richTextFromLexical(
      lexical(
        paragraph(
          { type: 'link', fields: { url: 'javascript:alert(1)' }, children: [text('click')] },
          { type: 'link', fields: { url: 'java\tscript:alert(1)' }, children: [text(' me')] },
          { type: 'link', fields: { url: 'data:text/html;base64,PHNjcmlwdD4=' }, children: [text(' now')] },
          { type: 'link', fields: { url: '//evil.example' }, children: [text('!')] },
        ),
        { type: 'html', html: '<script>alert(1)</script>' },
        { type: 'custom-embed', children: [text('<img src=x onerror=alert(1)>')] },
      ),
    )
    expect(JSON.stringify(ast)).not.toMatch(/javascript|data:|evil\.example|"html"/)
    expect(ast[0]).toEqual({ type: 'paragraph', children: [text('click'), text(' me'), text(' now'), text('!')].map(({ text: value }) => ({ type: 'text', text: value })) })
    // Text that looks like HTML stays text: renderers escape it.
    expect(ast[1]).toEqual({ type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] })
  })

  it('allows only http(s), mailto, tel, site paths and fragments as link targets', () => {
    for (const ok of ['https://a.b/c', 'http://a.b', 'mailto:a@b.c', 'tel:+33 1 23'.replace(/ /g, ''), '/shop', '#top']) expect(safeHref(ok)).toBe(ok)
    for (const bad of ['javascript:x', 'JAVASCRIPT:x', ' javascript:x', 'vbscript:x', 'data:x', '//evil', 'java\nscript:x', 'ftp://x', '']) expect(safeHref(bad)).toBeUndefined()
  })

  it('judges an address as a browser resolves it: nothing that leaves the site by a back door', () => {
    // Browsers read a backslash as a slash: "/\\evil.example" opens https://evil.example/.
    for (const bad of ['/\\evil.example', '\\\\evil.example', '/\\/evil.example', 'https://user:secret@bank.example', 'https:evil.example', 'http://', 'mailto:', 'tel:+33 1 23']) {
      expect(safeHref(bad), bad).toBeUndefined()
    }
    for (const ok of ['/collection?next=/shop', '/a%5Cb', 'HTTPS://SHOP.EXAMPLE/Path', 'tel:+33(1)23-45']) expect(safeHref(ok), ok).toBe(ok)
  })
})

describe('links in block content', () => {
  it('are vetted at compile by the same rule as the admin: an unsafe call-to-action or product address is dropped', () => {
    const block = compileBlock({
      id: 9,
      kind: 'product',
      content: { headline: { en: 'A' }, cta: { label: { en: 'Go' }, url: '/\\evil.example' }, product: { name: { en: 'P' }, price: 1, url: 'javascript:alert(1)' } },
      variants: [{ label: 'Safe', tone: 'formal', content: { cta: { url: 'https://shop.example/p' } } }],
    })
    expect(block.content.en?.cta).toEqual({ label: 'Go' })
    expect(block.content.en?.product?.url).toBeUndefined()
    expect(block.variants[0]!.content.en?.cta?.url).toBe('https://shop.example/p')
  })
})

describe('block compilation', () => {
  const doc = {
    id: 7,
    kind: 'hero' as const,
    tone: 'friendly',
    length: 'medium' as const,
    updatedAt: '2026-11-01T00:00:00.000Z',
    content: {
      headline: { en: 'Hello', fr: 'Bonjour' },
      body: { en: lexical(paragraph(text('English body'))), fr: null },
      image: 12,
      cta: { label: { en: 'Shop' }, url: '/shop' },
    },
    variants: [
      { id: 'v-both', label: 'Both', tone: 'formal', length: 'medium' as const, channels: ['web' as const], audience: [3], content: { headline: { en: 'Welcome back', fr: 'Bon retour' } } },
      { id: 'v-en', label: 'English only', tone: 'urgent', length: 'short' as const, audience: [], activeFrom: '2026-12-01T00:00:00.000Z', content: { headline: { en: 'Hurry' } } },
    ],
  }

  it('fills each locale of the default content from the default locale where needed', () => {
    const content = compileDefaultContent(doc.content)
    expect(content.fr).toEqual({
      headline: 'Bonjour',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'English body' }] }],
      image: '12',
      cta: { url: '/shop', label: 'Shop' },
    })
  })

  it('merges a variant over the default, and keeps only the locales it is written in', () => {
    const compiled = compileBlock(doc)
    const [both, englishOnly] = compiled.variants
    expect(both).toMatchObject({ id: 'v-both', channels: ['web'], audience: ['3'] })
    expect(both!.content.fr?.headline).toBe('Bon retour')
    expect(both!.content.fr?.cta).toEqual({ url: '/shop', label: 'Shop' })
    expect(Object.keys(englishOnly!.content)).toEqual(['en'])
    expect(englishOnly!.activeFrom).toBe(Date.parse('2026-12-01T00:00:00.000Z'))
    expect(compiled.updatedAt).toBe(Date.parse(doc.updatedAt))
  })

  it('leaves editor-only data out', () => {
    const compiled = compileBlock({ ...doc, name: 'Internal name', _status: 'published' } as never)
    expect(JSON.stringify(compiled)).not.toContain('Internal name')
    expect(compileVariantContent({}, compileDefaultContent(doc.content)).en?.headline).toBe('Hello')
  })
})

describe('segment compilation', () => {
  it('parses operands once: lower-case text, upper-case countries, numbers, minutes', () => {
    const compiled = compileSegment({
      id: 1,
      slug: 'mix',
      priority: 5,
      rules: {
        match: 'all',
        conditions: [
          { attribute: 'city', operator: 'equals', value: 'Paris' },
          { attribute: 'country', operator: 'in', values: ['fr', 'be'] },
          { attribute: 'trait', trait: 'visits', operator: 'gte', value: '3' },
          { attribute: 'time', operator: 'between', value: '18:30', valueTo: '23:00' },
        ],
        groups: [],
      },
    })
    expect(compiled.rule.conditions.map((condition) => condition.operands)).toEqual([['paris'], ['FR', 'BE'], [3], [1110, 1380]])
    expect(compiled.personal).toBe(true)
  })

  it('marks context-only segments as non-personal', () => {
    const compiled = compileSegment({ id: 2, slug: 'evening', rules: { match: 'all', conditions: [{ attribute: 'daypart', operator: 'equals', value: 'evening' }] } })
    expect(compiled.personal).toBe(false)
  })

  it('names the segment and the field when stored rules are invalid', () => {
    expect(() => compileSegment({ id: 3, slug: 'broken', rules: { match: 'all', conditions: [{ attribute: 'city', operator: 'equals' }] } })).toThrow(
      /Segment “broken”: rules.conditions.0.value/,
    )
  })
})
