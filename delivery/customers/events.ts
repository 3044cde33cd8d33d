/**
 * The events API: touchpoints report what happened, in batches of up to
 * 1,000 events, each with an idempotency key (a retried batch never counts
 * twice). An event is stored only if its purpose is consented to. The
 * accepted events and the changes they make to their profiles (behaviour
 * counts, traits, consents, lists) are stored as one unit before the caller
 * hears back: one transaction where the database has them, else events
 * marked applied once their profiles hold them and repaired after a crash
 * (eventReplay.ts).
 */
import { randomUUID } from 'node:crypto'

import type { Payload, PayloadRequest } from 'payload'
import { z } from 'zod'

import { BEHAVIOUR_CATEGORY, type ConsentPurpose, EVENT_TYPES, type EventType, PurposeKeySchema, RenderContextSchema } from '../../engine'
import { liveManifest } from '../snapshot'
import { changesCommitted, emitChanges } from '../sharing'
import { changesOfEvent } from './eventChanges'
import { replayIfNeeded, replayNeeded } from './eventReplay'
import { foldEvent, mailingLists, type FoldedEvent } from './profileFold'
import { ensureProfile, type ProfileIdentity } from './profileIdentity'
import { markApplied } from './profileRebuild'
import { forget, lockOf, readById, ref, storeProfile, withProfileLocks, type Profile } from './profiles'
import { inUnitOfWork, isRaceLost, RaceLost } from './unitOfWork'

export const MAX_EVENTS_PER_BATCH = 1000
/** How far ahead of the server's clock a caller's occurredAt may be (clocks drift; the future has not happened). */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000

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
    occurredAt: z.iso
      .datetime({ offset: true })
      .refine((value) => Date.parse(value) <= Date.now() + MAX_CLOCK_AHEAD_MS, 'At most 5 minutes ahead of the server’s clock: send when it happened')
      .optional(),
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
  /** The website's own calls: identity and consent come from the cookies the server signed; `answerable`: the traits of the questions answered. */
  | { kind: 'site'; visitor: string; consents: readonly string[]; answerable?: ReadonlySet<string> }
  /** A signed link the server put in an email (a one-click answer): the person is the one it names, consent is their profile's. */
  | { kind: 'link'; name: string }

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

