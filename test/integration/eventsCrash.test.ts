/**
 * What the events API acknowledged survives a crash: a real server process
 * (test/integration/eventsServer.ts) is killed with SIGKILL while batches are
 * posted to it concurrently, and restarted on the same database. Every
 * acknowledged event is then stored exactly once, every profile equals the
 * rebuild from its events, and the batches that got no answer can be sent
 * again and are taken (accepted or duplicate), each event once.
 *
 * What the changes tell other systems survives it too: a webhook receiver
 * that failed every delivery until the kill gets, after the restart, exactly
 * the changes stored, each with its stable id and a valid signature; and
 * (with TEST_NATS_URL) a JetStream consumer reads every change of the run
 * once, in order per profile, across the publisher's restart.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { profileById, profileFromEvents } from '../../delivery/customers'
import { changeId, type MessageType } from '../../delivery/sharing'
import { deliveryIdle } from '../../delivery/snapshot'
import { seedDemo } from '../../migrations/demo/seed'
import { type Event, type EventsServer, freePort, type Outcome, postBatch, serverInTransaction, startServer } from './eventsServerProcess'
import { databasesUnderTest, startPayload, type TestPayload } from './harness'
import { deleteStream, readStream, testNatsUrl } from './streamReader'
import { type Receiver, startReceiver } from './webhookReceiver'

const KEY = 'tsk_integration_crash_key_0123456789abcdefghijk'
const CONCURRENT_POSTERS = 4
const BATCHES = 120
const EVENTS_PER_BATCH = 40
/**
 * The kill comes while a batch is cut short: some of its events are stored
 * (or, on PostgreSQL, the server holds a transaction open) but it has no
 * answer yet; at the latest once this many batches were acknowledged.
 */
const KILL_AFTER = { atLeast: 4, atMost: 40 }
const WEBHOOK_SECRET = `whsec_${Buffer.from('the crash test secret, 24 bytes or more').toString('base64')}`
const NATS_URL = testNatsUrl()

const customersOf = (prefix: string) => Array.from({ length: 6 }, (_, index) => `${prefix}-customer-${index}`)

/** Batches of mixed events about two of the customers each; each batch starts with their consent. */
function crashBatches(prefix: string): Event[][] {
  const customers = customersOf(prefix)
  const categories = ['candles', 'shoes', 'home']
  return Array.from({ length: BATCHES }, (_, batch) => {
    const about = [customers[batch % customers.length]!, customers[(batch * 5 + 1) % customers.length]!]
    const events: Event[] = about.map((customer, index) => ({
      idempotencyKey: `${prefix}-${batch}-consent-${index}`,
      type: 'consent_change',
      customer,
      consents: { analytics: true, personalization: true, newsletter: batch % 3 !== 0 },
    }))
    for (let index = events.length; index < EVENTS_PER_BATCH; index++) {
      const customer = about[index % about.length]!
      const daysAgo = (batch * 7 + index) % 30
      const occurredAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString()
      const idempotencyKey = `${prefix}-${batch}-${index}`
      if (index % 9 === 0) events.push({ idempotencyKey, type: 'trait_update', customer, occurredAt, traits: { loyaltyTier: ['bronze', 'silver', 'gold'][(batch + index) % 3]!, visits: batch } })
      else if (index % 7 === 0) events.push({ idempotencyKey, type: 'click', customer, occurredAt, name: 'offer' })
      else events.push({ idempotencyKey, type: 'page_view', customer, occurredAt, category: categories[(batch + index) % categories.length]! })
    }
    return events
  })
}

/** The messages the stored events make, with the id each must carry (the newsletter is a list; the others are purposes). */
function expectedChanges(events: Event[]): { id: string; type: MessageType; key: string }[] {
  return events.flatMap((event) => {
    const key = event.idempotencyKey
    const types: MessageType[] = [`events.${event.type as 'page_view'}`]
    const consents = Object.keys((event.consents as Record<string, boolean> | undefined) ?? {})
    if (consents.some((purpose) => purpose !== 'newsletter')) types.push('consent.changed')
    if (consents.includes('newsletter')) types.push('list.changed')
    if (event.traits) types.push('traits.changed')
    return types.map((type) => ({ id: changeId(type, key), type, key }))
  })
}

/** Each profile's idempotency keys in the order its events were stored. */
async function storedKeysByProfile(payload: Payload, keys: string[]): Promise<Map<string, string[]>> {
  const order = new Map<string, string[]>()
  const { docs } = await payload.find({ collection: 'profile-events', where: { idempotencyKey: { in: keys } }, sort: 'id', pagination: false, depth: 0, select: { idempotencyKey: true, profile: true } })
  for (const doc of docs) {
    const profile = String(typeof doc.profile === 'object' ? doc.profile.id : doc.profile)
    order.set(profile, [...(order.get(profile) ?? []), doc.idempotencyKey])
  }
  return order
}

