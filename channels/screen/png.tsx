/**
 * The in-store screen channel as an image, for players that show pictures
 * rather than web pages. It draws one slide of the same decision as the HTML
 * document (slides.ts), the first by default, with the same layout and
 * colours, through next/og's ImageResponse (Satori, then sharp).
 *
 * A slide's picture is not drawn by the SVG rasterizer: it is laid out as a
 * hole, and sharp puts the picture under the drawn layer (cover, centred, as
 * CSS object-fit draws it). Drawing a full-screen photo through the SVG
 * path cost most of a cold render (about 0.6 s at 4K); sized once and
 * composited it costs a fraction, and a screen-size rendition prepared at
 * upload (media renditions `screen*`) needs no resize at all.
 *
 * It never fetches anything. Images come in as data: URLs that the caller
 * made from our own media files (screenPngImages says which), so no URL from
 * a request or from content is ever fetched; any other kind of image source
 * is refused. Text keeps only characters the bundled fonts draw, because for
 * any other one next/og would download a font or an emoji (fonts.ts).
 *
 * Node only (the fonts are read from files).
 */
import { ImageResponse } from 'next/og'
import type { CSSProperties, ReactElement } from 'react'
import sharp from 'sharp'
import { renderSVG } from 'uqr'

import type { Locale, ResolvedPage } from '../../engine'
import { drawableText, loadScreenFonts, SCREEN_FONT_FAMILY, type ScreenFonts } from './fonts'
import { discountSize, headlineSize, questionUrl, SCREEN_LABELS, screenOrientation, screenSlides, type ScreenImage, type ScreenSlide } from './slides'
import { SCREEN_COLOURS, SCREEN_SPACE, SCREEN_TYPE, screenUnit } from './theme'

export type ScreenPngOptions = {
  /** The panel's resolution in pixels: the PNG's exact size. */
  width: number
  height: number
  defaultLocale: Locale
  /**
   * The slides' images as data: URLs (JPEG, PNG or GIF) by media id, read by
   * the caller from our own files: see screenPngImages. A missing image leaves
   * its slide without a picture.
   */
  images: Readonly<Record<string, string>>
  /** Which slide to draw, counted from 0; wraps around past the last. Default: the first. */
  slide?: number
  /**
   * The site's public origin: an ask slide draws a QR code opening its
   * question there (with `store`), as the HTML document does. Without it the
   * slide shows the question alone.
   */
  answerBase?: string
  /** The store the screen is in, put in the QR code's link. */
  store?: string
}

/** Panels up to 8K: beyond that a render is a mistake, not a screen. */
const MAX_SIDE = 7680
const DATA_URL = /^data:image\/(jpeg|png|gif);base64,[A-Za-z0-9+/]+={0,2}$/

const COLOURS = SCREEN_COLOURS
const TYPE = SCREEN_TYPE

function checkSide(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 16 || value > MAX_SIDE) throw new RangeError(`${name} must be a whole number of pixels from 16 to ${MAX_SIDE}, got ${value}`)
  return value
}

function slideIndex(slide: number | undefined, count: number): number {
  const index = slide ?? 0
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`slide must be a whole number from 0, got ${index}`)
  return index % count
}

/** The slide a PNG of these options shows. */
function chosenSlide(resolved: ResolvedPage, options: Pick<ScreenPngOptions, 'width' | 'height' | 'defaultLocale' | 'slide'>): ScreenSlide {
  const slides = screenSlides(resolved, options)
  return slides[slideIndex(options.slide, slides.length)]!
}

/**
 * The images the caller must pass to renderScreenPng for this slide: media id
 * and the rendition file to read (screen1920, or screen3840 on 4K panels).
 */
export function screenPngImages(resolved: ResolvedPage, options: Pick<ScreenPngOptions, 'width' | 'height' | 'defaultLocale' | 'slide'>): ScreenImage[] {
  const image = chosenSlide(resolved, options).image
  return image ? [image] : []
}

/** A data: URL for image bytes read from our own media files. */
export function imageDataUrl(bytes: Uint8Array, mimeType: 'image/jpeg' | 'image/png' | 'image/gif'): string {
  return `data:${mimeType};base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`
}

