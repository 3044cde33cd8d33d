/**
 * Outbound webhooks on a real database, to a real receiver on 127.0.0.1
 * (admitted by WEBHOOK_ALLOWED_NETWORKS, as an operator would): changes are
 * delivered signed per Standard Webhooks and verified with the library;
 * a receiver answering 500 gets retries on the schedule, then the delivery
 * is dead-lettered, and a replay sends it again; an erasure carries the
 * identifiers to erase and nothing else; endpoints on internal addresses
 * are refused when saved.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureProfile, eraseProfile, handleEventsRequest, newIdempotencyKey } from '../../delivery/customers'
import { type AttemptRecord, changeId, startSharing, stopSharing } from '../../delivery/sharing'
import { databasesUnderTest, startDemo, type TestPayload } from './harness'
import { type Receiver, startReceiver } from './webhookReceiver'

const KEY = 'tsk_integration_webhooks_key_0123456789abcdefg'
const SECRET = `whsec_${Buffer.from('a test secret of at least 24 bytes!!').toString('base64')}`
const RETRIES = [40, 80, 160]

for (const database of databasesUnderTest()) {
  describe.skipIf(Boolean(database.skipReason))(`webhooks on ${database.name}`, () => {
    let t: TestPayload
    let payload: Payload
    let receiver: Receiver
    const allowed = process.env.WEBHOOK_ALLOWED_NETWORKS

    const postEvents = async (events: unknown[]) => {
      const response = await handleEventsRequest(
        payload,
        new Request('http://localhost:3999/api/events', { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ events }) }),
      )
      expect(response.status).toBe(200)
      return (await response.json()) as { accepted: number }
    }
    const endpoint = (name: string, path: string, types: string[], extra: Record<string, unknown> = {}) =>
      payload.create({ collection: 'webhook-endpoints', data: { name, url: receiver.url(path), types, secret: SECRET, ...extra } as never, overrideAccess: true })

    beforeAll(async () => {
      process.env.WEBHOOK_ALLOWED_NETWORKS = '127.0.0.1/32'
      t = await startDemo(database, KEY)
      payload = t.payload
      receiver = await startReceiver(SECRET)
      startSharing(payload, { retrySchedule: RETRIES, pollMs: 25 })
    })
    afterAll(async () => {
      if (allowed === undefined) delete process.env.WEBHOOK_ALLOWED_NETWORKS
      else process.env.WEBHOOK_ALLOWED_NETWORKS = allowed
      if (payload) await stopSharing(payload)
      await receiver?.close()
      await t?.close()
    })

    it('delivers a consent change signed per Standard Webhooks, with a stable id, and logs the delivery', async () => {
      await endpoint('CRM', '/crm', ['consent.changed', 'list.changed'])
      const key = newIdempotencyKey()
      await postEvents([{ idempotencyKey: key, type: 'consent_change', customer: 'hook-ada', email: 'ada@x.test', consents: { personalization: true, newsletter: true } }])
      await receiver.until((received) => received.filter((item) => item.path === '/crm').length >= 2)
      const crm = receiver.received.filter((item) => item.path === '/crm')
      expect(crm.every((item) => item.verified), crm.map((item) => item.error).join()).toBe(true)
      const consent = crm.find((item) => item.body.type === 'consent.changed')!
      expect(consent.id).toBe(changeId('consent.changed', key))
      expect(consent.body.id).toBe(consent.id)
      expect(consent.body.data).toMatchObject({ person: { customerId: 'hook-ada', email: 'ada@x.test' }, consents: { personalization: true }, source: 'api:Demo render and events key' })
      expect(consent.body.data.consents).not.toHaveProperty('newsletter')
      const list = crm.find((item) => item.body.type === 'list.changed')!
      expect(list.body.data).toMatchObject({ lists: { newsletter: 'subscribed' } })

      // The dispatcher records an attempt once the receiver has answered it.
      const logged = async () => (await payload.find({ collection: 'webhook-deliveries', where: { messageId: { equals: consent.id } }, depth: 0 })).docs
      await until(async () => (await logged())[0]?.status === 'delivered')
      const docs = await logged()
      expect(docs).toHaveLength(1)
      expect(docs[0]).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 200, response: 'thanks' })
      expect(docs[0]!.latencyMs).toBeTypeOf('number')
    })

    it('retries a receiver that answers 500 with growing delays, dead-letters it after the last, and replays it on demand', async () => {
      receiver.answer('/flaky', { status: 500 })
      await endpoint('Flaky', '/flaky', ['traits.changed'])
      await postEvents([
        { idempotencyKey: newIdempotencyKey(), type: 'consent_change', customer: 'hook-bo', consents: { personalization: true } },
        { idempotencyKey: newIdempotencyKey(), type: 'trait_update', customer: 'hook-bo', traits: { loyaltyTier: 'gold' } },
      ])
      const attempts = () => receiver.received.filter((item) => item.path === '/flaky')
      await receiver.until(() => attempts().length >= 1 + RETRIES.length)
      const id = attempts()[0]!.id
      const dead = async () => (await payload.find({ collection: 'webhook-deliveries', where: { messageId: { equals: id } }, depth: 0 })).docs[0]!
      // The dispatcher records the attempt after the receiver answered it.
      await until(async () => (await dead()).status === 'dead')
      const delivery = await dead()
      expect(delivery).toMatchObject({ status: 'dead', attempts: 4, responseStatus: 500, nextAttemptAt: null })
      const log = delivery.attemptLog as AttemptRecord[]
      expect(log.map((attempt) => attempt.nextDelayMs)).toEqual([...RETRIES, undefined])
      expect(log.every((attempt) => attempt.status === 500)).toBe(true)
      // Every attempt is the same message, signed anew, and none came before its planned delay.
      expect(attempts().map((item) => [item.id, item.verified])).toEqual(Array.from({ length: 4 }, () => [id, true]))
      const times = log.map((attempt) => Date.parse(attempt.at))
      for (const [index, delay] of RETRIES.entries()) expect(times[index + 1]! - times[index]!).toBeGreaterThanOrEqual(delay)

      receiver.answer('/flaky', { status: 204 })
      const replay = await fetchReplay(payload, String(delivery.id))
      expect(replay).toBe(true)
      await receiver.until(() => attempts().length >= 5)
      await until(async () => (await dead()).status === 'delivered')
      expect(await dead()).toMatchObject({ status: 'delivered', responseStatus: 204 })
      expect(attempts()[4]!.id).toBe(id)
    })

    it('tells of a merge and of an erasure, the erasure with the identifiers to erase only', async () => {
      await endpoint('Warehouse', '/warehouse', ['profiles.merged', 'profile.erased'])
      const visitor = `hook-visitor-${Date.now()}`
      const anonymous = await ensureProfile(payload, { visitor })
      const customer = await ensureProfile(payload, { customer: 'hook-cy', email: 'cy@x.test' })
      const merged = await ensureProfile(payload, { customer: 'hook-cy', visitor })
      expect(merged.id).toBe(customer.id)
      await receiver.until((received) => received.some((item) => item.body.type === 'profiles.merged'))
      const merge = receiver.received.find((item) => item.body.type === 'profiles.merged')!
      expect(merge.body.data).toEqual({ into: { profile: customer.id, customerId: 'hook-cy', email: 'cy@x.test' }, merged: { profile: anonymous.id } })

      expect(await eraseProfile(payload, customer.id)).toBe(true)
      await receiver.until((received) => received.some((item) => item.body.type === 'profile.erased'))
      const erasure = receiver.received.find((item) => item.body.type === 'profile.erased')!
      expect(erasure.verified).toBe(true)
      expect(Object.keys(erasure.body.data).sort()).toEqual(['customerId', 'email', 'keys', 'profile', 'profiles'])
      expect(erasure.body.data).toMatchObject({ profile: customer.id, customerId: 'hook-cy', email: 'cy@x.test' })
      expect(erasure.body.data.keys).toEqual(expect.arrayContaining(['c:hook-cy', 'e:cy@x.test', `v:${visitor}`]))
      // What the outbox held about the person is gone with them (the erasure itself stays, to be delivered).
      const { docs: left } = await payload.find({ collection: 'outbox-messages', where: { orderKey: { equals: customer.id } }, depth: 0 })
      expect(left).toEqual([])
    })

    it('refuses to save an endpoint on an internal address unless the allow-list admits it', async () => {
      delete process.env.WEBHOOK_ALLOWED_NETWORKS
      try {
        for (const url of ['http://127.0.0.1:9/hook', 'http://10.1.2.3/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/hook', 'http://localhost/hook', 'file:///etc/passwd']) {
          const refused = await payload.create({ collection: 'webhook-endpoints', data: { name: 'Sneaky', url, types: ['consent.changed'] } as never, overrideAccess: true }).then(
            () => 'saved',
            (error: { data?: { errors?: { path: string; message: string }[] } }) => error.data?.errors?.[0],
          )
          expect(refused, url).toMatchObject({ path: 'url', message: expect.stringMatching(/^Refused .*(loopback|private|linkLocal|only http)/) })
        }
      } finally {
        process.env.WEBHOOK_ALLOWED_NETWORKS = '127.0.0.1/32'
      }
      const generated = await payload.create({ collection: 'webhook-endpoints', data: { name: 'Generated', url: receiver.url('/gen'), types: ['snapshot.published'], enabled: false } as never, overrideAccess: true })
      expect(generated.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    })
  })
}

/** Waits for something the dispatcher does in the background (no timing asserted: only an upper bound to fail on). */
async function until(test: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error('Not reached in time')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The admin's replay, through the collection's own endpoint handler. */
async function fetchReplay(payload: Payload, id: string): Promise<boolean> {
  const endpoints = payload.collections['webhook-deliveries'].config.endpoints as unknown as { path: string; handler: (req: never) => Promise<Response> }[]
  const handler = endpoints.find((endpoint) => endpoint.path === '/:id/replay')!.handler
  const admin = (await payload.find({ collection: 'users', where: { role: { equals: 'admin' } }, limit: 1 })).docs[0]!
  const response = await handler({ payload, user: { ...admin, collection: 'users' }, routeParams: { id } } as never)
  return response.ok
}
