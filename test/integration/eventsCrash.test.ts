/**
 * What the events API acknowledged survives a crash: a real server process
 * (test/integration/eventsServer.ts) is killed with SIGKILL while batches are
 * posted to it concurrently, and restarted on the same database. Every
 * acknowledged event is then stored exactly once, every profile equals the
 * rebuild from its events, and the batches that got no answer can be sent
 * again and are taken (accepted or duplicate), each event once.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { profileById, profileFromEvents } from '../../delivery/customers'
import { deliveryIdle } from '../../delivery/snapshot'
import { seedDemo } from '../../migrations/demo/seed'
import { type Event, type EventsServer, freePort, type Outcome, postBatch, serverInTransaction, startServer } from './eventsServerProcess'
import { databasesUnderTest, startPayload, type TestPayload } from './harness'

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
    const mediaDir = mkdtempSync(path.join(tmpdir(), 'tessera-crash-media-'))

    beforeAll(async () => {
      t = await startPayload(database)
      await seedDemo(t.payload, { adminEmail: 'a@x.test', editorEmail: 'e@x.test', reviewerEmail: 'r@x.test', password: 'a-long-password', apiKey: KEY })
      await deliveryIdle(t.payload)
    })
    afterAll(async () => {
      server?.process.kill('SIGKILL')
      await server?.exited
      await t?.close()
      rmSync(mediaDir, { recursive: true, force: true })
    })

    it('keeps every acknowledged event once and every profile equal to its events, and takes the unanswered batches again', async () => {
      const prefix = `crash-${database.name}-${Date.now()}`
      const batches = crashBatches(prefix)
      const port = await freePort()
      server = await startServer(t.databaseUri, mediaDir, port)
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

      server = await startServer(t.databaseUri, mediaDir, port)

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
    }, 300_000)
  })
}
