/**
 * The dispatcher: reads the outbox in the order it was written and delivers
 * it, at least once. Each pass (on a short poll, and right after a unit of
 * work with changes commits) 1. publishes unstreamed messages to NATS
 * JetStream, one by one in order, marking them once acknowledged; 2. fans
 * each new message out into one delivery per endpoint that wants it (one per
 * endpoint and message: the key is unique); 3. attempts the deliveries that
 * are due, and plans the next attempt of a failure from the retry schedule,
 * or dead-letters it. A crash anywhere repeats at most the step it cut short:
 * JetStream drops the republished copy (same Nats-Msg-Id), a receiver sees
 * the same webhook-id again.
 */
import type { Payload, Where } from 'payload'

import { onDestroy, processWide } from '../http'
import { type ChangeMessage, ChangeMessageSchema } from './changeTypes'
import type { Resolver } from './destinationGuard'
import { enabledEndpoints, endpointSaw, endpointWants, type WebhookEndpoint } from './endpoints'
import { publishToStream, streamSettings } from './natsStream'
import { insertRows } from './outbox'
import { nextDelay, retryScheduleFromEnv } from './retrySchedule'
import { attemptDelivery, type AttemptResult } from './webhookRequest'

export type DispatcherOptions = {
  /** Delays (ms) before each retry; past the last, dead-lettered. Default: WEBHOOK_RETRY_SCHEDULE, else about a day. */
  retrySchedule?: number[]
  /** How often the outbox is looked at when nothing wakes the dispatcher. Default WEBHOOK_POLL_MS, else 500. */
  pollMs?: number
  /** DNS for destinations (tests give a name an address). */
  resolver?: Resolver
}

type DispatcherState = { options: Required<Omit<DispatcherOptions, 'resolver'>> & Pick<DispatcherOptions, 'resolver'>; timer?: ReturnType<typeof setTimeout>; running?: Promise<void>; again: boolean; stopped: boolean }
const dispatchers = processWide('sharingDispatchers', () => new Map<Payload, DispatcherState>())

const PAGE = 200
const DUE_PER_PASS = 20

/** Starts delivering this Payload's outbox in this process (payload.config's onInit does, unless TESSERA_SHARING=off). */
export function startSharing(payload: Payload, options: DispatcherOptions = {}): void {
  if (dispatchers.has(payload)) return
  const state: DispatcherState = {
    options: { retrySchedule: options.retrySchedule ?? retryScheduleFromEnv(), pollMs: options.pollMs ?? (Number(process.env.WEBHOOK_POLL_MS) || 500), resolver: options.resolver },
    again: false,
    stopped: false,
  }
  dispatchers.set(payload, state)
  onDestroy(payload, () => stopSharing(payload))
  schedule(payload, state, 0)
}

/** Stops this process's dispatcher for `payload` and waits for a pass under way. */
export async function stopSharing(payload: Payload): Promise<void> {
  const state = dispatchers.get(payload)
  if (!state) return
  state.stopped = true
  if (state.timer) clearTimeout(state.timer)
  dispatchers.delete(payload)
  await state.running?.catch(() => {})
}

/** Changes were committed: deliver them now rather than at the next poll. */
export function changesCommitted(payload: Payload): void {
  const state = dispatchers.get(payload)
  if (!state) return
  if (state.running) state.again = true
  else schedule(payload, state, 0)
}

/** Resolves once nothing is left to stream, fan out or deliver now (tests, benchmarks). */
export async function sharingIdle(payload: Payload): Promise<void> {
  const state = dispatchers.get(payload)
  if (state) await state.running?.catch(() => {})
  const options = state?.options ?? { retrySchedule: retryScheduleFromEnv(), pollMs: 0 }
  for (;;) {
    await pass(payload, options)
    const waiting = await Promise.all([
      streamSettings() ? payload.count({ collection: 'outbox-messages', where: { streamed: { equals: false } }, overrideAccess: true }) : { totalDocs: 0 },
      payload.count({ collection: 'outbox-messages', where: { fannedOut: { equals: false } }, overrideAccess: true }),
      payload.count({ collection: 'webhook-deliveries', where: { status: { equals: 'pending' }, nextAttemptAt: { less_than_equal: new Date().toISOString() } }, overrideAccess: true }),
    ])
    if (waiting.every(({ totalDocs }) => totalDocs === 0)) return
  }
}

