import { beforeAll, describe, expect, it } from 'vitest'

import baseline from '../../channels/email/caniemail-baseline.json'
import { compileEmail, type CompiledEmail } from '../../channels/email/compileEmail'
import { DARK_PALETTE } from '../../channels/email/emailPalette'
import { EmailLayoutCache } from '../../channels/email/emailLayoutCache'
import { lintEmail } from '../../channels/email/lintEmail'
import { EmailLinksSchema, personalizeEmail, type EmailLinks, type RenderedEmail } from '../../channels/email/personalizeEmail'
import type { Content, Locale, Media, ResolvedBlock, ResolvedPage, RichInline, RichText } from '../../engine'

// ─── The fixture: the demo newsletter, by hand, in English and French ──────

type Copy = { en: string; fr: string }
const l = (en: string, fr: string): Copy => ({ en, fr })
const text = (value: string, marks?: ('bold' | 'italic' | 'underline' | 'strikethrough' | 'code')[]): RichInline => ({ type: 'text', text: value, ...(marks ? { marks } : {}) })
const paragraph = (...children: RichInline[]) => ({ type: 'paragraph' as const, children })

const MEDIA_BASE = 'https://www.maison-lumen.example'
const BRAND = { name: 'Maison Lumen', postalAddress: '12 rue de Rivoli\n75004 Paris, France' }
const OPTIONS = { mediaBase: MEDIA_BASE, defaultLocale: 'en' as Locale, brand: BRAND }

function photo(id: string, alt: Copy, sizes: string[] = ['email600', 'email1200', 'web640']): Media {
  const rendition = (name: string) => {
    const width = Number(name.replace(/\D/g, ''))
    return [name, { url: `/media/${id}-${name}.jpg`, width, height: Math.round((width * 2) / 3), mimeType: 'image/jpeg' }] as const
  }
  return { id, alt, original: { url: `/media/${id}.jpg`, width: 2400, height: 1600, mimeType: 'image/jpeg' }, sizes: Object.fromEntries(sizes.map(rendition)) }
}

