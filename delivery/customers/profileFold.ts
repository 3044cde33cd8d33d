/**
 * The one fold from events to a profile's aggregates: recording applies each
 * accepted event with it, and a rebuild applies every stored event with it,
 * in the order they were recorded, so the two cannot drift.
 */
import type { CompiledScore, ConsentPurpose, EventType, TraitValue } from '../../engine'
import { foldAnswer, foldScores } from './answerFold'
import type { Profile } from './profiles'

/** What the fold reads of an event, as accepted and as stored. */
export type FoldedEvent = {
  type: EventType
  category?: string | null
  traits?: Record<string, TraitValue> | null
  /** Purpose or mailing list → granted. */
  consents?: Record<string, boolean> | null
  /** form_answer: the question, the outcome, the channel (answerFold.ts). */
  properties?: Record<string, unknown> | null
  /** The API key or first-party site that sent it. */
  source: string
  /** When it happened, by the caller's clock (never more than minutes ahead): dates behaviour, orders traits. */
  occurredAt: string
  /** When the server received it: orders consents and lists, which a caller's clock must not outrank. */
  receivedAt: string
}

type Aggregates = Pick<Profile, 'traits' | 'consents' | 'subscriptions' | 'behaviour' | 'lastSeenAt' | 'eventCount' | 'asks' | 'scores'>

/** The purposes that are mailing lists: consenting to one is a subscription. */
export const mailingLists = (purposes: readonly ConsentPurpose[]): ReadonlySet<string> =>
  new Set(purposes.filter((purpose) => purpose.kind === 'marketing').map((purpose) => purpose.slug))

/**
 * Adds one event to the aggregates: counts, the day's behaviour, and the
 * traits, consents and lists it states where it is the newest word on them
 * (a tie goes to the event recorded later); the ask log and interest scores.
 */
export function foldEvent(profile: Aggregates, event: FoldedEvent, lists: ReadonlySet<string>, scores: readonly CompiledScore[] = []): void {
  profile.eventCount += 1
  if (!profile.lastSeenAt || event.occurredAt > profile.lastSeenAt) profile.lastSeenAt = event.occurredAt
  const day = event.occurredAt.slice(0, 10)
  for (const series of event.category ? [event.type, `${event.type}:${event.category}`] : [event.type]) {
    const counts = (profile.behaviour[series] ??= {})
    counts[day] = (counts[day] ?? 0) + 1
  }
  for (const [key, value] of Object.entries(event.traits ?? {})) {
    const current = profile.traits[key]
    if (!current || current.at <= event.occurredAt) profile.traits[key] = { value, source: event.source, at: event.occurredAt }
  }
  foldAnswer(profile.asks, event)
  foldScores(profile.scores, event, scores)
  const at = event.receivedAt
  for (const [purpose, granted] of Object.entries(event.consents ?? {})) {
    if (lists.has(purpose)) {
      const current = profile.subscriptions[purpose]
      if (!current || current.at <= at) profile.subscriptions[purpose] = { status: granted ? 'subscribed' : 'unsubscribed', source: event.source, at }
    } else {
      const current = profile.consents[purpose]
      if (!current || current.at <= at) profile.consents[purpose] = { granted, source: event.source, at }
    }
  }
}
