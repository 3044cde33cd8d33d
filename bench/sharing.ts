/**
 * Real-time sharing, on a fresh SQLite database with the demo, in process
 * (the events API's own handler, the dispatcher, a local webhook receiver and
 * a NATS subscriber over real sockets):
 *  - consent change → webhook received (signature verified), p50 / p95;
 *  - consent change → NATS consumer received (NATS_URL, else TEST_NATS_URL;
 *    skipped loudly when neither is set), p50 / p95;
 *  - events API throughput (batches of page views) with the outbox, a webhook
 *    endpoint taking behaviour and the stream on, against the same run with
 *    them off (no one wanting behaviour: nothing more is written).
 */
import { createServer } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'
import { getPayload, type Payload } from 'payload'
import { Webhook } from 'standardwebhooks'

import { handleEventsRequest } from '../delivery/customers'
import { closeStreams, sharingIdle, startSharing, stopSharing } from '../delivery/sharing'
import { deliveryIdle, stopLiveSnapshot } from '../delivery/snapshot'
import { seedDemo } from '../migrations/demo/seed'
import { createTesseraConfig } from '../payload.config'
import { benchRow, type Scenario, ScenarioFailure } from './scenario'
import { percentile, round } from './stats'

const API_KEY = 'tsk_benchmark_sharing_events_key_0123456789ab'
const SECRET = `whsec_${Buffer.from('the benchmark secret, 24 bytes or more').toString('base64')}`

export type Latency = { p50Ms: number; p95Ms: number; samples: number }
export type SharingMeasurement = {
  webhook: Latency
  nats?: Latency
  natsSkipped?: string
  throughput: { offEventsPerSecond: number; onEventsPerSecond: number; percentOfOff: number; batch: number; seconds: number }
}

const latencyOf = (samples: number[]): Latency => ({ p50Ms: round(percentile(samples, 50), 1), p95Ms: round(percentile(samples, 95), 1), samples: samples.length })

async function postEvents(payload: Payload, events: unknown[]): Promise<void> {
  const response = await handleEventsRequest(
    payload,
    new Request('http://127.0.0.1/api/events', { method: 'POST', headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ events }) }),
  )
  if (response.status !== 200) throw new ScenarioFailure(`The events API answered ${response.status}: ${await response.text()}`)
  const body = (await response.json()) as { rejected: number }
  if (body.rejected > 0) throw new ScenarioFailure(`The events API rejected ${body.rejected} event(s)`)
}

/** Events per second through the events API for `seconds`, in batches of `batch` page views about a few customers. */
async function throughput(payload: Payload, label: string, seconds: number, batch: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000
  const started = performance.now()
  let events = 0
  for (let round = 0; performance.now() < deadline; round++) {
    await postEvents(
      payload,
      Array.from({ length: batch }, (_, index) => ({ idempotencyKey: `bench-${label}-${round}-${index}`, type: 'page_view', customer: `bench-reader-${index % 4}`, category: 'candles' })),
    )
    events += batch
  }
  await sharingIdle(payload)
  return events / ((performance.now() - started) / 1000)
}

