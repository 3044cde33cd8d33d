/**
 * The screen's look, shared by the HTML document and the PNG so they match:
 * colours with high contrast (light text on near-black or dark, saturated
 * grounds; the accent on them is above 7:1), and a type scale in screen units.
 *
 * One screen unit is 1% of the screen's shorter side (1vmin), 1.2% in
 * portrait where height is to spare. Nothing is smaller than 2.6 units: 28 px
 * on a 1080p panel, read from a few metres away.
 */
import type { ScreenOrientation } from './slides'

export const SCREEN_COLOURS = {
  ground: '#0b0b0d',
  media: '#1c1c20',
  text: '#ffffff',
  soft: '#ececec',
  accent: '#ffd166',
  ink: '#111111',
  offer: '#5c1a1b',
  offerMedia: '#3f1112',
  until: '#f3d9d9',
  product: '#14171c',
  calm: '#16283a',
  offline: '#ff6b6b',
} as const

/** Font sizes, in screen units. */
export const SCREEN_TYPE = {
  headline: { xl: 9.5, l: 7.6, m: 6.2, s: 5.2 },
  body: 4.2,
  eyebrow: 4,
  discount: { l: 24, m: 15, s: 9.5 },
  price: 13,
  codeLabel: 4,
  code: 6.4,
  until: 3.6,
  cta: 4.6,
  offline: 2.6,
} as const

/** Spacing, in screen units. */
export const SCREEN_SPACE = { padding: 7, gap: 3.2, heroTop: 18 } as const

/** Pixels per screen unit. */
export function screenUnit(width: number, height: number, orientation: ScreenOrientation): number {
  return (Math.min(width, height) / 100) * (orientation === 'portrait' ? 1.2 : 1)
}
