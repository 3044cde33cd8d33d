/**
 * The words an email adds around the editors' copy (footer links, the offer
 * code's caption), and prices and dates written the way the reader's locale
 * writes them.
 */
import type { Locale } from '../../engine/axes'

export type EmailLabels = {
  offerCode: string
  validUntil: (date: string) => string
  viewProduct: string
  preferences: string
  unsubscribe: string
  /** "Label: value" in English, "Libellé : valeur" in French. */
  colon: string
}

const LABELS: Partial<Record<Locale, EmailLabels>> & { en: EmailLabels } = {
  en: {
    offerCode: 'Your code',
    validUntil: (date) => `Valid until ${date}`,
    viewProduct: 'View the product',
    preferences: 'Manage your preferences',
    unsubscribe: 'Unsubscribe',
    colon: ': ',
  },
  fr: {
    offerCode: 'Votre code',
    validUntil: (date) => `Valable jusqu’au ${date}`,
    viewProduct: 'Voir le produit',
    preferences: 'Gérer vos préférences',
    unsubscribe: 'Se désabonner',
    colon: ' : ',
  },
}

export const emailLabels = (locale: Locale): EmailLabels => LABELS[locale] ?? LABELS.en

/** The regional format our customers expect for each language. */
const INTL_LOCALES: Partial<Record<Locale, string>> = { en: 'en-GB', fr: 'fr-FR' }
export const intlLocale = (locale: Locale): string => INTL_LOCALES[locale] ?? locale

export function formatPrice(price: number, currency: string | undefined, locale: Locale): string {
  try {
    return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: currency ?? 'EUR' }).format(price)
  } catch {
    // An unknown currency code: still show the amount rather than nothing.
    return `${price} ${currency ?? ''}`.trim()
  }
}

/** A calendar date (the offer's last day), in words; anything unparseable is shown as written. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date)
}