function imageSource(image: ScreenImage | undefined, images: ScreenPngOptions['images']): string | undefined {
  if (!image || !Object.hasOwn(images, image.media)) return undefined
  const source = images[image.media]!
  if (!DATA_URL.test(source)) {
    throw new TypeError(`The image for media “${image.media}” must be a data: URL (JPEG, PNG or GIF): the screen renderer never fetches`)
  }
  return source
}

/** The canvas, and pixels per screen unit (theme.ts). */
type Frame = { width: number; height: number; unit: number; landscape: boolean }

function Picture({ source, alt, width, height, style }: { source: string; alt: string; width: number; height: number; style?: CSSProperties }) {
  // Satori draws <img>; next/image has no meaning in an ImageResponse.
  // eslint-disable-next-line @next/next/no-img-element
  return <img src={source} alt={alt} width={width} height={height} style={{ width, height, objectFit: 'cover', ...style }} />
}

/** The ask slide's QR code as an SVG data: URL (uqr: our own link only), drawn by Satori like any image. */
function questionCodeSource(slide: ScreenSlide, locale: Locale, answerBase: string | undefined, store: string | undefined): string | undefined {
  if (!slide.question || !answerBase) return undefined
  const svg = renderSVG(questionUrl(slide.question.id, locale, answerBase, store), { border: 2, whiteColor: '#fff', blackColor: '#000' })
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}

type SlideTextProps = { slide: ScreenSlide; frame: Frame; fonts: ScreenFonts; locale: Locale; align: 'start' | 'center'; code?: string }

function SlideText({ slide, frame, fonts, locale, align, code: questionCode }: SlideTextProps) {
  const u = frame.unit
  const text = (value: string | undefined) => (value ? drawableText(value, fonts) : '')
  const labels = SCREEN_LABELS[locale]
  const eyebrow = text(slide.eyebrow)
  const discount = text(slide.discount)
  const title = text(slide.title)
  const price = text(slide.price)
  const paragraphs = (slide.body ?? '').split(/\n+/).map(text).filter(Boolean)
  const code = text(slide.code)
  const until = text(slide.until)
  const cta = text(slide.cta)
  const textAlign = align === 'center' ? 'center' : 'left'
  const items = align === 'center' ? 'center' : 'flex-start'

  const parts: ReactElement[] = []
  if (eyebrow) parts.push(<div key="eyebrow" style={{ fontSize: TYPE.eyebrow * u, fontWeight: 700, letterSpacing: 0.06 * TYPE.eyebrow * u, textTransform: 'uppercase', color: COLOURS.accent }}>{eyebrow}</div>)
  if (discount) {
    const size = discountSize(discount)
    const fontSize = TYPE.discount[size] * u
    parts.push(<div key="discount" style={{ fontSize, fontWeight: 700, lineHeight: 0.95, letterSpacing: -0.03 * fontSize, color: COLOURS.accent, whiteSpace: size === 's' ? 'normal' : 'nowrap', textAlign }}>{discount}</div>)
  }
  if (title) parts.push(<div key="title" style={{ fontSize: TYPE.headline[headlineSize(title)] * u, fontWeight: 700, lineHeight: 1.08, textAlign }}>{title}</div>)
  if (price) parts.push(<div key="price" style={{ fontSize: TYPE.price * u, fontWeight: 700, lineHeight: 1, color: COLOURS.accent, whiteSpace: 'nowrap' }}>{price}</div>)
  if (paragraphs.length > 0) {
    parts.push(
      <div key="body" style={{ display: 'flex', flexDirection: 'column', gap: 1.6 * u, alignItems: items }}>
        {paragraphs.slice(0, 3).map((paragraph, index) => (
          <div key={index} style={{ display: 'block', fontSize: TYPE.body * u, lineHeight: 1.25, color: COLOURS.soft, textAlign, lineClamp: 3 }}>{paragraph}</div>
        ))}
      </div>,
    )
  }
  if (code) {
    parts.push(
      <div key="code" style={{ display: 'flex', alignItems: 'center', gap: 2.4 * u, fontSize: TYPE.codeLabel * u }}>
        <div>{text(labels.code)}</div>
        <div style={{ fontSize: TYPE.code * u, fontWeight: 700, letterSpacing: 0.08 * TYPE.code * u, border: `${0.5 * u}px dashed ${COLOURS.accent}`, borderRadius: 1.2 * u, padding: `${0.8 * u}px ${2.6 * u}px` }}>{code}</div>
      </div>,
    )
  }
  if (until) parts.push(<div key="until" style={{ fontSize: TYPE.until * u, color: COLOURS.until }}>{until}</div>)
  if (cta) parts.push(<div key="cta" style={{ display: 'flex', backgroundColor: COLOURS.accent, color: COLOURS.ink, fontSize: TYPE.cta * u, fontWeight: 700, padding: `${1.6 * u}px ${4.4 * u}px`, borderRadius: 999 }}>{cta}</div>)
  if (questionCode) {
    const side = Math.round(28 * u)
    parts.push(
      <div key="qr" style={{ display: 'flex', alignItems: 'center', gap: 2.4 * u, fontSize: TYPE.until * u }}>
        <Picture source={questionCode} alt={labels.scan} width={side} height={side} style={{ objectFit: 'contain', backgroundColor: '#fff', borderRadius: u }} />
        <div>{text(labels.scan)}</div>
      </div>,
    )
  }

  return <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', alignItems: items, gap: SCREEN_SPACE.gap * u }}>{parts}</div>
}

