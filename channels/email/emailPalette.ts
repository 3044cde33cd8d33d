/**
 * The email's colours, for light and for dark mode. Every pair that carries
 * text keeps WCAG AA contrast (4.5:1) in both schemes; the unit tests check
 * it, so a new colour cannot quietly make a footer unreadable.
 */
export type EmailPalette = {
  /** Behind the content column (the footer sits on it). */
  canvas: string
  /** The content column. */
  card: string
  /** The offer block stands out from the other blocks. */
  offer: string
  text: string
  muted: string
  link: string
  buttonBackground: string
  buttonText: string
  code: string
}

export const LIGHT_PALETTE: EmailPalette = {
  canvas: '#f4efe9',
  card: '#ffffff',
  offer: '#fbf1e6',
  text: '#2b2520',
  muted: '#5f564f',
  link: '#8a4b1c',
  buttonBackground: '#8a4b1c',
  buttonText: '#ffffff',
  code: '#6b3712',
}

export const DARK_PALETTE: EmailPalette = {
  canvas: '#12100e',
  card: '#1f1b18',
  offer: '#2b241e',
  text: '#f3ede6',
  muted: '#c9beb3',
  link: '#f0b27a',
  buttonBackground: '#f0b27a',
  buttonText: '#1f1b18',
  code: '#f7cfa6',
}

/** System fonts only: web fonts cost a request and Outlook ignores them anyway. */
export const BODY_FONT = 'Helvetica, Arial, sans-serif'
export const HEADING_FONT = "Georgia, 'Times New Roman', serif"
