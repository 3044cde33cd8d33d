/**
 * The outbox: every change other systems care about is written here in the
 * same unit of work as the change itself (the caller's `req`, which carries
 * its transaction), and only later delivered (dispatcher.ts). A message is
 * written once per id: writing it again (a repair, a retried unit) is a no-op.
 */
import type { Payload, PayloadRequest } from 'payload'

import { type ChangeMessage, changeId, isBehaviour, type MessageType } from './changeTypes'
import { wantsBehaviour } from './endpoints'
import { streamConfigured } from './natsStream'

/** A change to share: its type, the data it carries, and what makes it unique (for its stable id). */
export type Change = {
  type: MessageType
  data: Record<string, unknown>
  /** What makes this change unique: the same change always gets the same id. Omitted: a new id (random). */
  unique?: string[]
  /** Orders messages: those of one key (a profile) are delivered to the stream in the order written. */
  key?: string
  at?: string
}

/** The unit of work a change belongs to: pass the `req` the change itself is written with. */
export type ChangeUnit = { req?: PayloadRequest }

export function messageOf(change: Change): ChangeMessage {
  return { id: changeId(change.type, ...(change.unique ?? [crypto.randomUUID()])), type: change.type, timestamp: change.at ?? new Date().toISOString(), data: change.data }
}

/**
 * Writes changes to the outbox in the unit of work of `unit.req`. Behaviour
 * events are written only while someone wants them (the stream, or an
 * endpoint that opted in). Messages already written (same id) are skipped.
 */
export async function emitChanges(payload: Payload, changes: Change[], unit: ChangeUnit = {}): Promise<ChangeMessage[]> {
  const behaviour = changes.some((change) => isBehaviour(change.type)) && (await wantsBehaviour(payload))
  const wanted = changes.filter((change) => behaviour || !isBehaviour(change.type)).map((change) => ({ change, message: messageOf(change) }))
  if (wanted.length === 0) return []
  const { docs } = await payload.find({
    collection: 'outbox-messages',
    where: { messageId: { in: wanted.map(({ message }) => message.id) } },
    select: { messageId: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req: unit.req,
  })
  const written = new Set(docs.map((doc) => doc.messageId))
  const fresh = wanted.filter(({ message }) => !written.has(message.id) && written.add(message.id))
  for (const { change, message } of fresh) {
    await payload.db.create({
      collection: 'outbox-messages',
      data: { messageId: message.id, type: message.type, orderKey: change.key ?? null, occurredAt: message.timestamp, data: message.data, streamed: !streamConfigured(), fannedOut: false },
      req: unit.req,
    })
  }
  return fresh.map(({ message }) => message)
}

/** The one door for other rooms: share one change, in the unit of work that makes it. */
export async function emitChange(payload: Payload, type: MessageType, data: Record<string, unknown>, unit: ChangeUnit & { unique?: string[]; key?: string } = {}): Promise<ChangeMessage | undefined> {
  const [message] = await emitChanges(payload, [{ type, data, unique: unit.unique, key: unit.key }], unit)
  return message
}
