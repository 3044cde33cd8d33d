/**
 * The in-store screen channel: a self-refreshing HTML document and a PNG of
 * the same decision, for the demo store screen (welcome hero, autumn offer,
 * amber candle) in English and French.
 */
import { createHash } from 'node:crypto'

import sharp from 'sharp'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { renderScreenDocument, screenScriptHash, SCREEN_SLIDES_ID, type ScreenDocumentOptions } from '../../channels/screen/html'
import { imageDataUrl, renderScreenPng, screenPngImages } from '../../channels/screen/png'
import { SCREEN_POLLER_SCRIPT } from '../../channels/screen/poller'
import type { Content, Locale, Media, ResolvedBlock, ResolvedPage, RichText } from '../../engine'

// ─── Fixture: the demo store screen, decided ──────────────────────────────

const MALICIOUS = '<img src=x onerror=alert(1)>'

const paragraph = (text: string): RichText => [{ type: 'paragraph', children: [{ type: 'text', text }] }]

function media(id: string, alt: Partial<Record<Locale, string>>): Media {
  const rendition = (name: string, width: number) => ({ url: `/api/media/file/${id}-${name}.jpg`, width, height: (width * 9) / 16, mimeType: 'image/jpeg' })
  return {
    id,
    alt,
    original: { url: `/api/media/file/${id}.png`, width: 4000, height: 2250, mimeType: 'image/png' },
    sizes: { web640: rendition('web640', 640), screen1920: rendition('screen1920', 1920), screen3840: rendition('screen3840', 3840) },
  }
}

const TEXT = {
  en: {
    title: 'Store screen',
    welcome: 'Open until 9 pm: last call for candles',
    offer: '−20 % on every candle',
    offerBody: 'Until Sunday, online and in store.',
    cta: 'Shop candles',
    candle: 'Scent of the season',
    candleBody: 'Amber and cedar, 60 hours of burn time.',
    candleName: 'Amber candle',
  },
  fr: {
    title: 'Écran boutique',
    welcome: 'Ouvert jusqu’à 21 h : dernières bougies',
    offer: '−20 % sur toutes les bougies',
    offerBody: 'Jusqu’à dimanche, en ligne et en boutique.',
    cta: 'Voir les bougies',
    candle: 'Le parfum de la saison',
    candleBody: 'Ambre et cèdre, 60 heures de combustion.',
    candleName: 'Bougie Ambre',
  },
} as const

function block(slot: number, kind: ResolvedBlock['kind'], id: string, content: Content, variant: string | null = null): ResolvedBlock {
  return {
    slot,
    kind,
    block: id,
    variant: variant ? { id: variant, label: variant, tone: 'playful', length: 'short' } : null,
    tone: 'friendly',
    length: 'short',
    content,
  }
}

function storeScreen(locale: Locale, change: (page: ResolvedPage) => void = () => {}): ResolvedPage {
  const text = TEXT[locale]
  const page: ResolvedPage = {
    page: { slug: 'store-screen', title: text.title, channel: 'screen', locale },
    version: 'a1b2c3d4e5f6',
    personalized: false,
    blocks: [
      block(0, 'hero', 'screen-welcome', { headline: text.welcome, image: 'store-front' }, 'evening'),
      block(1, 'offer', 'autumn-offer', {
        headline: text.offer,
        body: paragraph(text.offerBody),
        offer: { code: 'AUTUMN20', discount: '−20 %', validUntil: '2026-11-30' },
        cta: { label: text.cta, url: '/collection/candles' },
      }),
      block(2, 'product', 'product-candle', {
        headline: text.candle,
        body: paragraph(text.candleBody),
        image: 'evening-candles',
        product: { name: text.candleName, price: 34, currency: 'EUR', url: '/products/amber-candle' },
      }),
    ],
    media: {
      // The store front has no French alt text: the default locale's stands in.
      'store-front': media('store-front', { en: 'The Maison Lumen shop front at dusk' }),
      'evening-candles': media('evening-candles', { en: 'Three amber candles glowing on a dark oak table', fr: 'Trois bougies ambrées allumées sur une table en chêne sombre' }),
    },
    screen: { width: 1920, height: 1080, orientation: 'landscape' },
    attributesRead: ['daypart', 'store'],
    decisionKey: 'screen|en|0:evening;1:default;2:default;',
  }
  change(page)
  return page
}

