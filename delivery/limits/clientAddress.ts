/**
 * The address a public request came from, for per-client limits. A route
 * handler gets a Web Request, without its socket: the address comes from a
 * header (TESSERA_CLIENT_IP_HEADER, default X-Forwarded-For). Each of the
 * TESSERA_TRUSTED_PROXIES proxies in front of Tessera (default 1) appends the
 * address it saw, so the client is the entry the farthest of them wrote: the
 * N-th from the right. Entries further left are whatever the client sent.
 *
 * `next start` fills X-Forwarded-For from the socket only when the request
 * carries none; a header the client sent is passed on as it came. Without a
 * proxy (0), the right-most entry is read too, and a client can state its own.
 *
 * IPv6 clients are counted per /64 (one subscriber's network); IPv4-mapped
 * IPv6 addresses as IPv4.
 */
import ipaddr from 'ipaddr.js'

/** Requests without the header (tests calling handlers, a misnamed header) share one budget. */
export const UNKNOWN_CLIENT = 'unknown'
/** So do entries that are not addresses: a client cannot get a fresh budget per made-up value. */
export const UNREADABLE_CLIENT = 'unreadable'

export type ClientAddressSettings = { header: string; trustedProxies: number }

export function clientAddressSettings(env: Record<string, string | undefined> = process.env): ClientAddressSettings {
  const header = (env.TESSERA_CLIENT_IP_HEADER || 'x-forwarded-for').trim().toLowerCase()
  const raw = env.TESSERA_TRUSTED_PROXIES ?? '1'
  if (!/^\d{1,2}$/.test(raw.trim())) throw new Error(`TESSERA_TRUSTED_PROXIES=${raw}: the number of proxies in front of Tessera (0, 1, 2…)`)
  return { header, trustedProxies: Number(raw) }
}

/** The entries of the header, left to right (`Forwarded` by its `for=` parameters, RFC 7239). */
function entries(header: string, value: string): string[] {
  const parts = value.split(',').map((part) => part.trim())
  if (header !== 'forwarded') return parts.filter(Boolean)
  return parts.map((part) => /(?:^|;)\s*for=("[^"]*"|[^;]*)/i.exec(part)?.[1]?.replace(/"/g, '').trim() ?? '').filter(Boolean)
}

/** `203.0.113.7`, `203.0.113.7:4711`, `[2001:db8::1]:4711` or `2001:db8::1` → the address, or undefined. */
function parseAddress(entry: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry)
  const candidate = bracketed ? bracketed[1]! : /^[\d.]+:\d+$/.test(entry) ? entry.slice(0, entry.lastIndexOf(':')) : entry
  if (ipaddr.IPv4.isValidFourPartDecimal(candidate)) return ipaddr.IPv4.parse(candidate)
  if (!ipaddr.IPv6.isValid(candidate)) return undefined
  const address = ipaddr.IPv6.parse(candidate)
  return address.isIPv4MappedAddress() ? address.toIPv4Address() : address
}

export function clientAddress(request: Request, settings: ClientAddressSettings = clientAddressSettings()): string {
  const value = request.headers.get(settings.header)
  if (!value) return UNKNOWN_CLIENT
  const list = entries(settings.header, value)
  if (list.length === 0) return UNKNOWN_CLIENT
  // Fewer entries than proxies: the request skipped one of them; its left-most entry is the nearest to the client.
  const entry = list[Math.max(0, list.length - Math.max(1, settings.trustedProxies))]!
  const address = parseAddress(entry)
  if (!address) return UNREADABLE_CLIENT
  if (address.kind() === 'ipv4') return address.toString()
  const network = new ipaddr.IPv6([...(address as ipaddr.IPv6).parts.slice(0, 4), 0, 0, 0, 0])
  return `${network.toString()}/64`
}