function ground(kind: ScreenSlide['kind']): string {
  if (kind === 'offer') return COLOURS.offer
  if (kind === 'product') return COLOURS.product
  if (kind === 'text' || kind === 'cta') return COLOURS.calm
  return COLOURS.ground
}

/** Where a slide's picture goes: the whole frame for heroes and images, else one half (left; top in portrait). */
export function pictureBox(kind: ScreenSlide['kind'], frame: Pick<Frame, 'width' | 'height' | 'landscape'>): { left: number; top: number; width: number; height: number } {
  if (kind === 'hero' || kind === 'image') return { left: 0, top: 0, width: frame.width, height: frame.height }
  return frame.landscape ? { left: 0, top: 0, width: Math.round(frame.width / 2), height: frame.height } : { left: 0, top: 0, width: frame.width, height: Math.round(frame.height * 0.46) }
}

/** The colour under a slide's picture (seen through a transparent one). */
function underPicture(kind: ScreenSlide['kind']): string {
  if (kind === 'hero' || kind === 'image') return ground(kind)
  return kind === 'offer' ? COLOURS.offerMedia : COLOURS.media
}

/**
 * The drawn layer of a slide. With a picture, the picture's box is left
 * transparent (`source` is only a flag here): renderScreenPng puts the
 * picture under it.
 */
function Slide({ slide, frame, fonts, locale, source, code }: { slide: ScreenSlide; frame: Frame; fonts: ScreenFonts; locale: Locale; source: string | undefined; code?: string }) {
  const u = frame.unit
  const base: CSSProperties = { display: 'flex', position: 'relative', width: frame.width, height: frame.height, backgroundColor: source ? 'transparent' : ground(slide.kind), color: COLOURS.text, fontFamily: SCREEN_FONT_FAMILY }

  if (!source) {
    return (
      <div style={{ ...base, alignItems: 'center', justifyContent: 'center', padding: `${8 * u}px ${10 * u}px` }}>
        <SlideText slide={slide} frame={frame} fonts={fonts} locale={locale} align="center" code={code} />
      </div>
    )
  }

  // Hero and image blocks: the picture fills the screen, the text sits on a dark gradient at the bottom.
  if (slide.kind === 'hero' || slide.kind === 'image') {
    return (
      <div style={{ ...base, flexDirection: 'column', justifyContent: 'flex-end' }}>
        <div
          style={{
            display: 'flex',
            width: frame.width,
            padding: `${SCREEN_SPACE.heroTop * u}px ${SCREEN_SPACE.padding * u}px ${SCREEN_SPACE.padding * u}px`,
            backgroundImage: 'linear-gradient(to top, rgba(0,0,0,0.9) 0%, rgba(0,0,0,0.78) 55%, rgba(0,0,0,0) 100%)',
          }}
        >
          <SlideText slide={slide} frame={frame} fonts={fonts} locale={locale} align="start" code={code} />
        </div>
      </div>
    )
  }

  // Everything else: picture on one half (left, or top in portrait), text on the other.
  const media = pictureBox(slide.kind, frame)
  return (
    <div style={{ ...base, flexDirection: frame.landscape ? 'row' : 'column' }}>
      <div style={{ display: 'flex', width: media.width, height: media.height }} />
      <div style={{ display: 'flex', flexGrow: 1, flexBasis: 0, minWidth: 0, minHeight: 0, alignItems: 'center', padding: SCREEN_SPACE.padding * u, backgroundColor: ground(slide.kind) }}>
        <SlideText slide={slide} frame={frame} fonts={fonts} locale={locale} align="start" code={code} />
      </div>
    </div>
  )
}

