/**
 * Which characters a font file can draw, read from its cmap table (TrueType,
 * OpenType or WOFF 1: the formats Satori reads).
 *
 * Why: when Satori meets a character that none of its fonts draws, next/og
 * downloads a fallback font from Google Fonts, or an emoji image from a CDN,
 * with the text in the URL. The PNG renderer must never fetch, so it keeps
 * only the characters its bundled fonts draw (see fonts.ts). No font parser is
 * among our dependencies, and the cmap is all we need from one.
 */
import { inflateSync } from 'node:zlib'

const WOFF = 0x774f4646 // 'wOFF'
const WOFF2 = 0x774f4632 // 'wOF2'
const SFNT = new Set([0x00010000, 0x4f54544f /* 'OTTO' */, 0x74727565 /* 'true' */])

function tag(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3))
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** One table's bytes, uncompressed. */
function fontTable(file: Uint8Array, wanted: string): DataView {
  const view = viewOf(file)
  const signature = view.getUint32(0)
  if (signature === WOFF) {
    const count = view.getUint16(12)
    for (let index = 0; index < count; index++) {
      const entry = 44 + index * 20
      if (tag(view, entry) !== wanted) continue
      const offset = view.getUint32(entry + 4)
      const compressed = view.getUint32(entry + 8)
      const length = view.getUint32(entry + 12)
      const bytes = file.subarray(offset, offset + compressed)
      return viewOf(compressed < length ? inflateSync(bytes) : bytes)
    }
  } else if (SFNT.has(signature)) {
    const count = view.getUint16(4)
    for (let index = 0; index < count; index++) {
      const entry = 12 + index * 16
      if (tag(view, entry) === wanted) return viewOf(file.subarray(view.getUint32(entry + 8), view.getUint32(entry + 8) + view.getUint32(entry + 12)))
    }
  } else if (signature === WOFF2) {
    throw new Error('WOFF2 fonts are not supported (Satori cannot read them either): use TTF, OTF or WOFF')
  } else {
    throw new Error('Not a font file: expected TrueType, OpenType or WOFF')
  }
  throw new Error(`The font has no “${wanted}” table`)
}

/** Format 4: 16-bit segments, glyph ids by delta or through the glyph array. */
function addFormat4(cmap: DataView, start: number, into: Set<number>): void {
  const segments = cmap.getUint16(start + 6) / 2
  const ends = start + 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const rangeOffsets = deltas + segments * 2
  for (let segment = 0; segment < segments; segment++) {
    const first = cmap.getUint16(starts + segment * 2)
    const last = cmap.getUint16(ends + segment * 2)
    const delta = cmap.getUint16(deltas + segment * 2)
    const rangeOffsetAt = rangeOffsets + segment * 2
    const rangeOffset = cmap.getUint16(rangeOffsetAt)
    for (let code = first; code <= last && code !== 0xffff; code++) {
      let glyph: number
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff
      else {
        const raw = cmap.getUint16(rangeOffsetAt + rangeOffset + (code - first) * 2)
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff
      }
      if (glyph !== 0) into.add(code)
    }
  }
}

/** Format 12: 32-bit groups of consecutive characters and glyphs. */
function addFormat12(cmap: DataView, start: number, into: Set<number>): void {
  const groups = cmap.getUint32(start + 12)
  for (let group = 0; group < groups; group++) {
    const at = start + 16 + group * 12
    const first = cmap.getUint32(at)
    const last = Math.min(cmap.getUint32(at + 4), 0x10ffff)
    const firstGlyph = cmap.getUint32(at + 8)
    for (let code = first; code <= last; code++) if (firstGlyph + (code - first) !== 0) into.add(code)
  }
}

const isUnicode = (platform: number, encoding: number) => platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10))

/** The Unicode code points the font maps to a glyph. */
export function coveredCodePoints(file: Uint8Array): Set<number> {
  const cmap = fontTable(file, 'cmap')
  const subtables: { format: number; start: number }[] = []
  for (let index = 0; index < cmap.getUint16(2); index++) {
    const record = 4 + index * 8
    if (!isUnicode(cmap.getUint16(record), cmap.getUint16(record + 2))) continue
    const start = cmap.getUint32(record + 4)
    subtables.push({ format: cmap.getUint16(start), start })
  }
  // Format 12 is the full repertoire when present; format 4 the BMP.
  const best = subtables.find((table) => table.format === 12) ?? subtables.find((table) => table.format === 4)
  if (!best) throw new Error('The font has no Unicode character map (format 4 or 12)')
  const covered = new Set<number>()
  if (best.format === 12) addFormat12(cmap, best.start, covered)
  else addFormat4(cmap, best.start, covered)
  return covered
}