/** How many times each idempotency key is stored. */
async function storedCounts(payload: Payload, keys: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (let start = 0; start < keys.length; start += 500) {
    const { docs } = await payload.find({
      collection: 'profile-events',
      where: { idempotencyKey: { in: keys.slice(start, start + 500) } },
      select: { idempotencyKey: true },
      pagination: false,
      depth: 0,
    })
    for (const doc of docs) counts.set(doc.idempotencyKey, (counts.get(doc.idempotencyKey) ?? 0) + 1)
  }
  return counts
}

/** Every live profile holding this test's customers, as stored, next to its rebuild from its events. */
async function profilesAndRebuilds(payload: Payload, prefix: string) {
  const { docs } = await payload.find({ collection: 'profiles', where: { customerId: { in: customersOf(prefix) } }, pagination: false, depth: 0, select: { customerId: true } })
  return Promise.all(docs.map(async (doc) => ({ stored: await profileById(payload, String(doc.id)), rebuilt: await profileFromEvents(payload, String(doc.id)) })))
}

for (const database of databasesUnderTest()) {
  describe.skipIf(Boolean(database.skipReason))(`events through kill -9 on ${database.name}`, () => {
    let t: TestPayload
    let server: EventsServer | undefined
    let receiver: Receiver
    const mediaDir = mkdtempSync(path.join(tmpdir(), 'tessera-crash-media-'))
    const stream = `TESSERA_CRASH_${database.name.toUpperCase()}_${Date.now()}`
    // The server delivers the outbox (webhooks fast-retried; the stream of this run only, when NATS answers).
    const sharing = {
      TESSERA_SHARING: 'on',
      WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
      WEBHOOK_RETRY_SCHEDULE: Array.from({ length: 40 }, () => '100').join(','),
      WEBHOOK_POLL_MS: '50',
      ...(NATS_URL ? { NATS_URL, NATS_STREAM: stream, NATS_SUBJECT_PREFIX: `crash${Date.now()}` } : {}),
    }

    beforeAll(async () => {
      t = await startPayload(database)
      await seedDemo(t.payload, { adminEmail: 'a@x.test', editorEmail: 'e@x.test', reviewerEmail: 'r@x.test', password: 'a-long-password', apiKey: KEY })
      await deliveryIdle(t.payload)
      receiver = await startReceiver(WEBHOOK_SECRET)
      process.env.WEBHOOK_ALLOWED_NETWORKS = '127.0.0.1/32'
      await t.payload.create({ collection: 'webhook-endpoints', data: { name: 'CRM', url: receiver.url('/crm'), types: ['consent.changed', 'list.changed', 'traits.changed'], secret: WEBHOOK_SECRET } as never })
      delete process.env.WEBHOOK_ALLOWED_NETWORKS
    })
    afterAll(async () => {
      server?.process.kill('SIGKILL')
      await server?.exited
      await receiver?.close()
      await t?.close()
      if (NATS_URL) await deleteStream(NATS_URL, stream)
      rmSync(mediaDir, { recursive: true, force: true })
    })

    it('keeps every acknowledged event once and every profile equal to its events, and takes the unanswered batches again', async () => {
      const prefix = `crash-${database.name}-${Date.now()}`
      const batches = crashBatches(prefix)
      const port = await freePort()
      // Until the kill, the receiver fails every delivery: the changes wait in the outbox and the delivery log.
      receiver.answer('/crm', { status: 503 })
      server = await startServer(t.databaseUri, mediaDir, port, sharing)
      const victim = server

      // Posters send batches one after another until the server dies under them.
      const answered = new Map<number, { status: number; results?: Outcome[] }>()
      const unanswered: number[] = []
      const underWay = new Set<number>()
      let next = 0
      let killed: string | undefined
      const poster = async () => {
        while (!killed && next < batches.length) {
          const batch = next++
          underWay.add(batch)
          try {
            answered.set(batch, await postBatch(port, KEY, batches[batch]!))
          } catch {
            unanswered.push(batch)
          } finally {
            underWay.delete(batch)
          }
        }
      }
      const cutShort = async () => {
        const keys = [...underWay].flatMap((batch) => batches[batch]!.map((event) => event.idempotencyKey))
        if ((await storedCounts(t.payload, keys)).size > 0) return 'some events of a batch under way were stored'
        if (database.name === 'postgres' && (await serverInTransaction(t.databaseUri))) return 'the server held a transaction open'
        return undefined
      }
      const killer = async () => {
        while (!killed) {
          const cut = answered.size >= KILL_AFTER.atLeast && underWay.size > 0 ? await cutShort() : undefined
          if (cut || answered.size >= KILL_AFTER.atMost || next >= batches.length) {
            killed = cut ?? `${answered.size} batches were acknowledged`
            victim.process.kill('SIGKILL')
          } else {
            await new Promise((resolve) => setTimeout(resolve, 5))
          }
        }
      }
      await Promise.all([killer(), ...Array.from({ length: CONCURRENT_POSTERS }, poster)])
      await victim.exited
      expect([...answered.values()].map((answer) => answer.status).filter((status) => status !== 200), victim.output()).toEqual([])
      expect(unanswered.length, 'batches under way at the kill').toBeGreaterThan(0)

      receiver.answer('/crm', { status: 200 })
      server = await startServer(t.databaseUri, mediaDir, port, sharing)

      // Every event the server acknowledged is stored exactly once.
      const acknowledged = [...answered].flatMap(([batch, answer]) => batches[batch]!.filter((_, index) => answer.results?.[index]?.status !== 'rejected'))
      expect([...answered.values()].flatMap((answer) => answer.results ?? []).every((outcome) => outcome.status === 'accepted')).toBe(true)
      const afterRestart = await storedCounts(t.payload, acknowledged.map((event) => event.idempotencyKey))
      expect(acknowledged.filter((event) => afterRestart.get(event.idempotencyKey) !== 1).map((event) => event.idempotencyKey)).toEqual([])

      // What the kill cut short: batches stored in full, in part, or not at all.
      const lost = await storedCounts(t.payload, unanswered.flatMap((batch) => batches[batch]!.map((event) => event.idempotencyKey)))
      const storedOfLost = unanswered.map((batch) => batches[batch]!.filter((event) => lost.has(event.idempotencyKey)).length)
      console.info(
        `[kill -9 on ${database.name}] killed when ${killed}; ${answered.size} batches acknowledged (${acknowledged.length} events, all stored once); ` +
          `${unanswered.length} under way, stored ${storedOfLost.map((count) => `${count}/${EVENTS_PER_BATCH}`).join(', ')}`,
      )
      // In one transaction, a batch is stored whole or not at all.
      if (database.name === 'postgres') expect(storedOfLost.filter((count) => count !== 0 && count !== EVENTS_PER_BATCH)).toEqual([])

      // Every profile holds exactly what its events say.
      for (const { stored, rebuilt } of await profilesAndRebuilds(t.payload, prefix)) expect(stored).toEqual(rebuilt)

      // The batches that got no answer are sent again: taken, each event once.
      for (const batch of unanswered) {
        const retry = await postBatch(port, KEY, batches[batch]!)
        expect(retry.status).toBe(200)
        expect(retry.results!.filter((outcome) => outcome.status !== 'accepted' && outcome.status !== 'duplicate')).toEqual([])
      }
      const posted = [...answered.keys(), ...unanswered].flatMap((batch) => batches[batch]!)
      const afterRetries = await storedCounts(t.payload, posted.map((event) => event.idempotencyKey))
      expect(posted.filter((event) => afterRetries.get(event.idempotencyKey) !== 1).map((event) => event.idempotencyKey)).toEqual([])
      const profiles = await profilesAndRebuilds(t.payload, prefix)
      for (const { stored, rebuilt } of profiles) expect(stored).toEqual(rebuilt)
      expect(profiles.reduce((sum, { stored }) => sum + stored!.eventCount, 0)).toBe(posted.length)

      // Webhooks: exactly the changes stored, each by its stable id, signed; none lost to the kill, none made up.
      const changes = expectedChanges(posted)
      const webhookIds = new Set(changes.filter((change) => !change.type.startsWith('events.')).map((change) => change.id))
      const delivered = () => new Set(receiver.received.filter((item) => item.body.type && item.verified).map((item) => item.id))
      await receiver.until(() => [...webhookIds].every((id) => delivered().has(id)), 120_000)
      for (let pending = 1; pending > 0; ) {
        pending = (await t.payload.count({ collection: 'webhook-deliveries', where: { status: { not_equals: 'delivered' } } })).totalDocs
        if (pending > 0) await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(receiver.received.filter((item) => !item.verified)).toEqual([])
      expect([...new Set(receiver.received.map((item) => item.id))].sort()).toEqual([...webhookIds].sort())

      // The stream: every change once (the republished copies dropped by Nats-Msg-Id), in order per profile.
      if (NATS_URL) {
        const expected = new Map(changes.map((change) => [change.id, change]))
        let streamed = await readStream(NATS_URL, stream)
        for (let wait = 0; streamed.length < expected.size && wait < 600; wait++) {
          await new Promise((resolve) => setTimeout(resolve, 100))
          streamed = await readStream(NATS_URL, stream)
        }
        const ids = streamed.map((message) => message.msgId)
        expect(ids.length, 'messages in the stream').toBe(new Set(ids).size)
        expect(streamed.every((message) => message.msgId === message.body.id)).toBe(true)
        expect([...new Set(ids)].sort()).toEqual([...expected.keys()].sort())
        const storedOrder = await storedKeysByProfile(t.payload, posted.map((event) => event.idempotencyKey))
        const streamedOrder = new Map<string, string[]>()
        for (const message of streamed) {
          const change = expected.get(message.body.id)!
          if (!change.type.startsWith('events.')) continue
          const profile = String((message.body.data.person as { profile: string }).profile)
          streamedOrder.set(profile, [...(streamedOrder.get(profile) ?? []), change.key])
        }
        expect(Object.fromEntries(streamedOrder)).toEqual(Object.fromEntries(storedOrder))
        console.info(`[kill -9 on ${database.name}] the stream holds ${streamed.length} messages, each once, in order per profile`)
      }
    }, 300_000)
  })
}
