/**
 * The request headers each context attribute may come from. The trust rules
 * read them here, and a response a shared cache may store varies on every one
 * of them that its page's decision can read — whether or not this request
 * carried it (a later request that does must not be served this entry).
 */
import type { RuleAttribute } from '../engine'

export const CONTEXT_HEADERS = {
  locale: ['Accept-Language'],
  country: ['X-Vercel-IP-Country', 'CF-IPCountry'],
  region: ['X-Vercel-IP-Country-Region'],
  city: ['X-Vercel-IP-City', 'CF-IPCity'],
  /** The visitor's time zone: daypart, weekday, date and time of day follow it. */
  clock: ['X-Vercel-IP-Timezone', 'CF-Timezone'],
  device: ['Sec-CH-UA-Mobile', 'User-Agent'],
  referrer: ['Referer'],
} as const satisfies Record<string, readonly string[]>

const GEO = new Set(['country', 'region', 'city', 'clock'])
const CLOCK_ATTRIBUTES: ReadonlySet<RuleAttribute> = new Set(['daypart', 'weekday', 'date', 'time'])

/**
 * Every header that can feed one of these attributes (the clock's for time
 * attributes), plus Accept-Language (text is chosen by language). Geo headers
 * only when they count (`geoHeaders`, TESSERA_GEO_HEADERS).
 */
export function headersFeeding(attributes: Iterable<RuleAttribute>, geoHeaders: boolean): string[] {
  const sources = new Set<keyof typeof CONTEXT_HEADERS>(['locale'])
  for (const attribute of attributes) {
    if (CLOCK_ATTRIBUTES.has(attribute)) sources.add('clock')
    else if (attribute in CONTEXT_HEADERS) sources.add(attribute as keyof typeof CONTEXT_HEADERS)
  }
  const headers: string[] = []
  for (const source of sources) if (!GEO.has(source) || geoHeaders) headers.push(...CONTEXT_HEADERS[source])
  return headers
}
