/**
 * The events API: touchpoints report what happened, in batches of up to
 * 1,000 events, each with an idempotency key (a retried batch never counts
 * twice). An event is stored only if its purpose is consented to; accepted
 * events are committed in one transaction before the caller hears back; the
 * profile's aggregates (behaviour counts, traits, consents, lists) follow.
 */
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { z } from 'zod'

import { BEHAVIOUR_CATEGORY, type ConsentPurpose, EVENT_TYPES, type EventType, PurposeKeySchema, RenderContextSchema } from '../../engine'
import { ensureProfile, updateProfile, type Profile, type ProfileIdentity } from './profiles'

export const MAX_EVENTS_PER_BATCH = 1000

/** The purpose under which each kind of event may be collected. */
export const EVENT_PURPOSE: Record<EventType, string> = {
  page_view: 'analytics',
  click: 'analytics',
  conversion: 'analytics',
  custom: 'analytics',
  form_answer: 'personalization',
  trait_update: 'personalization',
  consent_change: 'necessary',
}

const TraitsSchema = RenderContextSchema.shape.traits

export const EventSchema = z
  .object({
    idempotencyKey: z.string().min(8, 'At least 8 characters: use a UUID').max(128),
    type: z.enum(EVENT_TYPES),
    name: z.string().min(1).max(128).optional(),
    category: z.string().max(64).regex(BEHAVIOUR_CATEGORY, 'A category is lowercase letters, digits and dashes, e.g. shoes').optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    properties: z
      .record(z.string(), z.unknown())
      .refine((value) => JSON.stringify(value).length <= 4096, 'Properties are limited to 4 KB')
      .optional(),
    /** trait_update and form_answer: the values learned. */
    traits: TraitsSchema,
    /** consent_change: purpose → granted (lists included). */
    consents: z.record(PurposeKeySchema, z.boolean()).optional(),
    /** Who it is about (API callers only; the website's own calls identify by cookie). */
    visitor: z.string().min(1).max(128).optional(),
    customer: z.string().min(1).max(128).optional(),
    email: z.string().email().max(320).optional(),
  })
  .strict()
  .superRefine((event, ctx) => {
    if ((event.type === 'trait_update' || event.type === 'form_answer') && !event.traits) {
      ctx.addIssue({ code: 'custom', path: ['traits'], message: `A ${event.type} event carries the traits it learned` })
    }
    if (event.type === 'consent_change' && !event.consents) {
      ctx.addIssue({ code: 'custom', path: ['consents'], message: 'A consent_change event carries the purposes and whether each is granted' })
    }
  })
export type IncomingEvent = z.infer<typeof EventSchema>

export const EventBatchSchema = z
  .object({ events: z.array(EventSchema).min(1, 'Send at least one event').max(MAX_EVENTS_PER_BATCH, `At most ${MAX_EVENTS_PER_BATCH} events per batch`) })
  .strict()

export type EventSource =
  | { kind: 'api-key'; name: string }
  /** The website's own calls: identity and consent come from the cookies the server signed. */
  | { kind: 'site'; visitor: string; consents: readonly string[] }

