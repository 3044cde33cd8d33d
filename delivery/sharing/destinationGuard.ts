/**
 * SSRF guard for webhook destinations: an endpoint URL is an admin's input,
 * and a request to it goes out from inside our network. Only http(s) to
 * public unicast addresses is allowed, checked on the address the connection
 * actually uses (the DNS answer, not the name: a name may resolve to
 * 127.0.0.1 or change between a check and the connect), and again for every
 * redirect hop. WEBHOOK_ALLOWED_NETWORKS (CIDRs, comma-separated, e.g.
 * `127.0.0.1/32,10.1.0.0/16`) admits internal receivers deliberately.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import type { LookupFunction } from 'node:net'

import ipaddr from 'ipaddr.js'

export class DestinationRefused extends Error {
  constructor(readonly destination: string, reason: string) {
    super(`Refused ${destination}: ${reason}`)
    this.name = 'DestinationRefused'
  }
}

type Network = [ipaddr.IPv4 | ipaddr.IPv6, number]

/** The allow-list from WEBHOOK_ALLOWED_NETWORKS (read each time: tests and operators change it). */
export function allowedNetworks(list = process.env.WEBHOOK_ALLOWED_NETWORKS ?? ''): Network[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      if (ipaddr.isValidCIDR(entry)) return ipaddr.parseCIDR(entry)
      if (ipaddr.isValid(entry)) {
        const address = ipaddr.parse(entry)
        return [address, address.kind() === 'ipv4' ? 32 : 128] as Network
      }
      throw new Error(`WEBHOOK_ALLOWED_NETWORKS: “${entry}” is not an address or CIDR network`)
    })
}

/** Why an address may not be reached, or undefined when it may (public unicast, or allow-listed). */
export function refusalOf(address: string, allowed: Network[] = allowedNetworks()): string | undefined {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`
  let parsed = ipaddr.parse(address)
  // ::ffff:127.0.0.1 is 127.0.0.1.
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  if (allowed.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits))) return undefined
  const range = parsed.range()
  // unicast is public; everything else (loopback, private, linkLocal, uniqueLocal, carrierGradeNat, reserved, multicast…) is inside.
  return range === 'unicast' ? undefined : `${parsed.toString()} is a ${range} address`
}

/** The URL's scheme and, for an IP literal, its address (names are checked when they resolve: guardedLookup). */
export function checkDestinationUrl(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new DestinationRefused(raw, 'not a URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DestinationRefused(raw, 'only http and https are delivered to')
  if (url.username || url.password) throw new DestinationRefused(raw, 'credentials in the URL are not allowed (use the signing secret)')
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (ipaddr.isValid(host)) {
    const refused = refusalOf(host)
    if (refused) throw new DestinationRefused(raw, refused)
  }
  return url
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>
const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))))

/**
 * A `lookup` for http.request: resolves the name and refuses the connection
 * when any address it resolves to is inside (one bad answer is enough: a
 * later retry could connect to it).
 */
export function guardedLookup(resolver: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname).then(
      (addresses) => {
        const refused = addresses.map(({ address }) => refusalOf(address)).find(Boolean)
        if (addresses.length === 0) return callback(new DestinationRefused(hostname, 'it does not resolve'), '', 4)
        if (refused) return callback(new DestinationRefused(hostname, `it resolves to ${refused.replace(/ is /, ', ')}`), '', 4)
        const family = typeof options === 'object' && options ? (options as { family?: number }).family : undefined
        const usable = addresses.filter((address) => !family || address.family === family)
        if ((options as { all?: boolean } | undefined)?.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, usable)
        const first = usable[0] ?? addresses[0]!
        callback(null, first.address, first.family)
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 4),
    )
  }
}

/** Checks a URL the way a delivery will (scheme, literal address, then what its name resolves to). */
export async function checkDestination(raw: string, resolver: Resolver = systemResolver): Promise<void> {
  const url = checkDestinationUrl(raw)
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (ipaddr.isValid(host)) return
  const addresses = await resolver(host).catch(() => {
    throw new DestinationRefused(raw, `${host} does not resolve`)
  })
  const refused = addresses.map(({ address }) => refusalOf(address)).find(Boolean)
  if (refused) throw new DestinationRefused(raw, `${host} resolves to ${refused.replace(/ is /, ', ')}`)
}
