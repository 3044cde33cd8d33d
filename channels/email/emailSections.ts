/**
 * One MJML section per block, by kind. MJML turns these into the nested
 * tables Outlook's Word engine needs; the classes are hooks for the
 * stylesheets in emailMjml.ts (inlined by MJML, except dark mode). Every
 * string is escaped here; rich text comes from the snapshot's AST through
 * the web channel's renderer, which escapes and re-checks links.
 */
import { escapeHtml, richTextHtml } from '../shared/html'
import type { EmailBlock, EmailDocument } from './emailContent'
import { emailLabels } from './emailLabels'
import { LIGHT_PALETTE } from './emailPalette'

const e = escapeHtml

function imageMjml(block: EmailBlock): string {
  const image = block.image
  if (!image) return ''
  return `<mj-image src="${e(image.src)}" alt="${e(image.alt)}" width="${image.width}px" />`
}

function offerHtml(offer: NonNullable<EmailBlock['offer']>, codeLabel: string): string {
  const parts: string[] = []
  if (offer.discount) parts.push(`<p class="tessera-discount">${e(offer.discount)}</p>`)
  if (offer.code) {
    // A table cell: the only box whose border and padding Outlook draws faithfully.
    parts.push(
      `<table role="presentation" class="tessera-code" align="center" cellpadding="0" cellspacing="0" border="0"><tr><td>` +
        `<span class="tessera-code-label">${e(codeLabel)}</span><br><span class="tessera-code-value">${e(offer.code)}</span>` +
        `</td></tr></table>`,
    )
  }
  if (offer.validUntil) parts.push(`<p class="tessera-until">${e(offer.validUntil)}</p>`)
  return parts.join('')
}

function textMjml(block: EmailBlock, codeLabel: string): string {
  const parts: string[] = []
  const level = block.level
  if (block.headline) parts.push(`<h${level}>${e(block.headline)}</h${level}>`)
  if (block.product?.name) parts.push(`<p class="tessera-product-name">${e(block.product.name)}</p>`)
  if (block.body) parts.push(richTextHtml(block.body, level))
  if (block.product?.price) parts.push(`<p class="tessera-price">${e(block.product.price)}</p>`)
  if (block.offer) parts.push(offerHtml(block.offer, codeLabel))
  for (const question of block.questions ?? []) {
    // A row of plain links: every client renders them, and each is one click.
    const choices = question.choices.map((choice) => `<a class="tessera-answer" href="${e(choice.href)}">${e(choice.label)}</a>`).join(' ')
    parts.push(`<p class="tessera-question">${e(question.text)}</p><p class="tessera-answers">${choices}</p>`)
  }
  if (parts.length === 0) return ''
  const padding = block.image ? ' padding-top="24px"' : ''
  return `<mj-text css-class="tessera-text"${padding}>${parts.join('')}</mj-text>`
}

function buttonMjml(block: EmailBlock): string {
  const button = block.button
  if (!button) return ''
  return `<mj-button css-class="tessera-button" href="${e(button.href)}">${e(button.label)}</mj-button>`
}

export function blockSection(block: EmailBlock, document: EmailDocument): string {
  const offer = block.kind === 'offer'
  const background = offer ? LIGHT_PALETTE.offer : LIGHT_PALETTE.card
  const cssClass = offer ? 'tessera-offer' : 'tessera-card'
  // Images run edge to edge; a block without one gets breathing room on top.
  const padding = block.image ? '0 0 24px' : '24px 0'
  const content = imageMjml(block) + textMjml(block, emailLabels(document.locale).offerCode) + buttonMjml(block)
  if (!content) return ''
  return `<mj-section css-class="${cssClass}" background-color="${background}" padding="${padding}"><mj-column>${content}</mj-column></mj-section>`
}

export function footerSection(document: EmailDocument): string {
  const { footer } = document
  const labels = emailLabels(document.locale)
  const address = footer.postalAddress
    .split(/\r?\n/)
    .map((line) => e(line.trim()))
    .filter(Boolean)
    .join('<br>')
  return (
    `<mj-section padding="24px 0 32px"><mj-column><mj-text css-class="tessera-footer" align="center" font-size="13px" color="${LIGHT_PALETTE.muted}">` +
    `<p><strong>${e(footer.brandName)}</strong><br>${address}</p>` +
    `<p><a href="${e(footer.preferencesHref)}">${e(labels.preferences)}</a> · <a href="${e(footer.unsubscribeHref)}">${e(labels.unsubscribe)}</a></p>` +
    `</mj-text></mj-column></mj-section>`
  )
}
