/**
 * The fonts the screen PNG is drawn with: Inter (SIL Open Font License 1.1,
 * fonts/OFL.txt), regular and bold, in Fontsource's Latin and Latin Extended
 * subsets, which together cover French and the other Latin-script languages
 * (’ à œ € − and the narrow no-break space included).
 *
 * Read once per process: the first call reads the files, every later call
 * gets the same object. Satori also caches its parsed fonts by the identity
 * of the array it is given, so handing it the same array matters twice.
 * Node only (reads files); the HTML channel needs none of this.
 */
import fs from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

import { coveredCodePoints } from './fontCoverage'

/** The family name screens are drawn in. */
export const SCREEN_FONT_FAMILY = 'Inter'

type Weight = 400 | 700

/**
 * Each subset under its own name: Satori picks one font per family and weight,
 * and falls back to the other families glyph by glyph. Literal URLs, so
 * bundlers see the files and ship them with the server code.
 */
const FONT_FILES: { url: URL; name: string; weight: Weight }[] = [
  { url: new URL('./fonts/inter-latin-400-normal.woff', import.meta.url), name: SCREEN_FONT_FAMILY, weight: 400 },
  { url: new URL('./fonts/inter-latin-700-normal.woff', import.meta.url), name: SCREEN_FONT_FAMILY, weight: 700 },
  { url: new URL('./fonts/inter-latin-ext-400-normal.woff', import.meta.url), name: `${SCREEN_FONT_FAMILY} Latin Extended`, weight: 400 },
  { url: new URL('./fonts/inter-latin-ext-700-normal.woff', import.meta.url), name: `${SCREEN_FONT_FAMILY} Latin Extended`, weight: 700 },
]

export type SatoriFont = { name: string; data: ArrayBuffer; weight: Weight; style: 'normal' }

export type ScreenFonts = {
  /** Pass this very array to ImageResponse. */
  fonts: SatoriFont[]
  /** Whether some font draws this code point. */
  covers: (codePoint: number) => boolean
}

let loading: Promise<ScreenFonts> | undefined

async function readFonts(): Promise<ScreenFonts> {
  const covered = new Set<number>()
  const fonts = await Promise.all(
    FONT_FILES.map(async ({ url, name, weight }): Promise<SatoriFont> => {
      const bytes = await fs.readFile(fileURLToPath(url))
      for (const codePoint of coveredCodePoints(bytes)) covered.add(codePoint)
      const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
      return { name, data, weight, style: 'normal' }
    }),
  )
  return { fonts, covers: (codePoint) => covered.has(codePoint) }
}

export function loadScreenFonts(): Promise<ScreenFonts> {
  // A failed read is not cached: the next render tries again.
  loading ??= readFonts().catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}

/**
 * The text as the bundled fonts can draw it, on one line: composed (NFC, so
 * "e" + combining accent becomes "é"), line breaks and runs of spaces as one space,
 * and without any character they cannot draw (emoji, other scripts), which
 * Satori would otherwise fetch from the Internet.
 */
export function drawableText(text: string, fonts: Pick<ScreenFonts, 'covers'>): string {
  let drawable = ''
  for (const character of text.normalize('NFC')) {
    if (/[\t\n\v\f\r]/.test(character)) drawable += ' '
    // Covered no-break spaces stay: "−20 %" must not break before its "%".
    else if (fonts.covers(character.codePointAt(0)!)) drawable += character
    else if (/\s/.test(character)) drawable += ' '
  }
  return drawable.replace(/ {2,}/g, ' ').trim()
}
