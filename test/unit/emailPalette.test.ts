import { describe, expect, it } from 'vitest'

import { DARK_PALETTE, LIGHT_PALETTE, type EmailPalette } from '../../channels/email/emailPalette'

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = parseInt(hex.slice(start, start + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(foreground: string, background: string): number {
  const [lighter, darker] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number]
  return (lighter + 0.05) / (darker + 0.05)
}

/** Every pair of colours the email draws text with. */
const TEXT_ON_BACKGROUND: [keyof EmailPalette, keyof EmailPalette][] = [
  ['text', 'card'],
  ['text', 'offer'],
  ['link', 'card'],
  ['link', 'offer'],
  ['code', 'offer'],
  ['muted', 'offer'],
  ['muted', 'canvas'],
  ['buttonText', 'buttonBackground'],
]

describe.each([
  ['light', LIGHT_PALETTE],
  ['dark', DARK_PALETTE],
])('the %s email palette', (_scheme, palette) => {
  it.each(TEXT_ON_BACKGROUND)('keeps %s on %s readable (WCAG AA, 4.5:1)', (foreground, background) => {
    expect(contrast(palette[foreground], palette[background])).toBeGreaterThanOrEqual(4.5)
  })
})

describe('dark mode', () => {
  it('really is dark: every background darker, every text colour lighter than in light mode', () => {
    for (const background of ['canvas', 'card', 'offer'] as const) expect(luminance(DARK_PALETTE[background])).toBeLessThan(luminance(LIGHT_PALETTE[background]))
    for (const foreground of ['text', 'muted', 'link', 'code'] as const) expect(luminance(DARK_PALETTE[foreground])).toBeGreaterThan(luminance(LIGHT_PALETTE[foreground]))
  })
})