const documentOptions = (extra: Partial<ScreenDocumentOptions> = {}): ScreenDocumentOptions => ({
  mediaBase: 'https://shop.example',
  defaultLocale: 'en',
  width: 1920,
  height: 1080,
  refreshSeconds: 30,
  slideSeconds: 8,
  etag: '"a1b2c3d4e5f6-decision"',
  ...extra,
})

const slidesOf = (html: string) => [...html.matchAll(/<section class="([^"]*)" data-slide data-tessera-block="([^"]*)"/g)].map((match) => ({ classes: match[1]!, block: match[2]! }))

// ─── The HTML document ─────────────────────────────────────────────────────

describe('screen document', () => {
  it('is a complete, self-contained HTML document in the page’s language', () => {
    const html = renderScreenDocument(storeScreen('fr'), documentOptions())
    expect(html.startsWith('<!doctype html>\n<html lang="fr" ')).toBe(true)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('<title>Écran boutique</title>')
    expect(html.trimEnd().endsWith('</html>')).toBe(true)
    // Nothing loaded from elsewhere: no external script, stylesheet or font.
    expect(html).not.toMatch(/<script[^>]*\bsrc=/)
    expect(html).not.toMatch(/<link\b/)
    expect(html).not.toMatch(/@import|@font-face|url\(/)
    expect(html.match(/<script>/g)).toHaveLength(1)
  })

  it.each([
    [1920, 1080, 'landscape'],
    [1080, 1920, 'portrait'],
    [3840, 2160, 'landscape'],
    [2160, 3840, 'portrait'],
  ])('is laid out for a %i×%i panel (%s)', (width, height, orientation) => {
    const html = renderScreenDocument(storeScreen('en'), documentOptions({ width, height }))
    expect(html).toContain(`class="tessera-screen is-${orientation}" data-width="${width}" data-height="${height}"`)
  })

  it('sizes type relative to the viewport, never in fixed pixels too small to read from a distance', () => {
    const html = renderScreenDocument(storeScreen('en'), documentOptions())
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'))
    const sizes = [...style.matchAll(/font-size:([^;}]+)/g)].map((match) => match[1]!)
    expect(sizes.length).toBeGreaterThan(5)
    for (const size of sizes) expect(size).toMatch(/^calc\([\d.]+ \* var\(--u\)\)$/)
    const smallest = Math.min(...sizes.map((size) => Number(/calc\(([\d.]+)/.exec(size)![1])))
    // 2.6 units: 28 px on a 1080p panel.
    expect(smallest).toBeGreaterThanOrEqual(2.6)
    expect(style).toContain('html{--u:1vmin}')
  })

  it('shows one full-screen slide per block, in slot order, the first one up', () => {
    const slides = slidesOf(renderScreenDocument(storeScreen('en'), documentOptions()))
    expect(slides.map((slide) => slide.block)).toEqual(['screen-welcome', 'autumn-offer', 'product-candle'])
    expect(slides.map((slide) => slide.classes.includes('is-active'))).toEqual([true, false, false])
    expect(slides.map((slide) => slide.classes.split(' ')[1])).toEqual(['slide-hero', 'slide-offer', 'slide-product'])
  })

  it('keeps the slides in one delimited container that a newer document’s can replace', () => {
    const html = renderScreenDocument(storeScreen('en'), documentOptions())
    const start = html.indexOf(`<main id="${SCREEN_SLIDES_ID}"`)
    const end = html.indexOf('</main>')
    expect(start).toBeGreaterThan(0)
    expect(html.slice(start, end).match(/data-slide /g)).toHaveLength(3)
    expect(html.slice(end)).not.toContain('<section')
  })

  it('shows the offer with a big discount, its code and its end date, in the page’s language', () => {
    const french = renderScreenDocument(storeScreen('fr'), documentOptions())
    expect(french).toContain('<p class="discount discount-l">−20 %</p>')
    expect(french).toContain('<p class="code">Code <strong>AUTUMN20</strong></p>')
    expect(french).toContain('<p class="until">Jusqu’au 30 novembre</p>')
    expect(french).toContain('<p class="body">Jusqu’à dimanche, en ligne et en boutique.</p>')
    expect(french).toContain('<p class="cta">Voir les bougies</p>')
    expect(renderScreenDocument(storeScreen('en'), documentOptions())).toContain('<p class="until">Until 30 November</p>')
  })

  it('shows a product with its name and a big price, formatted for the language', () => {
    const price = (locale: Locale) => /<p class="price"><span class="visually-hidden">[^<]*<\/span>([^<]*)<\/p>/.exec(renderScreenDocument(storeScreen(locale), documentOptions()))![1]
    expect(price('en')).toBe('€34.00')
    expect(price('fr')).toMatch(/^34,00\s€$/u)
    const html = renderScreenDocument(storeScreen('fr'), documentOptions())
    expect(html).toContain('<p class="eyebrow">Le parfum de la saison</p><h2 class="headline headline-xl">Bougie Ambre</h2>')
  })

  it('gives text, call-to-action and image blocks their own slides, with labels but no links (nobody clicks a screen)', () => {
    const more = storeScreen('en', (page) => {
      page.blocks.push(
        block(3, 'text', 'store-events', { headline: 'Candle-making workshops', body: [...paragraph('Every Saturday morning.'), ...paragraph('Places are limited.')] }),
        block(4, 'cta', 'shop-cta', { headline: 'Shop the collection', cta: { label: 'Scan to shop', url: 'https://shop.example/collection' } }),
        block(5, 'image', 'atelier-image', { headline: 'Our atelier', image: 'evening-candles' }),
      )
    })
    const html = renderScreenDocument(more, documentOptions())
    expect(slidesOf(html).slice(3)).toEqual([
      { classes: 'slide slide-text-kind no-image', block: 'store-events' },
      { classes: 'slide slide-cta no-image', block: 'shop-cta' },
      { classes: 'slide slide-image has-image', block: 'atelier-image' },
    ])
    expect(html).toContain('<p class="body">Every Saturday morning.\n\nPlaces are limited.</p>')
    expect(html).toContain('<p class="cta">Scan to shop</p>')
    expect(html).not.toMatch(/<a\b/)
  })

  it('shows the screen rendition that fits the panel, with alt text in the page’s language', () => {
    const images = (width: number, height: number) =>
      [...renderScreenDocument(storeScreen('fr'), documentOptions({ width, height })).matchAll(/<img src="([^"]*)" alt="([^"]*)" width="(\d+)"/g)].map((match) => ({ src: match[1], alt: match[2], width: Number(match[3]) }))
    expect(images(1920, 1080)).toEqual([
      { src: 'https://shop.example/api/media/file/store-front-screen1920.jpg', alt: 'The Maison Lumen shop front at dusk', width: 1920 },
      { src: 'https://shop.example/api/media/file/evening-candles-screen1920.jpg', alt: 'Trois bougies ambrées allumées sur une table en chêne sombre', width: 1920 },
    ])
    expect(images(1080, 1920).map((image) => image.src)).toEqual([
      'https://shop.example/api/media/file/store-front-screen1920.jpg',
      'https://shop.example/api/media/file/evening-candles-screen1920.jpg',
    ])
    for (const [width, height] of [
      [3840, 2160],
      [2160, 3840],
    ]) {
      expect(images(width!, height!).map((image) => [image.src, image.width])).toEqual([
        ['https://shop.example/api/media/file/store-front-screen3840.jpg', 3840],
        ['https://shop.example/api/media/file/evening-candles-screen3840.jpg', 3840],
      ])
    }
  })

  it('falls back to the other screen rendition, then to the original, when one is missing', () => {
    const withoutScreen1920 = storeScreen('en', (page) => {
      delete page.media['store-front']!.sizes.screen1920
      page.media['evening-candles']!.sizes = {}
    })
    const html = renderScreenDocument(withoutScreen1920, documentOptions())
    expect(html).toContain('src="https://shop.example/api/media/file/store-front-screen3840.jpg"')
    expect(html).toContain('src="https://shop.example/api/media/file/evening-candles.png"')
  })

  it('escapes every string that content, media or the caller put in the document', () => {
    const attack = storeScreen('en', (page) => {
      page.page.title = MALICIOUS
      page.blocks[0]!.content.headline = MALICIOUS
      page.blocks[0]!.block = `"><script>alert(1)</script>`
      page.blocks[1]!.content.offer = { code: MALICIOUS, discount: MALICIOUS, validUntil: MALICIOUS }
      page.blocks[1]!.content.cta = { label: MALICIOUS, url: 'javascript:alert(1)' }
      page.blocks[1]!.content.body = [{ type: 'paragraph', children: [{ type: 'link', href: 'javascript:alert(1)', children: [{ type: 'text', text: MALICIOUS }] }] }]
      page.blocks[2]!.content.product = { name: MALICIOUS, price: 34, currency: MALICIOUS }
      page.media['store-front']!.alt = { en: `" onerror="alert(1)` }
      page.media['store-front']!.sizes.screen1920!.url = `/x.jpg" onerror="alert(1)`
    })
    const html = renderScreenDocument(attack, documentOptions({ etag: `"x" onload="alert(1)` }))
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).not.toMatch(/ on(error|load)="/)
    expect(html).not.toContain('javascript:')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('data-etag="&quot;x&quot; onload=&quot;alert(1)"')
    // The only elements are the ones the renderer writes: three slides' worth.
    expect(html.match(/<img /g)).toHaveLength(2)
    expect(html.match(/<script/g)).toHaveLength(1)
  })

  it('carries the poller: its own URL polled with If-None-Match and the current ETag, every refreshSeconds', () => {
    const html = renderScreenDocument(storeScreen('en'), documentOptions({ refreshSeconds: 45, slideSeconds: 12 }))
    expect(html).toContain('data-refresh-seconds="45" data-slide-seconds="12" data-etag="&quot;a1b2c3d4e5f6-decision&quot;"')
    expect(html).toContain(`<script>${SCREEN_POLLER_SCRIPT}</script>`)
    expect(SCREEN_POLLER_SCRIPT).toContain("headers['If-None-Match'] = etag")
    expect(SCREEN_POLLER_SCRIPT).toContain('fetch(location.href')
    expect(SCREEN_POLLER_SCRIPT).toContain("response.headers.get('ETag')")
    expect(SCREEN_POLLER_SCRIPT).toContain(`getElementById('${SCREEN_SLIDES_ID}')`)
    expect(html).toMatch(/<p id="tessera-offline" class="offline" role="status" hidden>Offline<\/p>/)
  })

  it('gives the hash a Content-Security-Policy needs to allow the inline script', async () => {
    const expected = createHash('sha256').update(SCREEN_POLLER_SCRIPT).digest('base64')
    expect(await screenScriptHash()).toBe(`'sha256-${expected}'`)
  })

  it('skips a block with nothing to show, and shows the page title rather than a black panel when nothing is left', () => {
    const imageGone = storeScreen('en', (page) => {
      page.blocks.splice(1, 0, block(1, 'image', 'atelier-image', { image: 'deleted-media' }))
    })
    expect(slidesOf(renderScreenDocument(imageGone, documentOptions())).map((slide) => slide.block)).toEqual(['screen-welcome', 'autumn-offer', 'product-candle'])

    const html = renderScreenDocument(storeScreen('fr', (page) => (page.blocks = [])), documentOptions())
    expect(slidesOf(html)).toEqual([{ classes: 'slide slide-text-kind no-image is-active', block: '' }])
    expect(html).toContain('<div class="slide-text"><h2 class="headline headline-xl">Écran boutique</h2></div>')
  })

  it('refuses a size or a period that is not a positive number', () => {
    expect(() => renderScreenDocument(storeScreen('en'), documentOptions({ refreshSeconds: 0 }))).toThrow(RangeError)
    expect(() => renderScreenDocument(storeScreen('en'), documentOptions({ slideSeconds: Number.NaN }))).toThrow(RangeError)
    expect(() => renderScreenDocument(storeScreen('en'), documentOptions({ width: -1 }))).toThrow(RangeError)
  })
})

// ─── The PNG ───────────────────────────────────────────────────────────────

/** A flat-colour JPEG, as a caller would read from a screen rendition. */
async function jpeg(width: number, height: number, colour: { r: number; g: number; b: number }): Promise<string> {
  const bytes = await sharp({ create: { width, height, channels: 3, background: colour } }).jpeg().toBuffer()
  return imageDataUrl(bytes, 'image/jpeg')
}

const RED = { r: 200, g: 30, b: 40 }

async function pixel(png: Uint8Array, x: number, y: number) {
  const { data } = await sharp(png).extract({ left: x, top: y, width: 1, height: 1 }).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  return { r: data[0]!, g: data[1]!, b: data[2]! }
}

/** Whether the picture has more than one colour (text or an image was drawn). */
async function hasDetail(png: Uint8Array): Promise<boolean> {
  const { channels } = await sharp(png).stats()
  return channels.some((channel) => channel.max - channel.min > 64 && channel.stdev > 1)
}

/** Fetches of anything but the renderer's own inlined WebAssembly (data: URLs). */
function networkFetches(spy: { mock: { calls: unknown[][] } }): string[] {
  return spy.mock.calls.map(([input]) => String(input instanceof Request ? input.url : input)).filter((url) => !url.startsWith('data:'))
}

describe('screen PNG', { timeout: 60_000 }, () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it.each([
    [1920, 1080],
    [1080, 1920],
    [3840, 2160],
  ])('is a PNG of exactly %i×%i with the first slide drawn on it', async (width, height) => {
    const images = { 'store-front': await jpeg(1920, 1080, RED) }
    const png = await renderScreenPng(storeScreen('fr'), { width, height, defaultLocale: 'en', images })
    const metadata = await sharp(png).metadata()
    expect(metadata.format).toBe('png')
    expect([metadata.width, metadata.height]).toEqual([width, height])
    expect(await hasDetail(png)).toBe(true)
    // The hero's picture fills the screen: its top corner is the image's red.
    const corner = await pixel(png, 4, 4)
    expect(Math.abs(corner.r - RED.r) + Math.abs(corner.g - RED.g) + Math.abs(corner.b - RED.b)).toBeLessThan(30)
  })

  it('puts a product’s picture on its half of the screen, cover-fitted, and the text on the other', async () => {
    const BLUE = { r: 20, g: 60, b: 210 }
    const images = { 'evening-candles': await jpeg(800, 800, BLUE) }
    const near = (colour: { r: number; g: number; b: number }, expected: { r: number; g: number; b: number }) => Math.abs(colour.r - expected.r) + Math.abs(colour.g - expected.g) + Math.abs(colour.b - expected.b) < 30
    const landscape = await renderScreenPng(storeScreen('en'), { width: 1920, height: 1080, defaultLocale: 'en', images, slide: 2 })
    expect(near(await pixel(landscape, 4, 540), BLUE)).toBe(true)
    expect(near(await pixel(landscape, 955, 1075), BLUE)).toBe(true)
    expect(await pixel(landscape, 1915, 4)).toEqual({ r: 0x14, g: 0x17, b: 0x1c })
    const portrait = await renderScreenPng(storeScreen('en'), { width: 1080, height: 1920, defaultLocale: 'en', images, slide: 2 })
    expect(near(await pixel(portrait, 1075, 4), BLUE)).toBe(true)
    expect(near(await pixel(portrait, 540, 880), BLUE)).toBe(true)
    expect(await pixel(portrait, 4, 1915)).toEqual({ r: 0x14, g: 0x17, b: 0x1c })
  })

  it('darkens a hero’s picture under its text with the gradient, leaving the top as it is', async () => {
    const WHITE = { r: 255, g: 255, b: 255 }
    const png = await renderScreenPng(storeScreen('en'), { width: 1920, height: 1080, defaultLocale: 'en', images: { 'store-front': await jpeg(1920, 1080, WHITE) } })
    const top = await pixel(png, 960, 4)
    const bottom = await pixel(png, 4, 1075)
    expect(top.r + top.g + top.b).toBeGreaterThan(740)
    // 90 % black over white at the very bottom: about 26 of 255.
    expect(bottom.r).toBeGreaterThan(10)
    expect(bottom.r).toBeLessThan(45)
  })

  it('draws text: a slide with no picture is not a flat colour', async () => {
    const png = await renderScreenPng(storeScreen('fr'), { width: 1920, height: 1080, defaultLocale: 'en', images: {}, slide: 1 })
    expect(await hasDetail(png)).toBe(true)
    const ground = await pixel(png, 4, 4)
    expect(ground).toEqual({ r: 0x5c, g: 0x1a, b: 0x1b })
  })

  it('draws a page without blocks as its title', async () => {
    const png = await renderScreenPng(storeScreen('fr', (page) => (page.blocks = [])), { width: 1920, height: 1080, defaultLocale: 'en', images: {} })
    expect(await hasDetail(png)).toBe(true)
  })

  it('draws any slide on request, counting past the last one round again', async () => {
    const options = { width: 640, height: 360, defaultLocale: 'en' as const, images: {} }
    const offer = await renderScreenPng(storeScreen('en'), { ...options, slide: 1 })
    expect(Buffer.from(await renderScreenPng(storeScreen('en'), { ...options, slide: 4 })).equals(Buffer.from(offer))).toBe(true)
    expect(Buffer.from(await renderScreenPng(storeScreen('en'), { ...options, slide: 2 })).equals(Buffer.from(offer))).toBe(false)
    await expect(renderScreenPng(storeScreen('en'), { ...options, slide: -1 })).rejects.toThrow(RangeError)
  })

  it('says which rendition file the caller must read for the slide, by panel size', () => {
    const needed = (width: number, height: number, slide?: number) =>
      screenPngImages(storeScreen('en'), { width, height, defaultLocale: 'en', slide }).map((image) => [image.media, image.rendition.name, image.rendition.url])
    expect(needed(1920, 1080)).toEqual([['store-front', 'screen1920', '/api/media/file/store-front-screen1920.jpg']])
    expect(needed(3840, 2160)).toEqual([['store-front', 'screen3840', '/api/media/file/store-front-screen3840.jpg']])
    expect(needed(1920, 1080, 1)).toEqual([])
  })

  it('never fetches: images must be data: URLs, and a URL is refused without being requested', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'https://shop.example/store-front.jpg', 'file:///etc/passwd', 'data:image/svg+xml;base64,PHN2Zy8+']) {
      await expect(renderScreenPng(storeScreen('en'), { width: 640, height: 360, defaultLocale: 'en', images: { 'store-front': url } })).rejects.toThrow(/data: URL/)
    }
    expect(networkFetches(fetchSpy)).toEqual([])
  })

  it('draws French text with the bundled fonts, and drops what they cannot draw instead of downloading a font', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch')
    const mixed = storeScreen('fr', (page) => {
      page.blocks[0]!.content.headline = 'Ouvert jusqu’à 21 h : dernières bougies 🕯️ 蜡烛 свечи'
      page.blocks[0]!.content.image = undefined
    })
    const png = await renderScreenPng(mixed, { width: 1920, height: 1080, defaultLocale: 'en', images: {} })
    expect(await hasDetail(png)).toBe(true)
    expect(networkFetches(fetchSpy)).toEqual([])
  })

  it('refuses sizes that are not a panel', async () => {
    const options = { defaultLocale: 'en' as const, images: {} }
    await expect(renderScreenPng(storeScreen('en'), { ...options, width: 1920.5, height: 1080 })).rejects.toThrow(RangeError)
    await expect(renderScreenPng(storeScreen('en'), { ...options, width: 100_000, height: 1080 })).rejects.toThrow(RangeError)
  })
})