function newsletter(locale: Locale = 'fr'): ResolvedPage {
  const t = (copy: Copy) => copy[locale as 'en' | 'fr']
  const block = (slot: number, kind: ResolvedBlock['kind'], id: string, content: Content): ResolvedBlock => ({
    slot, kind, block: id, variant: null, tone: 'friendly', length: 'medium', content,
  })
  const body = (...paragraphs: Copy[]): RichText => paragraphs.map((copy) => paragraph(text(t(copy))))
  return {
    page: { slug: 'newsletter', title: t(l('Autumn newsletter', 'Lettre d’automne')), channel: 'email', locale },
    version: 'snapshot-v1',
    personalized: false,
    blocks: [
      block(0, 'hero', 'home-hero', {
        headline: t(l('Our autumn edit has arrived', 'Notre sélection d’automne est arrivée')),
        body: [
          paragraph(text(t(l('Amber, fig and cedar', 'Ambre, figue et cèdre')), ['bold']), text(t(l(': three new scents, poured by hand.', ' : trois nouveaux parfums, coulés à la main.')))),
          paragraph(text(t(l('Pair them with our ', 'Associez-les à nos '))), { type: 'link', href: '/collection/linen', children: [text(t(l('washed-linen throws', 'plaids en lin lavé')))] }, text('.')),
        ],
        image: 'evening-candles',
        cta: { label: t(l('Discover the collection', 'Découvrir la collection')), url: '/collection' },
      }),
      block(1, 'text', 'newsletter-intro', {
        headline: t(l('Hello {{firstName}},', 'Bonjour {{firstName}},')),
        body: [
          ...body(l('The evenings are drawing in. Here is what is new this month.', 'Les soirées rallongent. Voici les nouveautés du mois.')),
          { type: 'heading', level: 3, children: [text(t(l('This month', 'Ce mois-ci')))] },
          { type: 'list', ordered: false, items: [[text(t(l('Three new scents', 'Trois nouveaux parfums')))], [text(t(l('Workshops every Saturday', 'Des ateliers chaque samedi')))]] },
          { type: 'quote', children: [text(t(l('We would rather make fewer things, better.', 'Nous préférons faire moins, mais mieux.')), ['italic'])] },
        ],
      }),
      block(2, 'offer', 'autumn-offer', {
        headline: t(l('20 % off candles and diffusers', '20 % sur les bougies et diffuseurs')),
        body: body(l('Until Sunday, online and in store.', 'Jusqu’à dimanche, en ligne et en boutique.')),
        offer: { code: '{{offerCode|AUTUMN20}}', discount: '−20 %', validUntil: '2026-11-30' },
        cta: { label: t(l('Shop candles', 'Voir les bougies')), url: '/collection/candles?code={{offerCode|AUTUMN20}}' },
      }),
      block(3, 'product', 'product-linen', {
        headline: t(l('Our best-seller', 'Notre best-seller')),
        body: body(l('Washed linen, sage green, 130 × 170 cm.', 'Lin lavé, vert sauge, 130 × 170 cm.')),
        image: 'linen-throw',
        product: { name: t(l('Washed-linen throw', 'Plaid en lin lavé')), price: 89, currency: 'EUR', url: '/products/linen-throw' },
        cta: { label: t(l('View the throw', 'Voir le plaid')), url: '/products/linen-throw' },
      }),
      block(4, 'image', 'atelier-image', { headline: t(l('Inside our Lyon atelier', 'Dans notre atelier lyonnais')), image: 'atelier' }),
      block(5, 'product', 'product-candle', {
        headline: t(l('Scent of the season', 'Le parfum de la saison')),
        body: body(l('Amber and cedar, 60 hours of burn time.', 'Ambre et cèdre, 60 heures de combustion.')),
        image: 'amber-candle',
        product: { name: t(l('Amber candle', 'Bougie Ambre')), price: 34.5, currency: 'EUR', url: '/products/amber-candle' },
      }),
      block(6, 'cta', 'shop-cta', {
        headline: t(l('Ready for cosy season?', 'Prêt pour la saison cocooning ?')),
        cta: { label: t(l('Treat yourself', 'Faites-vous plaisir')), url: 'https://www.maison-lumen.example/collection?utm_source=newsletter&utm_medium=email' },
      }),
      block(7, 'text', 'delivery-promise', {
        body: body(l('Free delivery from €60 and free returns within 30 days, or collect in {{store|one of our stores}}.', 'Livraison offerte dès 60 €, retours gratuits sous 30 jours, ou retrait à {{store|l’une de nos boutiques}}.')),
      }),
    ],
    media: {
      'evening-candles': photo('evening-candles', l('Candles glowing on a table', 'Des bougies allumées sur une table')),
      'linen-throw': photo('linen-throw', l('A sage-green linen throw', 'Un plaid en lin vert sauge'), ['email600']),
      atelier: photo('atelier', l('Artisans pouring candles', 'Des artisans coulant des bougies'), []),
      'amber-candle': photo('amber-candle', l('An amber candle', 'Une bougie ambre')),
    },
    email: {
      subject: t(l('{{firstName|Dear customer}}, our autumn edit is here', '{{firstName|Chère cliente, cher client}}, notre sélection d’automne est arrivée')),
      preheader: t(l('Three new scents and 20 % off candles until Sunday.', 'Trois nouveaux parfums et 20 % sur les bougies jusqu’à dimanche.')),
      variant: null,
    },
    attributesRead: [],
    decisionKey: `email|${locale}|0:email;1:default;2:default;3:default;4:default;5:default;6:playful;7:default;subject:default;`,
  }
}


// ─── Helpers ────────────────────────────────────────────────────────────────

const LINKS: EmailLinks = {
  unsubscribeUrl: 'https://www.maison-lumen.example/u/Zk3?list=news&sig=a1',
  preferencesUrl: 'https://www.maison-lumen.example/preferences/Zk3',
}

/** Every href and src in a document. */
const addresses = (html: string) => [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]!)
const bytes = (value: string) => new TextEncoder().encode(value).length
/** The text of an element, between its opening tag and the next tag. */
const textAfter = (html: string, opening: RegExp) => new RegExp(`${opening.source}[^>]*>([^<]*)<`).exec(html)?.[1]

