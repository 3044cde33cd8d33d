/**
 * Mailing-list choices from an email's signed link: the preference center
 * (one list at a time, leaving the others as they are) and RFC 8058 one-click
 * unsubscribe. Every change is recorded as a consent_change event on the
 * recipient's profile, with its source and time.
 */
import { createHash } from 'node:crypto'

import type { Payload } from 'payload'

import type { ConsentPurpose } from '../../engine'
import { liveManifest } from '../snapshot'
import type { RecipientClaims } from '../trust'
import { recordEvents } from './events'
import { ensureProfile } from './profileIdentity'
import { findProfile, profileKey, type Profile } from './profiles'

export type ListStatus = 'subscribed' | 'unsubscribed'

export type ListView = { slug: string; name: string; description: string; paid: boolean; status: ListStatus | 'unknown' }

export async function marketingLists(payload: Payload): Promise<ConsentPurpose[]> {
  const manifest = await liveManifest(payload)
  return (manifest?.purposes ?? []).filter((purpose) => purpose.kind === 'marketing')
}

export async function recipientProfile(payload: Payload, claims: RecipientClaims): Promise<Profile> {
  return ensureProfile(payload, { customer: claims.customer, visitor: claims.visitor, email: claims.email })
}

/** The recipient's profile if one exists; reading the preference page creates nothing. */
export async function knownRecipient(payload: Payload, claims: RecipientClaims): Promise<Profile | undefined> {
  const key = claims.customer ? profileKey.customer(claims.customer) : claims.visitor ? profileKey.visitor(claims.visitor) : claims.email ? profileKey.email(claims.email) : undefined
  return key ? findProfile(payload, key) : undefined
}

export function listViews(profile: Profile | undefined, lists: ConsentPurpose[], locale: 'en' | 'fr'): ListView[] {
  return lists.map((list) => ({
    slug: list.slug,
    name: list.name[locale] ?? list.name.en ?? list.slug,
    description: list.description[locale] ?? list.description.en ?? '',
    paid: list.paid,
    status: profile?.subscriptions[list.slug]?.status ?? 'unknown',
  }))
}

/**
 * Sets one list's status for the recipient of `token`; other lists are not
 * touched. A choice the profile already reflects changes and records nothing
 * (a mailbox provider retrying a one-click POST). Otherwise it is a new
 * event: its idempotency key names this very choice — `choice`, which the
 * preference page puts fresh in each form it shows, or the list state it was
 * made against — so a retry of the same post counts once, while a later
 * choice, even one equal to an earlier choice, always counts and wins.
 */
export async function setListStatus(
  payload: Payload,
  token: string,
  claims: RecipientClaims,
  list: string,
  status: ListStatus,
  source: 'preference-center' | 'one-click',
  choice?: string,
): Promise<Profile> {
  const lists = await marketingLists(payload)
  if (!lists.some((purpose) => purpose.slug === list)) throw new UnknownListError(list)
  const profile = await recipientProfile(payload, claims)
  const current = profile.subscriptions[list]
  if (current?.status === status) return profile
  const idempotencyKey = createHash('sha256')
    .update([token, list, status, source, choice ?? current?.at ?? 'never chosen'].join('\0'))
    .digest('hex')
  const manifest = await liveManifest(payload)
  await recordEvents(
    payload,
    [
      {
        idempotencyKey,
        type: 'consent_change',
        name: source,
        consents: { [list]: status === 'subscribed' },
        customer: claims.customer,
        visitor: claims.customer ? undefined : claims.visitor,
        email: claims.customer || claims.visitor ? undefined : claims.email,
      },
    ],
    { kind: 'api-key', name: source },
    manifest?.purposes ?? [],
  )
  return recipientProfile(payload, claims)
}

export class UnknownListError extends Error {
  constructor(readonly list: string) {
    super(`There is no mailing list “${list}”.`)
    this.name = 'UnknownListError'
  }
}