async function storedKeys(payload: Payload, keys: string[], req?: PayloadRequest): Promise<Set<string>> {
  const { docs } = await payload.find({
    collection: 'profile-events',
    where: { idempotencyKey: { in: [...new Set(keys)] } },
    select: { idempotencyKey: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return new Set(docs.map((doc) => doc.idempotencyKey))
}

type Wanted = { index: number; event: IncomingEvent; profileId: string }

/**
 * Stores a validated batch. Returns one outcome per event, in order. Events
 * of a purpose the person has not consented to are rejected, not stored; a
 * consent change is read by the events after it in the same batch.
 */
export async function recordEvents(payload: Payload, events: IncomingEvent[], source: EventSource, purposes: readonly ConsentPurpose[], attempt = 1): Promise<EventOutcome[]> {
  await replayIfNeeded(payload)
  const outcomes: EventOutcome[] = events.map((_, index) => ({ index, status: 'accepted' }))
  const sourceName = source.kind === 'site' ? 'site' : source.kind === 'link' ? `link:${source.name}` : `api:${source.name}`
  const receivedAt = new Date().toISOString()
  const lists = mailingLists(purposes)
  const scores = (await liveManifest(payload))?.scores ?? []

  // Retries: keys already stored, or repeated within this batch, count once.
  const seen = await storedKeys(payload, events.map((event) => event.idempotencyKey))
  const wanted: Wanted[] = []
  const profileOf = new Map<string, Profile>()
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
      const claimed = Object.keys(event.traits ?? {}).filter((trait) => !VISITOR_STATED_TRAITS.has(trait) && !source.answerable?.has(trait))
      if (claimed.length > 0) {
        outcomes[index] = { index, status: 'rejected', code: 'trait_not_allowed', message: `A visitor cannot state ${claimed.join(', ')} about themselves` }
        continue
      }
    }
    // Who it is about: found or created (and merged) in a unit of its own, before the events.
    const key = JSON.stringify(identity)
    const profile = profileOf.get(key) ?? (await ensureProfile(payload, identity))
    profileOf.set(key, profile)
    wanted.push({ index, event, profileId: profile.id })
  }
  if (wanted.length === 0) return outcomes

  const byProfile = new Map<string, Wanted[]>()
  for (const item of wanted) byProfile.set(item.profileId, [...(byProfile.get(item.profileId) ?? []), item])
  try {
    await withProfileLocks([...byProfile.keys()].map(lockOf.profile), async () => {
      const profiles = await inUnitOfWork(payload, async ({ req, transactional }) => {
        // A copy of this batch may have been stored since the first look.
        const late = await storedKeys(payload, wanted.map(({ event }) => event.idempotencyKey), req)
        const changed: Profile[] = []
        const accepted: { event: IncomingEvent; folded: FoldedEvent; profile: Profile }[] = []
        for (const [id, items] of byProfile) {
          const profile = await readById(payload, id, req)
          // Merged into another profile since it was looked up: that one is not locked here.
          if (!profile || profile.id !== id) throw new RaceLost(`profile ${id}`)
          for (const { index, event } of items) {
            if (late.has(event.idempotencyKey)) {
              outcomes[index] = { index, status: 'duplicate' }
              continue
            }
            const purpose = EVENT_PURPOSE[event.type]
            if (!granted(purpose, profile, source)) {
              outcomes[index] = { index, status: 'rejected', code: 'no_consent', message: `No ${purpose} consent for this person: the event was not stored` }
              continue
            }
            const folded = foldedOf(event, sourceName, receivedAt)
            foldEvent(profile, folded, lists, scores)
            accepted.push({ event, folded, profile })
          }
          if (accepted.some((item) => item.profile === profile)) changed.push(profile)
        }
        // Events first: without a transaction, an event is in its profile only once marked applied.
        const stored: (number | string)[] = []
        for (const { event, folded, profile } of accepted) {
          const doc = await payload.db.create({
            collection: 'profile-events',
            data: { ...folded, idempotencyKey: event.idempotencyKey, name: event.name ?? null, properties: event.properties ?? null, profile: ref(profile.id), applied: transactional },
            req,
          })
          stored.push(doc.id as number | string)
        }
        // What other systems hear of, in the same unit (without a transaction: before the events count as applied, so the repair writes what a crash cut short).
        await emitChanges(
          payload,
          accepted.flatMap(({ event, folded, profile }) => changesOfEvent({ ...folded, idempotencyKey: event.idempotencyKey, name: event.name, properties: event.properties }, profile, lists)),
          { req },
        )
        for (const profile of changed) await storeProfile(payload, profile, req)
        if (!transactional) await markApplied(payload, stored, req)
        return changed
      })
      forget(payload, ...profiles)
    })
    changesCommitted(payload)
  } catch (error) {
    // Without a transaction, what was stored before the failure is repaired before the next batch.
    replayNeeded(payload)
    // Two copies of one batch, or of one new person, raced: count again (the other's events are duplicates now).
    if (isRaceLost(error) && attempt < 3) return recordEvents(payload, events, source, purposes, attempt + 1)
    throw error
  }
  return outcomes
}

/** What is stored of an accepted event, and folded into its profile. */
function foldedOf(event: IncomingEvent, source: string, receivedAt: string): FoldedEvent {
  return {
    type: event.type,
    category: event.category ?? null,
    traits: event.traits ?? null,
    consents: event.consents ?? null,
    properties: event.properties ?? null,
    source,
    occurredAt: event.occurredAt ? new Date(event.occurredAt).toISOString() : receivedAt,
    receivedAt,
  }
}

export const newIdempotencyKey = () => randomUUID()
