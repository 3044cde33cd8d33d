/**
 * What Tessera tells other systems: one change, one message, with a stable id
 * (the same change always carries the same id, so webhook receivers and
 * JetStream's de-duplication can drop a second delivery). The schema is the
 * contract of webhook bodies and NATS messages alike.
 */
import { createHash } from 'node:crypto'

import { z } from 'zod'

import { EVENT_TYPES } from '../../engine'

/** Changes about people, content and experiments; behaviour events (`events.<type>`) are opt-in. */
export const CHANGE_TYPES = [
  'consent.changed',
  'list.changed',
  'traits.changed',
  'profiles.merged',
  'profile.erased',
  'snapshot.published',
  // Emitted by the experiments and surveys rooms through emitChange.
  'experiment.started',
  'experiment.stopped',
  'experiment.shipped',
  'survey.answered',
] as const
export type ChangeType = (typeof CHANGE_TYPES)[number]

export const BEHAVIOUR_TYPES = EVENT_TYPES.map((type) => `events.${type}` as const)
export type BehaviourType = (typeof BEHAVIOUR_TYPES)[number]
export type MessageType = ChangeType | BehaviourType

export const isBehaviour = (type: string): type is BehaviourType => type.startsWith('events.')

/** Who a change is about: identifiers only (what a downstream system needs to find its own record). */
export const PersonSchema = z.object({ profile: z.string(), customerId: z.string().optional(), email: z.string().optional() })
export type Person = z.infer<typeof PersonSchema>

/** A message as webhooks and the stream carry it (the Standard Webhooks body shape: type, timestamp, data). */
export const ChangeMessageSchema = z
  .object({
    id: z.string(),
    type: z.enum([...CHANGE_TYPES, ...BEHAVIOUR_TYPES]),
    timestamp: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ChangeMessage' })
export type ChangeMessage = z.infer<typeof ChangeMessageSchema>

/** A stable message id from what makes the change unique (an event's idempotency key, a snapshot version…). */
export function changeId(type: MessageType, ...unique: string[]): string {
  return `msg_${createHash('sha256').update([type, ...unique].join('\0')).digest('base64url').slice(0, 32)}`
}

/** The NATS subject of a message: `tessera.consent.changed`, `tessera.events.page_view`. */
export const subjectOf = (prefix: string, type: MessageType) => `${prefix}.${type}`