/**
 * One slide of the screen as PNG bytes, exactly width × height. Returns the
 * bytes rather than the ImageResponse so the route sets its own headers
 * (ImageResponse would mark it public and cacheable, which a personalized
 * decision must never be).
 */
export async function renderScreenPng(resolved: ResolvedPage, options: ScreenPngOptions): Promise<Uint8Array> {
  const width = checkSide('width', options.width)
  const height = checkSide('height', options.height)
  const fonts = await loadScreenFonts()
  const locale = resolved.page.locale
  const orientation = screenOrientation({ width, height })
  const frame: Frame = { width, height, unit: screenUnit(width, height, orientation), landscape: orientation === 'landscape' }
  const slide = chosenSlide(resolved, { ...options, width, height })
  const source = imageSource(slide.image, options.images)
  const code = questionCodeSource(slide, locale, options.answerBase, options.store)

  const response = new ImageResponse(<Slide slide={slide} frame={frame} fonts={fonts} locale={locale} source={source} code={code} />, { width, height, fonts: fonts.fonts })
  const drawn = new Uint8Array(await response.arrayBuffer())
  if (!source) return drawn
  return underDrawn(drawn, source, pictureBox(slide.kind, frame), underPicture(slide.kind), { width, height })
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1

/** One channel of `top` with opacity `alpha` (0–255, `rest` = 255 − alpha) over `under`: round(v / 255) computed as (x + (x >> 8)) >> 8 with x = v + 128, exact for every v up to 255². */
function over(top: number, under: number, alpha: number, rest: number): number {
  const x = top * alpha + under * rest + 128
  return (x + (x >> 8)) >> 8
}

/**
 * The picture sized to its box (cover, centred: CSS object-fit), on its
 * ground colour, under the drawn layer. The layers are blended here, on raw
 * pixels: sharp's own composite works in linear light, at several times the
 * cost, for the same "source over" result.
 */
async function underDrawn(drawn: Uint8Array, source: string, box: ReturnType<typeof pictureBox>, under: string, size: { width: number; height: number }): Promise<Uint8Array> {
  const bytes = Buffer.from(source.slice(source.indexOf(',') + 1), 'base64')
  const [picture, layer] = await Promise.all([
    sharp(bytes).resize(box.width, box.height, { fit: 'cover', position: 'centre' }).flatten({ background: under }).ensureAlpha(1).raw().toBuffer(),
    sharp(drawn).ensureAlpha().raw().toBuffer(),
  ])
  const { width, height } = size
  if (layer.byteOffset % 4 !== 0 || picture.byteOffset % 4 !== 0 || !LITTLE_ENDIAN) throw new Error('The screen PNG blend needs word-aligned buffers on a little-endian machine')
  // Blended in place over the drawn layer, one 32-bit word per RGBA pixel (alpha in the top byte: little-endian, as every platform sharp ships for).
  const top = new Uint32Array(layer.buffer, layer.byteOffset, width * height)
  const below = new Uint32Array(picture.buffer, picture.byteOffset, box.width * box.height)
  for (let y = 0; y < box.height; y++) {
    const row = (y + box.top) * width + box.left
    const pictureRow = y * box.width
    for (let x = 0; x < box.width; x++) {
      const word = top[row + x]!
      const alpha = word >>> 24
      if (alpha === 255) continue
      const under = below[pictureRow + x]!
      if (alpha === 0) {
        top[row + x] = under
        continue
      }
      const rest = 255 - alpha
      top[row + x] = (0xff000000 | (over(word >>> 16 & 0xff, under >>> 16 & 0xff, alpha, rest) << 16) | (over(word >>> 8 & 0xff, under >>> 8 & 0xff, alpha, rest) << 8) | over(word & 0xff, under & 0xff, alpha, rest)) >>> 0
    }
  }
  // zlib level 3, not 6: about 5 % more bytes for the demo's pictures, about 8 ms less per 1080p render (bench --only screen).
  const png = await sharp(layer, { raw: { width, height, channels: 4 } }).removeAlpha().png({ compressionLevel: 3 }).toBuffer()
  return new Uint8Array(png)
}
