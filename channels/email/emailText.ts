/**
 * The plain-text alternative, written from the content rather than stripped
 * from the HTML: headlines, paragraphs, buttons as "Label: https://…", the
 * offer code and prices, and a footer with the preference and unsubscribe
 * links. Spam filters and text-only readers both judge this part.
 */
import { plainText } from '../../engine'
import type { EmailBlock, EmailDocument } from './emailContent'
import { emailLabels, type EmailLabels } from './emailLabels'

function blockText(block: EmailBlock, labels: EmailLabels): string {
  const paragraphs: string[] = []
  if (block.headline) paragraphs.push(block.headline)
  const product = [block.product?.name, block.product?.price].filter(Boolean).join(' — ')
  if (product) paragraphs.push(product)
  const body = plainText(block.body)
  if (body) paragraphs.push(body)
  if (block.offer) {
    const offer = [
      block.offer.discount,
      block.offer.code ? `${labels.offerCode}${labels.colon}${block.offer.code}` : undefined,
      block.offer.validUntil,
    ].filter(Boolean)
    if (offer.length > 0) paragraphs.push(offer.join('\n'))
  }
  if (block.button) paragraphs.push(`${block.button.label}${labels.colon}${block.button.href}`)
  for (const question of block.questions ?? []) {
    paragraphs.push([question.text, ...question.choices.map((choice) => `${choice.label}${labels.colon}${choice.href}`)].join('\n'))
  }
  return paragraphs.join('\n\n')
}

export function emailText(document: EmailDocument): string {
  const labels = emailLabels(document.locale)
  const blocks = document.blocks.map((block) => blockText(block, labels)).filter(Boolean)
  const { footer } = document
  const address = footer.postalAddress
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n')
  // "-- " on its own line is the signature separator: mail clients show what follows as a footer.
  const links = `${labels.preferences}${labels.colon}${footer.preferencesHref}\n${labels.unsubscribe}${labels.colon}${footer.unsubscribeHref}`
  return `${blocks.join('\n\n\n')}\n\n-- \n${footer.brandName}\n${address}\n\n${links}\n`
}
