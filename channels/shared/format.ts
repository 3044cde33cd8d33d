/**
 * Prices and dates as customers read them, the same on every channel: the
 * regional format of each language, and something sensible for values Intl
 * cannot format (shown as written rather than dropped).
 */
import type { Locale } from '../../engine'

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

/** A calendar date (an offer's last day) in words; `withYear: false` for screens, read at a glance. */
export function formatDate(iso: string, locale: Locale, { withYear = true } = {}): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(intlLocale(locale), { day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(date)
}
