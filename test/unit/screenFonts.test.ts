/**
 * The screen PNG's fonts: bundled with the code (Inter, OFL), read once per
 * process, covering French and the Latin Extended alphabets; text they
 * cannot draw is dropped rather than fetched.
 */
import fs from 'node:fs/promises'

import { afterEach, describe, expect, it, vi } from 'vitest'

import { drawableText, loadScreenFonts } from '../../channels/screen/fonts'
import { renderScreenPng } from '../../channels/screen/png'
import type { ResolvedPage } from '../../engine'

const welcome = (locale: 'en' | 'fr', headline: string): ResolvedPage => ({
  page: { slug: 'store-screen', title: 'Store screen', channel: 'screen', locale },
  version: 'v1',
  personalized: false,
  blocks: [{ slot: 0, kind: 'hero', block: 'screen-welcome', variant: null, tone: 'playful', length: 'short', content: { headline } }],
  media: {},
  attributesRead: [],
  decisionKey: 'screen|en|0:default;',
})

describe('screen fonts', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('are read from their files once per process: later loads and renders reuse them', async () => {
    const reads = vi.spyOn(fs, 'readFile')
    // Other modules read files too (sharp looks up the C library): count font files only.
    const fontReads = () => reads.mock.calls.map(([path]) => String(path)).filter((path) => path.endsWith('.woff'))
    const first = await loadScreenFonts()
    expect(fontReads()).toHaveLength(4)
    expect(first.fonts.map((font) => [font.name, font.weight])).toEqual([
      ['Inter', 400],
      ['Inter', 700],
      ['Inter Latin Extended', 400],
      ['Inter Latin Extended', 700],
    ])

    reads.mockClear()
    expect(await loadScreenFonts()).toBe(first)
    await renderScreenPng(welcome('en', 'Welcome to Maison Lumen'), { width: 320, height: 180, defaultLocale: 'en', images: {} })
    await renderScreenPng(welcome('fr', 'Bienvenue chez Maison Lumen'), { width: 180, height: 320, defaultLocale: 'en', images: {} })
    expect(fontReads()).toEqual([])
    expect(await loadScreenFonts()).toBe(first)
  })

  it('cover French and the Latin Extended alphabets', async () => {
    const fonts = await loadScreenFonts()
    const needed = 'Ouvert jusqu’à 21 h : dernières bougies −20 % œŒæçÇéèêëàâîïôûùüÿ€«»“”‘’…–— ąćęłńśźżőűšžřčďťňůăâîșțğışİ'
    const missing = [...needed].filter((character) => character !== ' ' && !fonts.covers(character.codePointAt(0)!))
    expect(missing).toEqual([])
  })

  it('keep the text they can draw (composed), and drop emoji and other scripts', async () => {
    const fonts = await loadScreenFonts()
    expect(drawableText('Ouvert jusqu’à 21 h : dernières bougies', fonts)).toBe('Ouvert jusqu’à 21 h : dernières bougies')
    expect(drawableText('Cafe\u0301 🕯️  蜡烛\nouvert', fonts)).toBe('Café ouvert')
    // No-break spaces stay, so "−20 %" never breaks before its "%".
    expect(drawableText('−20\u00a0%', fonts)).toBe('−20\u00a0%')
  })
})
