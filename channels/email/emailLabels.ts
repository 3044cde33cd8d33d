/**
 * The words an email adds around the editors' copy (footer links, the offer
 * code's caption), and prices and dates written the way the reader's locale
 * writes them.
 */
import type { Locale } from '../../engine'

export type EmailLabels = {
  offerCode: string
  validUntil: (date: string) => string
  viewProduct: string
  preferences: string
  unsubscribe: string
  /** "Label: value" in English, "Libellé : valeur" in French. */
  colon: string
  /** One-click answers to a yes/no question. */
  yesNo: readonly [string, string]
}

const LABELS: Partial<Record<Locale, EmailLabels>> & { en: EmailLabels } = {
  en: {
    offerCode: 'Your code',
    validUntil: (date) => `Valid until ${date}`,
    viewProduct: 'View the product',
    preferences: 'Manage your preferences',
    unsubscribe: 'Unsubscribe',
    colon: ': ',
    yesNo: ['Yes', 'No'],
  },
  fr: {
    offerCode: 'Votre code',
    validUntil: (date) => `Valable jusqu’au ${date}`,
    viewProduct: 'Voir le produit',
    preferences: 'Gérer vos préférences',
    unsubscribe: 'Se désabonner',
    colon: ' : ',
    yesNo: ['Oui', 'Non'],
  },
}

export const emailLabels = (locale: Locale): EmailLabels => LABELS[locale] ?? LABELS.en

export { formatDate, formatPrice, intlLocale } from '../shared/format'