function schedule(payload: Payload, state: DispatcherState, delay: number): void {
  if (state.stopped) return
  if (state.timer) clearTimeout(state.timer)
  state.timer = setTimeout(() => {
    state.timer = undefined
    state.running = pass(payload, state.options)
      .catch((error: unknown) => payload.logger.error({ err: error, msg: 'Sharing: a dispatch pass failed; it is tried again' }))
      .finally(() => {
        state.running = undefined
        const again = state.again
        state.again = false
        schedule(payload, state, again ? 0 : state.options.pollMs)
      })
  }, delay)
  state.timer.unref?.()
}

async function pass(payload: Payload, options: DispatcherState['options']): Promise<void> {
  await streamPending(payload)
  await fanOut(payload)
  await deliverDue(payload, options)
}

type OutboxDoc = { id: number | string; messageId: string; type: string; occurredAt: string; data: unknown; createdAt?: string }

function messageFromDoc(doc: OutboxDoc): ChangeMessage {
  return ChangeMessageSchema.parse({ id: doc.messageId, type: doc.type, timestamp: new Date(doc.occurredAt).toISOString(), data: doc.data ?? {} })
}

/** The adapter's own find: no hooks, no access, no count (this runs after every unit of work with changes). */
async function outboxPage(payload: Payload, where: Where): Promise<OutboxDoc[]> {
  const { docs } = await payload.db.find({ collection: 'outbox-messages', where, sort: 'id', limit: PAGE, pagination: false })
  return docs as unknown as OutboxDoc[]
}

type SqlExecutor = { name?: string; execute?: (args: { drizzle: unknown; raw: string }) => Promise<unknown>; drizzle?: unknown }

/**
 * Sets a flag on outbox messages. Payload's updateMany writes row by row (a
 * select and an update per row), which costs more than the delivery itself:
 * on SQL databases it is one UPDATE (the ids are the database's own integers).
 */
async function mark(payload: Payload, ids: (number | string)[], data: { streamed: true } | { fannedOut: true }): Promise<void> {
  if (ids.length === 0) return
  const adapter = payload.db as unknown as SqlExecutor
  const [flag] = Object.keys(data) as ('streamed' | 'fannedOut')[]
  const column = flag === 'streamed' ? 'streamed' : 'fanned_out'
  if (adapter.execute && adapter.drizzle && (adapter.name === 'sqlite' || adapter.name === 'postgres') && ids.every((id) => Number.isSafeInteger(id))) {
    const value = adapter.name === 'sqlite' ? '1' : 'true'
    await adapter.execute({ drizzle: adapter.drizzle, raw: `UPDATE "outbox_messages" SET "${column}" = ${value} WHERE "id" IN (${ids.join(', ')})` })
    return
  }
  await payload.db.updateMany({ collection: 'outbox-messages', where: { id: { in: ids } }, data, returning: false })
}

/** 1. To NATS, in the order written; stops at the first failure (order matters more than progress). */
async function streamPending(payload: Payload): Promise<void> {
  const settings = streamSettings()
  if (!settings) return
  for (;;) {
    const docs = await outboxPage(payload, { streamed: { equals: false } })
    if (docs.length === 0) return
    const { acknowledged, error } = await publishToStream(settings, docs.map(messageFromDoc))
    // Only what the stream acknowledged counts as streamed; the rest is sent again (and dropped by JetStream if it had it).
    await mark(payload, docs.slice(0, acknowledged).map((doc) => doc.id), { streamed: true })
    if (error) throw error
    if (docs.length < PAGE) return
  }
}

/** 2. One delivery per endpoint that wants the message. */
async function fanOut(payload: Payload): Promise<void> {
  for (;;) {
    const docs = await outboxPage(payload, { fannedOut: { equals: false } })
    if (docs.length === 0) return
    const endpoints = await enabledEndpoints(payload, { fresh: true })
    const wanted = docs.flatMap((doc) => endpoints.filter((endpoint) => endpointWants(endpoint, doc.type) && endpointSaw(endpoint, doc.createdAt)).map((endpoint) => ({ doc, endpoint, key: `${endpoint.id}:${doc.messageId}` })))
    if (wanted.length > 0) {
      const { docs: existing } = await payload.find({ collection: 'webhook-deliveries', where: { key: { in: wanted.map(({ key }) => key) } }, select: { key: true }, pagination: false, depth: 0, overrideAccess: true })
      const known = new Set(existing.map((delivery) => delivery.key))
      const now = new Date().toISOString()
      await insertRows(
        payload,
        'webhook-deliveries',
        wanted
          .filter(({ key }) => !known.has(key))
          .map(({ doc, endpoint, key }) => ({ key, endpoint: ref(endpoint.id), messageId: doc.messageId, type: doc.type, status: 'pending', attempts: 0, nextAttemptAt: now, attemptLog: [], createdAt: now, updatedAt: now })),
      )
    }
    await mark(payload, docs.map((doc) => doc.id), { fannedOut: true })
    if (docs.length < PAGE) return
  }
}