export async function measureSharing({ quick = false } = {}): Promise<SharingMeasurement> {
  const directory = mkdtempSync(path.join(tmpdir(), 'tessera-bench-sharing-'))
  const natsUrl = process.env.NATS_URL ?? process.env.TEST_NATS_URL
  const stream = `TESSERA_BENCH_${Date.now()}`
  const prefix = `bench${Date.now()}`
  const saved = { NATS_URL: process.env.NATS_URL, NATS_STREAM: process.env.NATS_STREAM, NATS_SUBJECT_PREFIX: process.env.NATS_SUBJECT_PREFIX, WEBHOOK_ALLOWED_NETWORKS: process.env.WEBHOOK_ALLOWED_NETWORKS, TESSERA_SHARING: process.env.TESSERA_SHARING }
  delete process.env.NATS_URL
  process.env.TESSERA_SHARING = 'off'
  process.env.WEBHOOK_ALLOWED_NETWORKS = '127.0.0.1/32'
  const databaseUri = `file:${path.join(directory, 'sharing.db')}`
  const payload = await getPayload({ config: createTesseraConfig({ databaseUri, mediaDir: path.join(directory, 'media') }), key: databaseUri })
  const verifier = new Webhook(SECRET)
  const arrived = new Map<string, number>()
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const at = performance.now()
      const body = verifier.verify(Buffer.concat(chunks).toString('utf8'), request.headers as Record<string, string>) as { type: string; data: { person?: { customerId?: string } } }
      if (body.type === 'consent.changed' && body.data.person?.customerId) arrived.set(body.data.person.customerId, at)
      response.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  try {
    await seedDemo(payload, { adminEmail: 'admin@bench.test', editorEmail: 'editor@bench.test', reviewerEmail: 'reviewer@bench.test', password: 'benchmark-password', apiKey: API_KEY })
    await deliveryIdle(payload)
    const seconds = quick ? 2 : 10
    const batch = 50

    startSharing(payload, { pollMs: 500 })
    // The readers consent to analytics first: page views are stored only then.
    await postEvents(payload, Array.from({ length: 4 }, (_, index) => ({ idempotencyKey: `bench-reader-consent-${index}`, type: 'consent_change', customer: `bench-reader-${index}`, consents: { analytics: true } })))
    const { port } = receiver.address() as AddressInfo
    // With a stream, behaviour goes there (the endpoint takes consent changes); without one, to the endpoint, so that the outbox holds it all the same.
    const endpoint = await payload.create({
      collection: 'webhook-endpoints',
      data: { name: 'Bench CRM', url: `http://127.0.0.1:${port}/hook`, types: ['consent.changed'], secret: SECRET, behaviour: !natsUrl, enabled: false } as never,
      overrideAccess: true,
    })
    /** Off: no endpoint, no stream (nothing wants behaviour). On: the endpoint and the stream, every page view in the outbox. */
    const sharing = async (on: boolean) => {
      await payload.update({ collection: 'webhook-endpoints', id: endpoint.id, data: { enabled: on }, overrideAccess: true })
      if (on && natsUrl) Object.assign(process.env, { NATS_URL: natsUrl, NATS_STREAM: stream, NATS_SUBJECT_PREFIX: prefix })
      else delete process.env.NATS_URL
    }
    // Alternated, so that neither side runs only on the larger database.
    let off = 0
    let on = 0
    for (const phase of [0, 1]) {
      await sharing(false)
      off += (await throughput(payload, `off-${phase}`, seconds / 2, batch)) / 2
      await sharing(true)
      on += (await throughput(payload, `on-${phase}`, seconds / 2, batch)) / 2
    }

    // Latency: one consent change at a time, from the call to its arrival.
    const connection = natsUrl ? await connect({ servers: natsUrl }) : undefined
    const natsArrived = new Map<string, number>()
    const subscription = connection?.subscribe(`${prefix}.consent.changed`, {
      callback: (_error, message) => {
        const body = message.json<{ data: { person?: { customerId?: string } } }>()
        if (body.data.person?.customerId) natsArrived.set(body.data.person.customerId, performance.now())
      },
    })
    await connection?.flush()
    const webhookMs: number[] = []
    const natsMs: number[] = []
    const changes = quick ? 10 : 100
    for (let index = 0; index < changes; index++) {
      const customer = `bench-consent-${index}`
      const sent = performance.now()
      await postEvents(payload, [{ idempotencyKey: `bench-consent-${index}`, type: 'consent_change', customer, consents: { personalization: index % 2 === 0, analytics: true } }])
      const deadline = performance.now() + 10_000
      while ((!arrived.has(customer) || (connection && !natsArrived.has(customer))) && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1))
      if (!arrived.has(customer)) throw new ScenarioFailure(`The webhook for ${customer} did not arrive within 10 s`)
      webhookMs.push(arrived.get(customer)! - sent)
      if (connection) {
        if (!natsArrived.has(customer)) throw new ScenarioFailure(`The NATS message for ${customer} did not arrive within 10 s`)
        natsMs.push(natsArrived.get(customer)! - sent)
      }
    }
    subscription?.unsubscribe()
    if (connection) {
      await (await jetstreamManager(connection)).streams.delete(stream).catch(() => false)
      await connection.close()
    }
    return {
      webhook: latencyOf(webhookMs),
      ...(connection ? { nats: latencyOf(natsMs) } : { natsSkipped: 'NATS_URL and TEST_NATS_URL are not set: the NATS latency was SKIPPED' }),
      throughput: { offEventsPerSecond: Math.round(off), onEventsPerSecond: Math.round(on), percentOfOff: Math.round((100 * on) / Math.max(1, off)), batch, seconds },
    }
  } finally {
    await stopSharing(payload)
    await closeStreams()
    stopLiveSnapshot(payload)
    await new Promise((resolve) => receiver.close(resolve))
    await payload.destroy().catch(() => {})
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
    rmSync(directory, { recursive: true, force: true })
  }
}

export const sharingScenario: Scenario = {
  name: 'sharing',
  async run({ quick }) {
    const sharing = await measureSharing({ quick })
    const latency = (measured: Latency) => `p50 ${measured.p50Ms} ms, p95 ${measured.p95Ms} ms (${measured.samples} changes)`
    const rows = [
      benchRow(quick, { measure: 'Consent change → webhook received', tessera: latency(sharing.webhook), target: 'p95 ≤ 1 s', met: sharing.webhook.p95Ms <= 1000 }),
      benchRow(quick, {
        measure: 'Consent change → NATS consumer',
        tessera: sharing.nats ? latency(sharing.nats) : sharing.natsSkipped!,
        target: 'p95 ≤ 100 ms',
        met: sharing.nats ? sharing.nats.p95Ms <= 100 : undefined,
      }),
      benchRow(quick, {
        measure: `Events API, batches of ${sharing.throughput.batch} page views: outbox and stream on vs off`,
        tessera: `${sharing.throughput.onEventsPerSecond} events/s`,
        baseline: `${sharing.throughput.offEventsPerSecond} events/s off`,
        ratio: `${sharing.throughput.percentOfOff} %`,
        target: '≥ 80 %',
        met: sharing.throughput.percentOfOff >= 80,
      }),
    ]
    return { rows, detail: sharing }
  },
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureSharing({ quick: process.argv.includes('--quick') }), null, 2))
  process.exit(0)
}