let frenchEmail: CompiledEmail
let englishEmail: CompiledEmail
let compileMs = 0

beforeAll(async () => {
  const started = performance.now()
  frenchEmail = await compileEmail(newsletter('fr'), OPTIONS)
  compileMs = performance.now() - started
  englishEmail = await compileEmail(newsletter('en'), OPTIONS)
})

const zoe = (): RenderedEmail => personalizeEmail(frenchEmail, { firstName: 'Zoé', lastName: 'Martin', store: 'Lyon Bellecour' }, LINKS)
const nobody = (): RenderedEmail => personalizeEmail(frenchEmail, {}, LINKS)

// ─── The specification ─────────────────────────────────────────────────────

describe('compileEmail: the HTML part', () => {
  it('compiles the newsletter without MJML validation messages or unknown tokens', () => {
    expect(frenchEmail.warnings).toEqual([])
    console.info(`email compile (MJML, 8 blocks): ${compileMs.toFixed(1)} ms`)
  })

  it('has one section per block, in slot order, then the footer', () => {
    const html = zoe().html.slice(zoe().html.indexOf('<body'))
    expect(html.match(/<div class="tessera-(card|offer)"/g)).toHaveLength(8)
    const order = ['Notre sélection d’automne', 'Bonjour Zoé,', '20 % sur les bougies et diffuseurs', 'Notre best-seller', 'Dans notre atelier', 'Le parfum de la saison', 'Prêt pour la saison', 'Livraison offerte', 'Maison Lumen</strong>']
    const positions = order.map((text) => html.indexOf(text))
    expect(positions.every((position) => position > 0)).toBe(true)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
  })

  it('is in the page’s language, 600 px wide, titled with the subject, with a hidden preheader', () => {
    const { html } = zoe()
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr" dir="ltr"/)
    expect(html).toContain('<title>Zoé, notre sélection d’automne est arrivée</title>')
    expect(html).toMatch(/<div style="display:none;[^"]*">Trois nouveaux parfums et 20 % sur les bougies jusqu’à dimanche\./)
    expect(html).toContain('max-width:600px')
    expect(personalizeEmail(englishEmail, {}, LINKS).html).toMatch(/<html lang="en"/)
  })

  it('supports dark mode: colour-scheme metadata and a dark palette for Apple Mail, Outlook for Mac and Outlook.com', () => {
    const { html } = zoe()
    expect(html).toContain('<meta name="color-scheme" content="light dark">')
    expect(html).toContain('<meta name="supported-color-schemes" content="light dark">')
    const dark = /@media \(prefers-color-scheme: dark\) \{([\s\S]*?)\n\}/.exec(html)?.[1] ?? ''
    expect(dark).toContain(`.tessera-canvas, .tessera-canvas [role="article"] { background-color: ${DARK_PALETTE.canvas} !important; }`)
    expect(dark).toContain(`.tessera-text div { color: ${DARK_PALETTE.text} !important; }`)
    expect(dark).toContain(`.tessera-footer a { color: ${DARK_PALETTE.muted} !important; }`)
    // Outlook.com marks what it recolours; the same palette applies there.
    expect(html).toContain(`[data-ogsc] .tessera-text div { color: ${DARK_PALETTE.text} !important; }`)
  })

  it('shows images from the email1200 rendition at 600 px, then email600, then the original, with alt text in the page’s language', () => {
    const { html } = zoe()
    const images = [...html.matchAll(/<img alt="([^"]*)" src="([^"]*)"[^>]* width="(\d+)"/g)].map(([, alt, src, width]) => ({ alt, src, width }))
    expect(images).toEqual([
      { alt: 'Des bougies allumées sur une table', src: `${MEDIA_BASE}/media/evening-candles-email1200.jpg`, width: '600' },
      { alt: 'Un plaid en lin vert sauge', src: `${MEDIA_BASE}/media/linen-throw-email600.jpg`, width: '600' },
      { alt: 'Des artisans coulant des bougies', src: `${MEDIA_BASE}/media/atelier.jpg`, width: '600' },
      { alt: 'Une bougie ambre', src: `${MEDIA_BASE}/media/amber-candle-email1200.jpg`, width: '600' },
    ])
  })

  it('makes every link and image address absolute', () => {
    const found = addresses(zoe().html)
    expect(found.length).toBeGreaterThan(10)
    for (const address of found) expect(address).toMatch(/^https:\/\//)
    expect(found).toContain(`${MEDIA_BASE}/collection`)
    expect(found).toContain(`${MEDIA_BASE}/collection/linen`)
    expect(found).toContain(`${MEDIA_BASE}/collection?utm_source=newsletter&amp;utm_medium=email`)
  })

  it('renders rich text from the AST: marks, links, headings below the block’s heading, lists and quotes', () => {
    const { html } = zoe()
    expect(html).toMatch(/<p[^>]*><strong>Ambre, figue et cèdre<\/strong> : trois nouveaux parfums/)
    expect(html).toMatch(/Associez-les à nos <a href="https:\/\/www\.maison-lumen\.example\/collection\/linen"[^>]*>plaids en lin lavé<\/a>/)
    expect(textAfter(html, /<h2/)).toBe('Bonjour Zoé,')
    expect(textAfter(html, /<h5/)).toBe('Ce mois-ci')
    expect(html).toMatch(/<ul[^>]*><li[^>]*>Trois nouveaux parfums<\/li><li[^>]*>Des ateliers chaque samedi<\/li><\/ul>/)
    expect(html).toMatch(/<blockquote[^>]*><em>Nous préférons faire moins, mais mieux\.<\/em><\/blockquote>/)
  })

  it('gives the offer a prominent code box, the discount and the last day in words', () => {
    const { html } = zoe()
    expect(html).toMatch(/<table role="presentation" class="tessera-code" align="center"/)
    expect(textAfter(html, /<span class="tessera-code-value"/)).toBe('AUTUMN20')
    expect(textAfter(html, /<span class="tessera-code-label"/)).toBe('Votre code')
    expect(textAfter(html, /<p class="tessera-discount"/)).toBe('−20 %')
    expect(textAfter(html, /<p class="tessera-until"/)).toBe('Valable jusqu’au 30 novembre 2026')
    expect(addresses(html)).toContain(`${MEDIA_BASE}/collection/candles?code=AUTUMN20`)
  })

  it('shows products with their name, a price written for the locale, and a button', () => {
    const french = zoe().html
    const euros = (amount: number, locale: string) => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(amount)
    expect(textAfter(french, /<p class="tessera-product-name"/)).toBe('Plaid en lin lavé')
    expect(textAfter(french, /<p class="tessera-price"/)).toBe(euros(89, 'fr-FR'))
    expect(french).toContain(`>${euros(34.5, 'fr-FR')}</p>`)
    expect(euros(89, 'fr-FR')).toMatch(/^89,00\s€$/)
    // A product without a button label of its own still links to its page.
    expect(french).toMatch(/href="https:\/\/www\.maison-lumen\.example\/products\/amber-candle"[^>]*>\s*Voir le produit\s*<\/a>/)
    const english = personalizeEmail(englishEmail, {}, LINKS).html
    expect(english).toContain(`>${euros(89, 'en-GB')}</p>`)
    expect(euros(89, 'en-GB')).toBe('€89.00')
  })

  it('ends with the brand’s postal address and links to manage preferences and to unsubscribe', () => {
    const { html } = zoe()
    expect(html).toContain('<strong>Maison Lumen</strong><br>12 rue de Rivoli<br>75004 Paris, France')
    expect(html).toContain(`<a href="${LINKS.preferencesUrl}"`)
    expect(html).toMatch(/<a href="https:\/\/www\.maison-lumen\.example\/u\/Zk3\?list=news&amp;sig=a1"[^>]*>Se désabonner<\/a>/)
    const english = personalizeEmail(englishEmail, {}, LINKS).html
    expect(english).toMatch(/>Manage your preferences<\/a> · <a [^>]*>Unsubscribe<\/a>/)
  })

  it('escapes every string and drops links outside the allow-list', async () => {
    const page = newsletter('en')
    page.page.title = 'Title </title><script>alert(1)</script>'
    page.email!.subject = 'Subject <script>alert(2)</script>'
    page.email!.preheader = 'Preheader <img src=x onerror=alert(3)>'
    page.blocks[0]!.content = {
      headline: 'Hello <script>alert(4)</script> & "friends"',
      body: [paragraph(text('<b>not bold</b> '), { type: 'link', href: 'javascript:alert(5)', children: [text('a trap')] }, { type: 'link', href: 'java\tscript:alert(6)', children: [text(' another')] })],
      image: 'evening-candles',
      cta: { label: 'Go "now" <b>', url: 'javascript:alert(7)' },
    }
    page.blocks[3]!.content.product!.name = '<i>Throw</i>'
    page.media['evening-candles']!.alt.en = 'A "quoted" <alt>'
    const compiled = await compileEmail(page, { ...OPTIONS, brand: { name: 'Lumen & Co <b>', postalAddress: '1 <rue>' } })
    const { html, text: plain } = personalizeEmail(compiled, {}, LINKS)

    expect(html).not.toMatch(/<script|<b>|<i>|<alt>|<rue>|<img src=x|javascript:/i)
    expect(html).toContain('Hello &lt;script&gt;alert(4)&lt;/script&gt; &amp; &quot;friends&quot;')
    expect(html).toContain('&lt;b&gt;not bold&lt;/b&gt; a trap another')
    expect(html).toContain('alt="A &quot;quoted&quot; &lt;alt&gt;"')
    expect(html).toContain('&lt;i&gt;Throw&lt;/i&gt;')
    expect(html).toContain('Lumen &amp; Co &lt;b&gt;')
    expect(html).not.toContain('Go &quot;now&quot;') // no safe address: no button
    // The text part is plain text: written as is, but the unsafe link still goes.
    expect(plain).toContain('Hello <script>alert(4)</script> & "friends"')
    expect(plain).not.toContain('javascript:')
  })

  it('keeps unknown tokens as written, and warns the editor', async () => {
    const page = newsletter('en')
    page.blocks[1]!.content.headline = 'Hello {{nickname}},'
    const compiled = await compileEmail(page, OPTIONS)
    expect(compiled.warnings).toEqual(['Unknown personalization token {{nickname}}: it is sent as written.'])
    expect(personalizeEmail(compiled, {}, LINKS).html).toContain('Hello {{nickname}},')
  })

  it('stays well under Gmail’s ~102 KB clipping limit for an 8-block newsletter', () => {
    const size = bytes(zoe().html)
    console.info(`email HTML: ${(size / 1024).toFixed(1)} KB for 8 blocks`)
    expect(size).toBeLessThan(100 * 1024)
    // MJML's indentation is gone (it was a third of the bytes).
    expect(zoe().html).not.toMatch(/\n[ \t]+</)
  })
})

describe('compileEmail: the plain-text part', () => {
  it('is a real text rendering of the content, not stripped tags', () => {
    const { text } = zoe()
    expect(text).not.toMatch(/<[a-z/!]/i)
    expect(text).toMatch(/^Notre sélection d’automne est arrivée\n\nAmbre, figue et cèdre : trois nouveaux parfums, coulés à la main\.\n\n/)
    expect(text).toContain('Associez-les à nos plaids en lin lavé (https://www.maison-lumen.example/collection/linen).')
    expect(text).toContain('\n\nBonjour Zoé,\n\nLes soirées rallongent. Voici les nouveautés du mois.\n\nCe mois-ci\n\n• Trois nouveaux parfums\n• Des ateliers chaque samedi\n\n> Nous préférons faire moins, mais mieux.\n')
  })

  it('writes buttons as "Label: address", with absolute addresses', () => {
    const { text } = zoe()
    expect(text).toContain('\nDécouvrir la collection : https://www.maison-lumen.example/collection\n')
    expect(text).toContain('\nFaites-vous plaisir : https://www.maison-lumen.example/collection?utm_source=newsletter&utm_medium=email\n')
    const english = personalizeEmail(englishEmail, {}, LINKS).text
    expect(english).toContain('\nDiscover the collection: https://www.maison-lumen.example/collection\n')
  })

  it('includes the offer code, the discount, its last day and the prices', () => {
    const { text } = zoe()
    expect(text).toContain('\n−20 %\nVotre code : AUTUMN20\nValable jusqu’au 30 novembre 2026\n')
    expect(text).toMatch(/\nPlaid en lin lavé — 89,00\s€\n/)
    expect(personalizeEmail(englishEmail, { offerCode: 'ANN-5' }, LINKS).text).toContain('\nYour code: ANN-5\n')
  })

  it('ends with the brand, its address, and the preference and unsubscribe links', () => {
    expect(zoe().text).toMatch(
      /\n-- \nMaison Lumen\n12 rue de Rivoli\n75004 Paris, France\n\nGérer vos préférences : https:\/\/www\.maison-lumen\.example\/preferences\/Zk3\nSe désabonner : https:\/\/www\.maison-lumen\.example\/u\/Zk3\?list=news&sig=a1\n$/,
    )
  })
})

describe('personalizeEmail', () => {
  it('puts the recipient’s values in the subject, preheader, HTML and text', () => {
    const email = personalizeEmail(englishEmail, { firstName: 'Ann', store: 'Lyon Bellecour' }, LINKS)
    expect(email.subject).toBe('Ann, our autumn edit is here')
    expect(email.preheader).toBe('Three new scents and 20 % off candles until Sunday.')
    expect(textAfter(email.html, /<h2/)).toBe('Hello Ann,')
    expect(email.text).toContain('\nHello Ann,\n')
    expect(email.html).toContain('or collect in Lyon Bellecour.')
    expect(email.text).toContain('or collect in Lyon Bellecour.')
  })

  it('escapes values in the HTML part and keeps them as written in the text part', () => {
    const email = personalizeEmail(frenchEmail, { firstName: '<img src=x onerror=alert(1)> & "Zoé"' }, LINKS)
    expect(email.html).not.toContain('<img src=x')
    expect(textAfter(email.html, /<h2/)).toBe('Bonjour &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Zoé&quot;,')
    expect(email.text).toContain('\nBonjour <img src=x onerror=alert(1)> & "Zoé",\n')
    expect(email.subject).toBe('<img src=x onerror=alert(1)> & "Zoé", notre sélection d’automne est arrivée')
  })

  it('closes up a missing value: "Bonjour {{firstName}}," becomes "Bonjour,", never "Bonjour undefined,"', () => {
    for (const recipient of [{}, { firstName: '' }, { firstName: '   ' }]) {
      const email = personalizeEmail(frenchEmail, recipient, LINKS)
      expect(textAfter(email.html, /<h2/)).toBe('Bonjour,')
      expect(email.text).toContain('\nBonjour,\n')
      for (const part of [email.subject, email.html, email.text]) expect(part).not.toMatch(/undefined|null|\{\{|\uE000/)
    }
  })

  it('uses the editor’s fallback when a value is missing', () => {
    const email = nobody()
    expect(email.subject).toBe('Chère cliente, cher client, notre sélection d’automne est arrivée')
    expect(email.html).toContain('ou retrait à l’une de nos boutiques.')
    expect(textAfter(email.html, /<span class="tessera-code-value"/)).toBe('AUTUMN20')
  })

  it('gives each recipient their own offer code, URL-encoded inside links', () => {
    const email = personalizeEmail(frenchEmail, { offerCode: 'ZOÉ 10&' }, LINKS)
    expect(textAfter(email.html, /<span class="tessera-code-value"/)).toBe('ZOÉ 10&amp;')
    expect(addresses(email.html)).toContain(`${MEDIA_BASE}/collection/candles?code=ZO%C3%89%2010%26`)
    expect(email.text).toContain('Voir les bougies : https://www.maison-lumen.example/collection/candles?code=ZO%C3%89%2010%26\n')
  })

  it('adds List-Unsubscribe headers, one-click included (RFC 2369, RFC 8058)', () => {
    expect(zoe().headers).toEqual({
      'List-Unsubscribe': `<${LINKS.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    })
    const withMailto = personalizeEmail(frenchEmail, {}, { ...LINKS, unsubscribeMailto: 'mailto:unsubscribe@maison-lumen.example?subject=Zk3' })
    expect(withMailto.headers['List-Unsubscribe']).toBe(`<${LINKS.unsubscribeUrl}>, <mailto:unsubscribe@maison-lumen.example?subject=Zk3>`)
  })

  it('offers one-click unsubscribe only over https (or a loopback origin, for the demo)', () => {
    const plain = personalizeEmail(frenchEmail, {}, { ...LINKS, unsubscribeUrl: 'http://shop.example/u/Zk3' })
    expect(plain.headers).toEqual({ 'List-Unsubscribe': '<http://shop.example/u/Zk3>' })
    const local = personalizeEmail(frenchEmail, {}, { ...LINKS, unsubscribeUrl: 'http://localhost:3000/u/Zk3' })
    expect(local.headers).toEqual({ 'List-Unsubscribe': '<http://localhost:3000/u/Zk3>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' })
  })

  it('refuses links that are not absolute web addresses or could break a header', () => {
    const attempts: Partial<EmailLinks>[] = [
      { unsubscribeUrl: 'javascript:alert(1)' },
      { unsubscribeUrl: '/u/Zk3' },
      { unsubscribeUrl: 'https://x.example/u\r\nBcc: victim@example.com' },
      { unsubscribeUrl: 'https://x.example/u>, <https://evil.example' },
      { preferencesUrl: 'data:text/html,hi' },
      { unsubscribeMailto: 'https://not-a-mailto.example' },
    ]
    for (const attempt of attempts) expect(() => personalizeEmail(frenchEmail, {}, { ...LINKS, ...attempt })).toThrow(TypeError)
  })

  it('offers a schema for the links at the boundary (a send API), with the same rules', () => {
    expect(EmailLinksSchema.safeParse(LINKS).success).toBe(true)
    expect(EmailLinksSchema.safeParse({ ...LINKS, unsubscribeUrl: 'javascript:alert(1)' }).success).toBe(false)
    expect(EmailLinksSchema.safeParse({ ...LINKS, unsubscribeMailto: 'https://x.example' }).success).toBe(false)
  })

  it('leaves the compiled email untouched for the next recipient', () => {
    const snapshot = JSON.stringify(frenchEmail)
    zoe()
    expect(JSON.stringify(frenchEmail)).toBe(snapshot)
    expect(textAfter(nobody().html, /<h2/)).toBe('Bonjour,')
  })

  it('takes well under a millisecond per recipient', () => {
    const recipients = Array.from({ length: 5_000 }, (_, index) => ({ firstName: `Client ${index}`, offerCode: `CODE${index}` }))
    for (const recipient of recipients.slice(0, 200)) personalizeEmail(frenchEmail, recipient, LINKS) // warm up
    const started = performance.now()
    let total = 0
    for (const recipient of recipients) total += personalizeEmail(frenchEmail, recipient, LINKS).html.length
    const perRecipient = (performance.now() - started) / recipients.length
    console.info(`personalizeEmail: ${(perRecipient * 1000).toFixed(1)} µs per recipient (${recipients.length} recipients)`)
    expect(total).toBeGreaterThan(0)
    expect(perRecipient).toBeLessThan(1)
  })
})

describe('the email layout cache', () => {
  const fakeCompile = (calls: string[]) => async (page: ResolvedPage) => {
    calls.push(`${page.version} ${page.decisionKey}`)
    return frenchEmail
  }

  it('compiles each distinct decision once in a 1,000-recipient send', async () => {
    const cache = new EmailLayoutCache()
    const decisions = [newsletter('fr'), newsletter('en')]
    for (let index = 0; index < 1_000; index++) {
      const compiled = await cache.compiledEmailFor(decisions[index % 2]!, OPTIONS)
      personalizeEmail(compiled, { firstName: `Client ${index}` }, LINKS)
    }
    expect(cache.stats).toEqual({ compiles: 2, hits: 998 })
  })

  it('shares one compile between recipients processed at the same time', async () => {
    const calls: string[] = []
    const cache = new EmailLayoutCache(10, fakeCompile(calls))
    const [first, second] = [cache.compiledEmailFor(newsletter(), OPTIONS), cache.compiledEmailFor(newsletter(), OPTIONS)]
    expect(first).toBe(second)
    await first
    expect(calls).toHaveLength(1)
  })

  it('compiles again for another snapshot version, page, decision, locale or sender', async () => {
    const calls: string[] = []
    const cache = new EmailLayoutCache(10, fakeCompile(calls))
    const base = newsletter()
    const variations: [ResolvedPage, typeof OPTIONS][] = [
      [base, OPTIONS],
      [{ ...base, version: 'snapshot-v2' }, OPTIONS],
      [{ ...base, page: { ...base.page, slug: 'newsletter-2' } }, OPTIONS],
      [{ ...base, decisionKey: base.decisionKey.replace('0:email', '0:gold') }, OPTIONS],
      [{ ...base, page: { ...base.page, locale: 'en' } }, OPTIONS],
      [base, { ...OPTIONS, brand: { ...BRAND, postalAddress: '1 place Bellecour, Lyon' } }],
    ]
    for (const [page, options] of variations) await cache.compiledEmailFor(page, options)
    for (const [page, options] of variations) await cache.compiledEmailFor(page, options)
    expect(cache.stats).toEqual({ compiles: variations.length, hits: variations.length })
  })

  it('is bounded, and lets the least recently used decision go first', async () => {
    const calls: string[] = []
    const cache = new EmailLayoutCache(2, fakeCompile(calls))
    const page = (version: string) => ({ ...newsletter(), version })
    await cache.compiledEmailFor(page('a'), OPTIONS)
    await cache.compiledEmailFor(page('b'), OPTIONS)
    await cache.compiledEmailFor(page('a'), OPTIONS) // a is now the most recently used
    await cache.compiledEmailFor(page('c'), OPTIONS) // b goes
    expect(cache.size).toBe(2)
    await cache.compiledEmailFor(page('a'), OPTIONS)
    await cache.compiledEmailFor(page('b'), OPTIONS)
    expect(calls.map((call) => call.split(' ')[0])).toEqual(['a', 'b', 'c', 'b'])
  })

  it('forgets a failed compile, so the next recipient tries again', async () => {
    let attempts = 0
    const cache = new EmailLayoutCache(10, async () => {
      attempts++
      if (attempts === 1) throw new Error('MJML crashed')
      return frenchEmail
    })
    await expect(cache.compiledEmailFor(newsletter(), OPTIONS)).rejects.toThrow('MJML crashed')
    await expect(cache.compiledEmailFor(newsletter(), OPTIONS)).resolves.toBe(frenchEmail)
    expect(attempts).toBe(2)
  })
})

describe('support in Gmail, Outlook and Apple Mail (caniemail)', () => {
  it('never has more findings than the recorded baseline', () => {
    const findings = lintEmail(zoe().html)
    const errors = findings.filter((finding) => finding.severity === 'error')
    const warnings = findings.filter((finding) => finding.severity === 'warning')
    const known = new Set(baseline.findings)
    const fresh = findings.map((finding) => `${finding.severity}: ${finding.feature} @ ${finding.client}`).filter((finding) => !known.has(finding))
    if (fresh.length > 0) console.info(`Findings not in the baseline:\n${fresh.join('\n')}`)

    expect(errors.length, 'unsupported features (see the findings not in the baseline above)').toBeLessThanOrEqual(baseline.errors)
    expect(warnings.length, 'partly supported features (see the findings not in the baseline above)').toBeLessThanOrEqual(baseline.warnings)
    if (errors.length < baseline.errors || warnings.length < baseline.warnings) {
      console.info(
        `Email client support improved: ${errors.length} errors and ${warnings.length} warnings (baseline ${baseline.errors} and ${baseline.warnings}). ` +
          'Lower the counts in channels/email/caniemail-baseline.json to lock the gain in.',
      )
    }
  })
})
