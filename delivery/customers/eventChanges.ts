/**
 * What an accepted event tells other systems (delivery/sharing): the
 * behaviour event itself (opt-in downstream), and the consents, lists and
 * traits it states. Derived from the event as stored, so recording and the
 * repair after a crash derive the same messages with the same ids.
 *
 * Payloads carry only what the person's consents allow: an event is stored
 * only under its purpose's consent, and behaviour messages carry no contact
 * identifier (the profile and customer ids, never the email).
 */
import type { Change, Person } from '../sharing'
import type { FoldedEvent } from './profileFold'
import type { Profile } from './profiles'

export type SharedEvent = FoldedEvent & { idempotencyKey: string; name?: string | null; properties?: unknown }

export const personOf = (profile: Pick<Profile, 'id' | 'customerId' | 'email'>): Person => ({
  profile: profile.id,
  ...(profile.customerId ? { customerId: profile.customerId } : {}),
  ...(profile.email ? { email: profile.email } : {}),
})

export function changesOfEvent(event: SharedEvent, profile: Pick<Profile, 'id' | 'customerId' | 'email'>, lists: ReadonlySet<string>): Change[] {
  const person = personOf(profile)
  const key = profile.id
  const unique = [event.idempotencyKey]
  const { email: _email, ...pseudonymous } = person
  const changes: Change[] = [
    {
      type: `events.${event.type}`,
      key,
      unique,
      at: event.receivedAt,
      data: { person: pseudonymous, event: { type: event.type, name: event.name ?? undefined, category: event.category ?? undefined, occurredAt: event.occurredAt, source: event.source, properties: event.properties ?? undefined } },
    },
  ]
  const stated = Object.entries(event.consents ?? {})
  const consents = Object.fromEntries(stated.filter(([purpose]) => !lists.has(purpose)))
  const subscriptions = Object.fromEntries(stated.filter(([purpose]) => lists.has(purpose)).map(([list, granted]) => [list, granted ? 'subscribed' : 'unsubscribed']))
  if (Object.keys(consents).length > 0) changes.push({ type: 'consent.changed', key, unique, at: event.receivedAt, data: { person, consents, source: event.source, at: event.receivedAt } })
  if (Object.keys(subscriptions).length > 0) changes.push({ type: 'list.changed', key, unique, at: event.receivedAt, data: { person, lists: subscriptions, source: event.source, at: event.receivedAt } })
  if (event.traits && Object.keys(event.traits).length > 0) changes.push({ type: 'traits.changed', key, unique, at: event.receivedAt, data: { person, traits: event.traits, source: event.source, at: event.occurredAt } })
  const answer = surveyAnswerOf(event)
  if (answer) changes.push({ type: 'survey.answered', key, unique, at: event.receivedAt, data: { person: pseudonymous, ...answer, source: event.source, at: event.occurredAt } })
  return changes
}

/**
 * A survey's answer (NPS, CES, CSAT: a form_answer named `survey:<kind>`
 * with outcome answered): the score and the context at answer time, for the
 * CRM or the CX tool. Declines and skips are not answers.
 */
function surveyAnswerOf(event: SharedEvent): Record<string, unknown> | undefined {
  if (event.type !== 'form_answer' || !event.name?.startsWith('survey:')) return undefined
  const properties = (event.properties ?? {}) as Record<string, unknown>
  if (properties.outcome !== 'answered' || typeof properties.score !== 'number') return undefined
  const context = Object.fromEntries(['question', 'channel', 'store', 'page', 'locale', 'segments', 'arms', 'followUp'].flatMap((name) => (properties[name] === undefined ? [] : [[name, properties[name]]])))
  return { survey: event.name.slice('survey:'.length), score: properties.score, ...context }
}
