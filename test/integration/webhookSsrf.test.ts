/**
 * Webhook destinations and SSRF, with real sockets: internal addresses are
 * refused as literals, as names that resolve to them (after DNS, at connect
 * time), and as redirect targets, which are then not followed. The
 * allow-list (WEBHOOK_ALLOWED_NETWORKS) admits exactly the networks it names.
 */
import type { LookupAddress } from 'node:dns'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { attemptDelivery, type ChangeMessage, checkDestination, refusalOf, type Resolver } from '../../delivery/sharing'
import { type Receiver, startReceiver } from './webhookReceiver'

const SECRET = `whsec_${Buffer.from('another test secret, 24 bytes or more').toString('base64')}`
const message: ChangeMessage = { id: 'msg_ssrf_test', type: 'consent.changed', timestamp: new Date().toISOString(), data: { person: { profile: '1' }, consents: { analytics: true } } }

/** A DNS where the test decides what names resolve to. */
const resolverOf =
  (table: Record<string, string[]>): Resolver =>
  async (hostname) => {
    const addresses = table[hostname]
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' })
    return addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }))
  }

describe('webhook destinations and SSRF', () => {
  let receiver: Receiver
  let inside: Receiver
  const allowed = process.env.WEBHOOK_ALLOWED_NETWORKS

  beforeAll(async () => {
    receiver = await startReceiver(SECRET, '127.0.0.1')
    // Another loopback address (all of 127/8 is loopback on Linux), left out of the allow-list.
    inside = await startReceiver(SECRET, '127.0.0.2')
  })
  afterEach(() => {
    if (allowed === undefined) delete process.env.WEBHOOK_ALLOWED_NETWORKS
    else process.env.WEBHOOK_ALLOWED_NETWORKS = allowed
  })
  afterAll(async () => {
    await receiver?.close()
    await inside?.close()
  })

  it('classifies addresses: public unicast is allowed, loopback, private, link-local, unique-local and the like are not', () => {
    expect(refusalOf('93.184.215.14', [])).toBeUndefined()
    expect(refusalOf('2606:4700::1111', [])).toBeUndefined()
    for (const [address, range] of [
      ['127.0.0.1', 'loopback'],
      ['10.20.30.40', 'private'],
      ['172.16.0.1', 'private'],
      ['192.168.1.1', 'private'],
      ['169.254.169.254', 'linkLocal'],
      ['100.64.0.1', 'carrierGradeNat'],
      ['0.0.0.0', 'unspecified'],
      ['::1', 'loopback'],
      ['fd00::1', 'uniqueLocal'],
      ['fe80::1', 'linkLocal'],
      ['::ffff:127.0.0.1', 'loopback'],
    ]) {
      expect(refusalOf(address!, []), address).toContain(range)
    }
  })

  it('refuses 127.0.0.1, 10.x, 169.254.x, [::1] and names resolving to them, before sending anything', async () => {
    delete process.env.WEBHOOK_ALLOWED_NETWORKS
    const dns = resolverOf({ 'metadata.internal.test': ['169.254.169.254'], 'intranet.test': ['10.0.0.7'], 'both.test': ['93.184.215.14', '127.0.0.1'], 'six.test': ['::1'] })
    for (const url of ['http://127.0.0.1/hook', 'http://10.0.0.1/hook', 'http://169.254.169.254/latest', 'http://[::1]/hook', 'http://metadata.internal.test/', 'http://intranet.test/', 'http://both.test/', 'http://six.test/']) {
      await expect(checkDestination(url, dns), url).rejects.toThrow(/^Refused/)
    }
    // localhost through the system's own resolver.
    await expect(checkDestination('http://localhost/hook')).rejects.toThrow(/loopback/)
    await expect(checkDestination('gopher://example.com/')).rejects.toThrow(/only http and https/)
  })

  it('refuses at delivery time too: a name that resolves to loopback is not connected to, the literal neither', async () => {
    delete process.env.WEBHOOK_ALLOWED_NETWORKS
    const port = new URL(receiver.url()).port
    const dns = resolverOf({ 'rebound.test': ['127.0.0.1'] })
    const byName = await attemptDelivery(`http://rebound.test:${port}/by-name`, SECRET, message, { resolver: dns })
    const byLiteral = await attemptDelivery(`http://127.0.0.1:${port}/by-literal`, SECRET, message)
    expect(byName).toMatchObject({ ok: false, error: expect.stringMatching(/Refused rebound\.test: it resolves to 127\.0\.0\.1, a loopback address/) })
    expect(byLiteral).toMatchObject({ ok: false, error: expect.stringMatching(/Refused .*loopback/) })
    expect(receiver.received.filter((item) => item.path.startsWith('/by-'))).toEqual([])
  })

  it('delivers to an allow-listed network, and does not follow a redirect to an address outside it', async () => {
    process.env.WEBHOOK_ALLOWED_NETWORKS = '127.0.0.1/32'
    const delivered = await attemptDelivery(receiver.url('/allowed'), SECRET, message)
    expect(delivered).toMatchObject({ ok: true, status: 200 })
    expect(receiver.received.find((item) => item.path === '/allowed')).toMatchObject({ verified: true, id: message.id })

    receiver.answer('/to-inside', { status: 307, location: inside.url('/stolen') })
    receiver.answer('/to-private', { status: 308, location: 'http://10.0.0.1/stolen' })
    receiver.answer('/to-six', { status: 307, location: 'http://[::1]/stolen' })
    for (const path of ['/to-inside', '/to-private', '/to-six']) {
      const result = await attemptDelivery(receiver.url(path), SECRET, message)
      expect(result, path).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused/) })
    }
    expect(inside.received).toEqual([])

    // A 302 would turn the signed POST into a GET: not followed, wherever it points.
    receiver.answer('/moved', { status: 302, location: receiver.url('/allowed') })
    expect(await attemptDelivery(receiver.url('/moved'), SECRET, message)).toMatchObject({ ok: false, status: 302, error: expect.stringMatching(/not followed/) })

    // A redirect within the allow-list is followed, signed headers and body unchanged.
    process.env.WEBHOOK_ALLOWED_NETWORKS = '127.0.0.1/32,127.0.0.2/32'
    receiver.answer('/hop', { status: 307, location: inside.url('/landed') })
    expect(await attemptDelivery(receiver.url('/hop'), SECRET, message)).toMatchObject({ ok: true, status: 200 })
    expect(inside.received).toMatchObject([{ path: '/landed', verified: true, id: message.id }])
  })
})
