/**
 * Whose budget a public request spends: the client address as the trusted
 * proxies in front of Tessera recorded it, never what the client prepended.
 */
import { describe, expect, it } from 'vitest'

import { clientAddress, clientAddressSettings, UNKNOWN_CLIENT, UNREADABLE_CLIENT } from '../../delivery/limits'

const behind = (trustedProxies: number, header = 'x-forwarded-for') => ({ header, trustedProxies })
const from = (value: string | undefined, header = 'x-forwarded-for') => new Request('http://tessera.test/api/consent', { headers: value === undefined ? {} : { [header]: value } })

describe('the client address', () => {
  it('is the right-most X-Forwarded-For entry behind one proxy, whatever the client prepended', () => {
    expect(clientAddress(from('203.0.113.7'), behind(1))).toBe('203.0.113.7')
    expect(clientAddress(from('198.51.100.1, 10.9.9.9, 203.0.113.7'), behind(1))).toBe('203.0.113.7')
  })

  it('skips the entries written by the proxies behind the first one', () => {
    expect(clientAddress(from('198.51.100.1, 203.0.113.7, 10.0.0.2'), behind(2))).toBe('203.0.113.7')
    expect(clientAddress(from('198.51.100.1, 203.0.113.7, 10.0.0.3, 10.0.0.2'), behind(3))).toBe('203.0.113.7')
  })

  it('without a proxy, is the right-most entry too (what next start wrote, or what the client sent)', () => {
    expect(clientAddress(from('198.51.100.1, 127.0.0.1'), behind(0))).toBe('127.0.0.1')
  })

  it('is the left-most entry when the request passed fewer proxies than configured', () => {
    expect(clientAddress(from('203.0.113.7'), behind(3))).toBe('203.0.113.7')
  })

  it('reads a single-value header such as CF-Connecting-IP when configured', () => {
    expect(clientAddress(from('203.0.113.7', 'cf-connecting-ip'), behind(1, 'cf-connecting-ip'))).toBe('203.0.113.7')
    expect(clientAddress(from('203.0.113.7'), behind(1, 'cf-connecting-ip'))).toBe(UNKNOWN_CLIENT)
  })

  it('reads the for= parameters of a Forwarded header (RFC 7239)', () => {
    const forwarded = 'for=198.51.100.1;proto=https, for="[2001:db8:cafe::17]:4711";by=203.0.113.43'
    expect(clientAddress(from(forwarded, 'forwarded'), behind(1, 'forwarded'))).toBe('2001:db8:cafe::/64')
    expect(clientAddress(from(forwarded, 'forwarded'), behind(2, 'forwarded'))).toBe('198.51.100.1')
  })

  it('drops ports, and counts an IPv4-mapped IPv6 address as IPv4', () => {
    expect(clientAddress(from('203.0.113.7:4711'), behind(1))).toBe('203.0.113.7')
    expect(clientAddress(from('::ffff:203.0.113.7'), behind(1))).toBe('203.0.113.7')
  })

  it('counts IPv6 clients per /64, one subscriber’s network', () => {
    expect(clientAddress(from('2001:db8:1:2:aaaa::1'), behind(1))).toBe('2001:db8:1:2::/64')
    expect(clientAddress(from('[2001:db8:1:2:bbbb::2]:443'), behind(1))).toBe('2001:db8:1:2::/64')
    expect(clientAddress(from('2001:db8:1:3::1'), behind(1))).toBe('2001:db8:1:3::/64')
  })

  it('puts requests without the header in one budget, and made-up entries in another', () => {
    expect(clientAddress(from(undefined), behind(1))).toBe(UNKNOWN_CLIENT)
    expect(clientAddress(from(''), behind(1))).toBe(UNKNOWN_CLIENT)
    expect(clientAddress(from('not-an-address'), behind(1))).toBe(UNREADABLE_CLIENT)
    expect(clientAddress(from('1.2'), behind(1))).toBe(UNREADABLE_CLIENT)
  })
})

describe('the client address settings', () => {
  it('default to X-Forwarded-For behind one proxy', () => {
    expect(clientAddressSettings({})).toEqual({ header: 'x-forwarded-for', trustedProxies: 1 })
    expect(clientAddressSettings({ TESSERA_CLIENT_IP_HEADER: 'CF-Connecting-IP', TESSERA_TRUSTED_PROXIES: '2' })).toEqual({ header: 'cf-connecting-ip', trustedProxies: 2 })
  })

  it('refuse a proxy count that is not a number, naming the variable', () => {
    expect(() => clientAddressSettings({ TESSERA_TRUSTED_PROXIES: 'nginx' })).toThrow(/TESSERA_TRUSTED_PROXIES=nginx/)
  })
})
