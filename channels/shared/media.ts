/**
 * Media as renderers hand it out: absolute URLs (emails and screens are read
 * far from our origin), alt text in the page's language.
 */
import type { Locale, Media, MediaRendition } from '../../engine'

export type PublicRendition = MediaRendition
export type PublicMedia = { id: string; alt: string; url: string; width: number; height: number; sizes: Record<string, PublicRendition> }

export function absoluteUrl(url: string, base: string): string {
  return /^https?:\/\//i.test(url) ? url : `${base.replace(/\/$/, '')}${url.startsWith('/') ? '' : '/'}${url}`
}

export function publicMedia(media: Media, locale: Locale, defaultLocale: Locale, base: string): PublicMedia {
  const sizes: Record<string, PublicRendition> = {}
  for (const [name, size] of Object.entries(media.sizes)) sizes[name] = { ...size, url: absoluteUrl(size.url, base) }
  return {
    id: media.id,
    alt: media.alt[locale] ?? media.alt[defaultLocale] ?? '',
    url: absoluteUrl(media.original.url, base),
    width: media.original.width,
    height: media.original.height,
    sizes,
  }
}
