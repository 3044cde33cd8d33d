/**
 * Recent consent changes per mailing list, for the CX dashboard: opt-ins and
 * unsubscribes in a window (every change, from the banner, the preference
 * center, one-click unsubscribe or the events API, is a consent_change event),
 * and their rates against the list's size at the window's start.
 */
import type { Payload } from 'payload'

import { marketingLists } from './preferences'

export type ListConsentChanges = {
  list: string
  optIns: number
  unsubscribes: number
  /** Profiles on the list now. */
  subscribers: number
  /** Opt-ins and unsubscribes over the list's size when the window began (subscribers now − opt-ins + unsubscribes). */
  optInRate: number
  unsubscribeRate: number
}

/** Profiles read at most, to count subscribers (the dashboard is an overview, not an audit). */
const MAX_PROFILES = 50_000

export async function consentChangesByList(payload: Payload, { days = 30, now = new Date() }: { days?: number; now?: Date } = {}): Promise<{ since: string; lists: ListConsentChanges[] }> {
  const since = new Date(now.getTime() - days * 86_400_000).toISOString()
  const lists = (await marketingLists(payload)).map((purpose) => purpose.slug)
  const { docs: events } = await payload.find({
    collection: 'profile-events',
    where: { and: [{ type: { equals: 'consent_change' } }, { receivedAt: { greater_than_equal: since } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { consents: true },
  })
  const { docs: profiles } = await payload.find({ collection: 'profiles', limit: MAX_PROFILES, depth: 0, overrideAccess: true, select: { subscriptions: true } })
  return {
    since,
    lists: lists.map((list) => {
      let optIns = 0
      let unsubscribes = 0
      for (const event of events) {
        const granted = (event.consents as Record<string, unknown> | null | undefined)?.[list]
        if (granted === true) optIns++
        else if (granted === false) unsubscribes++
      }
      const subscribers = profiles.filter((profile) => (profile.subscriptions as Record<string, { status?: string }> | null | undefined)?.[list]?.status === 'subscribed').length
      const atStart = Math.max(subscribers - optIns + unsubscribes, 0)
      return { list, optIns, unsubscribes, subscribers, optInRate: atStart ? optIns / atStart : 0, unsubscribeRate: atStart ? unsubscribes / atStart : 0 }
    }),
  }
}
