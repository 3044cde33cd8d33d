import { describe, expect, it } from 'vitest'

import { renderWebFragment } from '../../channels/web/html'
import { richTextHtml } from '../../channels/shared/html'
import { resolvePage, type RichText } from '../../engine'
import { block, context, manifest, page } from '../support/snapshotBuilders'

describe('the web renderer', () => {
  it('escapes every string and keeps only vetted links, whatever the snapshot holds', () => {
    const hostile: RichText = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: '<script>alert(1)</script>' },
          { type: 'link', href: 'javascript:alert(1)', children: [{ type: 'text', text: 'click' }] },
          { type: 'link', href: 'https://example.com/?a="b"', newTab: true, children: [{ type: 'text', text: 'ok' }] },
        ],
      },
    ]
    const html = richTextHtml(hostile)
    expect(html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;click<a href="https://example.com/?a=&quot;b&quot;" target="_blank" rel="noopener noreferrer">ok</a></p>',
    )
  })

  it('renders headings in order, alt text and a button only for a safe link', () => {
    const hero = block('hero', [], {
      content: { en: { headline: 'Main "title" <b>', cta: { label: 'Go', url: 'javascript:void(0)' } } },
    })
    const text = block('text', [], { kind: 'text', content: { en: { headline: 'Second', body: [{ type: 'heading', level: 2, children: [{ type: 'text', text: 'Sub' }] }] } } })
    const resolved = resolvePage(manifest([]), page([hero, text]), context())
    const html = renderWebFragment(resolved, { mediaBase: 'https://cdn.example', defaultLocale: 'en' })
    expect(html).toContain('<h1 id="tessera-test-0">Main &quot;title&quot; &lt;b&gt;</h1>')
    expect(html).toContain('<h2 id="tessera-test-1">Second</h2><div class="tessera-body"><h3>Sub</h3>')
    expect(html).not.toContain('javascript:')
    expect(html).not.toContain('tessera-cta')
  })
})

describe('the JSON channel', () => {
  it('vets call-to-action and product links on the way out, like every channel', async () => {
    const { renderJson } = await import('../../channels/json')
    const page = {
      version: 'v1',
      page: { slug: 'home', title: 'Home', channel: 'web', locale: 'en' },
      personalized: false,
      blocks: [{ slot: 0, block: '1', kind: 'product', tone: 'friendly', length: 'medium', content: { cta: { label: 'Go', url: '/\\evil.example' }, product: { name: 'P', url: 'https://shop.example/p' } } }],
      media: {},
    } as unknown as Parameters<typeof renderJson>[0]
    const json = renderJson(page, { ignored: [], mediaBase: 'https://cdn.example', defaultLocale: 'en', trace: false })
    expect(json.blocks[0]!.content.cta?.url).toBeUndefined()
    expect(json.blocks[0]!.content.cta?.label).toBe("Go")
    expect(json.blocks[0]!.content.product?.url).toBe('https://shop.example/p')
  })
})