export const EventOutcomeSchema = z.object({
  index: z.number().int(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  /** Why an event was rejected: no_identity, no_consent, trait_not_allowed… */
  code: z.string().optional(),
  message: z.string().optional(),
})
export type EventOutcome = z.infer<typeof EventOutcomeSchema>

export const EventsResponseSchema = z
  .object({ accepted: z.number().int(), duplicates: z.number().int(), rejected: z.number().int(), results: z.array(EventOutcomeSchema) })
  .meta({ id: 'EventsResponse' })

/** Traits a visitor may state about themselves from the website; others come only from trusted systems. */
export const VISITOR_STATED_TRAITS = new Set(['interests', 'preferredStore', 'firstName', 'language', 'newsletterTopics'])

function identityOf(event: IncomingEvent, source: EventSource): ProfileIdentity | undefined {
  if (source.kind === 'site') return { visitor: source.visitor }
  if (!event.visitor && !event.customer && !event.email) return undefined
  return { visitor: event.visitor, customer: event.customer, email: event.email }
}

function granted(purpose: string, profile: Profile, source: EventSource): boolean {
  if (purpose === 'necessary') return true
  if (source.kind === 'site') return source.consents.includes(purpose)
  return profile.consents[purpose]?.granted === true
}

const dayOf = (iso: string) => iso.slice(0, 10)

/** Folds accepted events into the profile: counts, traits, consents and lists, newest first wins. */
function applyToProfile(profile: Profile, events: { event: IncomingEvent; at: string }[], sourceName: string, purposes: readonly ConsentPurpose[]): void {
  const lists = new Set(purposes.filter((purpose) => purpose.kind === 'marketing').map((purpose) => purpose.slug))
  for (const { event, at } of events) {
    profile.eventCount += 1
    if (!profile.lastSeenAt || at > profile.lastSeenAt) profile.lastSeenAt = at
    const day = dayOf(new Date(at).toISOString())
    for (const series of event.category ? [event.type, `${event.type}:${event.category}`] : [event.type]) {
      const counts = (profile.behaviour[series] ??= {})
      counts[day] = (counts[day] ?? 0) + 1
    }
    for (const [key, value] of Object.entries(event.traits ?? {})) {
      const current = profile.traits[key]
      if (!current || current.at <= at) profile.traits[key] = { value, source: sourceName, at }
    }
    for (const [purpose, isGranted] of Object.entries(event.consents ?? {})) {
      if (lists.has(purpose)) {
        const current = profile.subscriptions[purpose]
        if (!current || current.at <= at) profile.subscriptions[purpose] = { status: isGranted ? 'subscribed' : 'unsubscribed', source: sourceName, at }
      } else {
        const current = profile.consents[purpose]
        if (!current || current.at <= at) profile.consents[purpose] = { granted: isGranted, source: sourceName, at }
      }
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ''} ${String((error as { cause?: unknown })?.cause ?? '')}`
  return /unique|duplicate key|E11000|SQLITE_CONSTRAINT/i.test(text)
}

/**
 * Stores a validated batch. Returns one outcome per event, in order. Events
 * of a purpose the person has not consented to are rejected, not stored.
 */
export async function recordEvents(
  payload: Payload,
  events: IncomingEvent[],
  source: EventSource,
  purposes: readonly ConsentPurpose[],
  attempt = 1,
): Promise<EventOutcome[]> {
  const outcomes: EventOutcome[] = events.map((_, index) => ({ index, status: 'accepted' }))
  const sourceName = source.kind === 'site' ? 'site' : `api:${source.name}`

  // Retries: keys already stored, or repeated within this batch, count once.
  const keys = events.map((event) => event.idempotencyKey)
  const { docs: stored } = await payload.find({
    collection: 'profile-events',
    where: { idempotencyKey: { in: [...new Set(keys)] } },
    select: { idempotencyKey: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const seen = new Set(stored.map((doc) => doc.idempotencyKey))
  const toStore: { index: number; event: IncomingEvent; profile: Profile; at: string }[] = []
  const profiles = new Map<string, Profile>()

  for (const [index, event] of events.entries()) {
    if (seen.has(event.idempotencyKey)) {
      outcomes[index] = { index, status: 'duplicate' }
      continue
    }
    seen.add(event.idempotencyKey)
    const identity = identityOf(event, source)
    if (!identity) {
      outcomes[index] = { index, status: 'rejected', code: 'no_identity', message: 'Name who the event is about: visitor, customer or email' }
      continue
    }
    if (source.kind === 'site') {
      const claimed = Object.keys(event.traits ?? {}).filter((trait) => !VISITOR_STATED_TRAITS.has(trait))
      if (claimed.length > 0) {
        outcomes[index] = { index, status: 'rejected', code: 'trait_not_allowed', message: `A visitor cannot state ${claimed.join(', ')} about themselves` }
        continue
      }
    }
    const key = JSON.stringify(identity)
    let profile = profiles.get(key)
    if (!profile) {
      profile = await ensureProfile(payload, identity)
      profiles.set(key, profile)
    }
    // A consent change is read before the events that follow it in the same batch.
    const purpose = EVENT_PURPOSE[event.type]
    if (!granted(purpose, profile, source)) {
      outcomes[index] = { index, status: 'rejected', code: 'no_consent', message: `No ${purpose} consent for this person: the event was not stored` }
      continue
    }
    const at = event.occurredAt ? new Date(event.occurredAt).toISOString() : new Date().toISOString()
    if (event.type === 'consent_change') applyToProfile(profile, [{ event, at }], sourceName, purposes)
    toStore.push({ index, event, profile, at })
  }

  // Durable before the answer: every accepted event in one transaction.
  const transactionID = await payload.db.beginTransaction()
  const req = { transactionID, payload } as never
  try {
    for (const { event, profile, at } of toStore) {
      await payload.db.create({
        collection: 'profile-events',
        data: {
          idempotencyKey: event.idempotencyKey,
          type: event.type,
          name: event.name ?? null,
          category: event.category ?? null,
          properties: { ...(event.properties ?? {}), ...(event.traits ? { traits: event.traits } : {}), ...(event.consents ? { consents: event.consents } : {}) },
          profile: Number.isNaN(Number(profile.id)) ? profile.id : Number(profile.id),
          occurredAt: at,
          source: sourceName,
        },
        req,
      })
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    // Two copies of one batch raced: the other stored it first. Count again, as a retry.
    if (isUniqueViolation(error) && attempt < 3) return recordEvents(payload, events, source, purposes, attempt + 1)
    throw error
  }

  // The profile's aggregates follow the stored events (the copy above only gated this batch).
  const byProfile = new Map<string, { event: IncomingEvent; at: string }[]>()
  for (const { event, profile, at } of toStore) byProfile.set(profile.id, [...(byProfile.get(profile.id) ?? []), { event, at }])
  for (const [id, list] of byProfile) await updateProfile(payload, id, (profile) => applyToProfile(profile, list, sourceName, purposes))
  return outcomes
}

export const newIdempotencyKey = () => randomUUID()