const ref = (id: string): number | string => (/^\d+$/.test(id) ? Number(id) : id)

type DeliveryDoc = { id: number | string; endpoint: number | string | { id: number | string }; messageId: string; attempts?: number | null; attemptLog?: unknown }
export type AttemptRecord = { at: string; status?: number; latencyMs: number; error?: string; nextDelayMs?: number }

/** 3. The deliveries due now, a few at a time. */
async function deliverDue(payload: Payload, options: DispatcherState['options']): Promise<void> {
  const endpoints = new Map((await enabledEndpoints(payload)).map((endpoint) => [endpoint.id, endpoint]))
  if (endpoints.size === 0) return
  const { docs } = await payload.find({
    collection: 'webhook-deliveries',
    where: { status: { equals: 'pending' }, nextAttemptAt: { less_than_equal: new Date().toISOString() }, endpoint: { in: [...endpoints.keys()].map(ref) } },
    sort: 'nextAttemptAt',
    limit: DUE_PER_PASS,
    depth: 0,
    overrideAccess: true,
  })
  const due = docs as unknown as DeliveryDoc[]
  if (due.length === 0) return
  const messages = await messagesById(payload, due.map((delivery) => delivery.messageId))
  await Promise.all(
    due.map(async (delivery) => {
      const endpoint = endpoints.get(String(typeof delivery.endpoint === 'object' ? delivery.endpoint.id : delivery.endpoint))
      const message = messages.get(delivery.messageId)
      if (!endpoint) return
      const result: AttemptResult = message
        ? await attemptDelivery(endpoint.url, endpoint.secret, message, { resolver: options.resolver })
        : { ok: false, latencyMs: 0, error: 'The message is no longer in the outbox' }
      await recordAttempt(payload, delivery, endpoint, result, options.retrySchedule)
    }),
  )
}

async function messagesById(payload: Payload, ids: string[]): Promise<Map<string, ChangeMessage>> {
  const { docs } = await payload.find({ collection: 'outbox-messages', where: { messageId: { in: [...new Set(ids)] } }, pagination: false, depth: 0, overrideAccess: true })
  return new Map((docs as unknown as OutboxDoc[]).map((doc) => [doc.messageId, messageFromDoc(doc)]))
}

async function recordAttempt(payload: Payload, delivery: DeliveryDoc, _endpoint: WebhookEndpoint, result: AttemptResult, retrySchedule: readonly number[]): Promise<void> {
  const attempts = (delivery.attempts ?? 0) + 1
  const now = new Date()
  const delay = result.ok ? undefined : nextDelay(retrySchedule, attempts)
  const record: AttemptRecord = { at: now.toISOString(), status: result.status, latencyMs: result.latencyMs, ...(result.error ? { error: result.error } : {}), ...(delay !== undefined ? { nextDelayMs: delay } : {}) }
  const log = Array.isArray(delivery.attemptLog) ? (delivery.attemptLog as AttemptRecord[]) : []
  await payload.db.updateOne({
    collection: 'webhook-deliveries',
    id: delivery.id,
    data: {
      attempts,
      status: result.ok ? 'delivered' : delay === undefined ? 'dead' : 'pending',
      nextAttemptAt: delay === undefined ? null : new Date(now.getTime() + delay).toISOString(),
      lastAttemptAt: now.toISOString(),
      ...(result.ok ? { deliveredAt: now.toISOString() } : {}),
      responseStatus: result.status ?? null,
      latencyMs: result.latencyMs,
      response: result.response ?? null,
      error: result.error ?? null,
      // The last 50 attempts are enough to see a pattern.
      attemptLog: [...log, record].slice(-50),
    },
    returning: false,
  })
}

/** Sends a delivery again now (from the delivery log), whatever became of it; its webhook-id stays the same. */
export async function replayDelivery(payload: Payload, id: string): Promise<boolean> {
  const found = await payload.findByID({ collection: 'webhook-deliveries', id: ref(id), depth: 0, overrideAccess: true, disableErrors: true })
  if (!found) return false
  await payload.db.updateOne({ collection: 'webhook-deliveries', id: found.id, data: { status: 'pending', attempts: 0, nextAttemptAt: new Date().toISOString() }, returning: false })
  changesCommitted(payload)
  return true
}
