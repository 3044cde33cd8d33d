/**
 * The whole email as MJML: head (subject as title, hidden preheader, colour
 * scheme metadata, styles), one section per block, and the footer.
 *
 * Styles come in two sheets. The first is inlined by MJML, because Gmail and
 * Outlook drop or ignore much of a <style> block. The second stays in the head:
 * dark mode cannot be inlined. It follows `prefers-color-scheme` (Apple Mail,
 * iOS, Outlook for Mac) and Outlook.com's `data-ogsc`/`data-ogsb` markers, and
 * swaps in a palette that keeps contrast; Gmail applies its own inversion.
 */
import { escapeHtml } from '../shared/html'
import { EMAIL_WIDTH, type EmailDocument } from './emailContent'
import { BODY_FONT, DARK_PALETTE, HEADING_FONT, LIGHT_PALETTE } from './emailPalette'
import { blockSection, footerSection } from './emailSections'

const light = LIGHT_PALETTE
const dark = DARK_PALETTE

const INLINE_CSS = `
.tessera-text h1 { font-family: ${HEADING_FONT}; font-size: 30px; line-height: 1.2; font-weight: normal; margin: 0 0 12px; }
.tessera-text h2 { font-family: ${HEADING_FONT}; font-size: 24px; line-height: 1.25; font-weight: normal; margin: 0 0 12px; }
.tessera-text h3, .tessera-text h4, .tessera-text h5 { font-family: ${HEADING_FONT}; font-size: 19px; line-height: 1.3; margin: 16px 0 8px; }
.tessera-text p { margin: 0 0 12px; }
.tessera-text ul, .tessera-text ol { margin: 0 0 12px; padding: 0 0 0 24px; }
.tessera-text li { margin: 0 0 4px; }
.tessera-text blockquote { margin: 0 0 12px; padding: 0 0 0 16px; border-left: 3px solid ${light.link}; font-style: italic; }
.tessera-text a { color: ${light.link}; text-decoration: underline; }
.tessera-text .tessera-product-name { font-size: 18px; font-weight: bold; margin: 0 0 8px; }
.tessera-text .tessera-price { font-size: 20px; font-weight: bold; margin: 0 0 4px; }
.tessera-text .tessera-discount { font-family: ${HEADING_FONT}; font-size: 36px; line-height: 1.1; font-weight: bold; color: ${light.link}; margin: 8px 0 12px; }
.tessera-text .tessera-code { margin: 4px auto 12px; }
.tessera-text .tessera-code td { border: 2px dashed ${light.code}; padding: 12px 28px; text-align: center; color: ${light.code}; }
.tessera-text .tessera-code-label { font-size: 13px; letter-spacing: 1px; text-transform: uppercase; }
.tessera-text .tessera-code-value { font-family: 'Courier New', Courier, monospace; font-size: 28px; line-height: 1.3; font-weight: bold; letter-spacing: 3px; }
.tessera-text .tessera-until { font-size: 14px; color: ${light.muted}; margin: 0 0 4px; }
.tessera-footer p { margin: 0 0 8px; }
.tessera-footer a { color: ${light.muted}; text-decoration: underline; }
`

type DarkRule = { selectors: string[]; declarations: string; paints: 'text' | 'background' }

const DARK_RULES: DarkRule[] = [
  // MJML paints the canvas on <body> and again on the article <div> inside it (an attribute
  // selector, which the Outlook.com rules below need anyway, rather than one more kind of combinator).
  { selectors: ['.tessera-canvas', '.tessera-canvas [role="article"]'], declarations: `background-color: ${dark.canvas} !important;`, paints: 'background' },
  { selectors: ['.tessera-card', '.tessera-card table'], declarations: `background-color: ${dark.card} !important;`, paints: 'background' },
  { selectors: ['.tessera-offer', '.tessera-offer table'], declarations: `background-color: ${dark.offer} !important;`, paints: 'background' },
  { selectors: ['.tessera-button td', '.tessera-button a'], declarations: `background-color: ${dark.buttonBackground} !important;`, paints: 'background' },
  { selectors: ['.tessera-text div'], declarations: `color: ${dark.text} !important;`, paints: 'text' },
  { selectors: ['.tessera-text a', '.tessera-text .tessera-discount'], declarations: `color: ${dark.link} !important;`, paints: 'text' },
  { selectors: ['.tessera-text blockquote'], declarations: `border-color: ${dark.link} !important;`, paints: 'text' },
  { selectors: ['.tessera-text .tessera-code td'], declarations: `color: ${dark.code} !important; border-color: ${dark.code} !important;`, paints: 'text' },
  { selectors: ['.tessera-text .tessera-until', '.tessera-footer div', '.tessera-footer a'], declarations: `color: ${dark.muted} !important;`, paints: 'text' },
  { selectors: ['.tessera-button a'], declarations: `color: ${dark.buttonText} !important;`, paints: 'text' },
]

function darkModeCss(): string {
  const rule = (selectors: string[], declarations: string) => `${selectors.join(', ')} { ${declarations} }`
  const outlookMarker = { text: '[data-ogsc]', background: '[data-ogsb]' } as const
  return [
    ':root { color-scheme: light dark; supported-color-schemes: light dark; }',
    `@media (prefers-color-scheme: dark) {\n${DARK_RULES.map((dark) => rule(dark.selectors, dark.declarations)).join('\n')}\n}`,
    ...DARK_RULES.map((dark) => rule(dark.selectors.map((selector) => `${outlookMarker[dark.paints]} ${selector}`), dark.declarations)),
  ].join('\n')
}

const DARK_MODE_CSS = darkModeCss()

const HEAD_META = [
  '<meta name="color-scheme" content="light dark">',
  '<meta name="supported-color-schemes" content="light dark">',
  // Keeps Apple Mail from shrinking the layout, and iOS from turning the postal address into a maps link.
  '<meta name="x-apple-disable-message-reformatting">',
  '<meta name="format-detection" content="telephone=no, date=no, address=no, email=no">',
].join('')

/** Invisible filler after the preheader, so inbox previews do not run on into the body text. */
const PREHEADER_FILLER = '&#847;&zwnj;&nbsp;'.repeat(40)

const ATTRIBUTES = [
  `<mj-all font-family="${BODY_FONT}" />`,
  `<mj-text padding="0 32px" font-size="16px" line-height="1.5" color="${light.text}" />`,
  `<mj-image padding="0" />`,
  `<mj-button align="left" padding="12px 32px 0" inner-padding="14px 28px" font-size="16px" font-weight="bold" border-radius="4px" background-color="${light.buttonBackground}" color="${light.buttonText}" />`,
].join('')

export function emailMjml(document: EmailDocument): string {
  const head = [
    `<mj-title>${escapeHtml(document.subject)}</mj-title>`,
    document.preheader ? `<mj-preview>${escapeHtml(document.preheader)}${PREHEADER_FILLER}</mj-preview>` : '',
    `<mj-raw>${HEAD_META}</mj-raw>`,
    `<mj-attributes>${ATTRIBUTES}</mj-attributes>`,
    `<mj-style inline="inline">${INLINE_CSS}</mj-style>`,
    `<mj-style>${DARK_MODE_CSS}</mj-style>`,
  ].join('')
  const sections = document.blocks.map((block) => blockSection(block, document)).join('')
  return (
    `<mjml lang="${escapeHtml(document.locale)}" dir="ltr"><mj-head>${head}</mj-head>` +
    `<mj-body width="${EMAIL_WIDTH}px" background-color="${light.canvas}" css-class="tessera-canvas">${sections}${footerSection(document)}</mj-body></mjml>`
  )
}
