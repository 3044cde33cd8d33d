/**
 * Knowing the customer, on real databases: events (idempotent, durable,
 * consent-gated, stored as one unit with their profile changes, ordered by
 * the server's clock where the caller's could outrank it), shared profiles
 * (merge, erasure, rebuild from events), mailing lists (preference center and
 * one-click, one list at a time) and the same decisions for the same person on
 * the website and in email.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  ensureProfile,
  eraseProfile,
  exportProfile,
  findProfile,
  handleConsentPost,
  handleEventsRequest,
  handlePreferencesPost,
  handleUnsubscribePost,
  newIdempotencyKey,
  profileById,
  profileFromEvents,
  profileKey,
  rebuildProfile,
} from '../../delivery/customers'
import { CONSENT_COOKIE, PROFILE_COOKIE, signConsentCookie, signProfileCookie, signRecipientToken } from '../../delivery/trust'
import { handleRenderBatch, handleRenderRequest } from '../../delivery/render'
import { databasesUnderTest, startDemo, type TestPayload } from './harness'

const KEY = 'tsk_integration_customers_key_0123456789abcdefg'
const BASE = 'http://localhost:3999'

type Outcome = { accepted: number; duplicates: number; rejected: number; results: { status: string; code?: string }[] }

for (const database of databasesUnderTest()) {
  describe.skipIf(Boolean(database.skipReason))(`customers on ${database.name}`, () => {
    let t: TestPayload
    let payload: Payload

    const postEvents = async (events: unknown[], init: { key?: string | null; cookie?: string; origin?: string } = {}) => {
      const headers = new Headers({ 'content-type': 'application/json' })
      const key = init.key === undefined ? KEY : init.key
      if (key) headers.set('authorization', `Bearer ${key}`)
      if (init.cookie) headers.set('cookie', init.cookie)
      if (init.origin) headers.set('origin', init.origin)
      const response = await handleEventsRequest(payload, new Request(`${BASE}/api/events`, { method: 'POST', headers, body: JSON.stringify({ events }) }))
      return { status: response.status, body: (await response.json()) as Outcome & { error?: { code: string } } }
    }
    const siteCookies = async (visitor: string, purposes: string[]) =>
      `${CONSENT_COOKIE}=${await signConsentCookie({ purposes, at: new Date().toISOString() })}; ${PROFILE_COOKIE}=${await signProfileCookie({ visitor })}`
    const render = async (path: string, init: { key?: string | null; cookie?: string } = {}) => {
      const headers = new Headers()
      if (init.key !== null) headers.set('authorization', `Bearer ${init.key ?? KEY}`)
      if (init.cookie) headers.set('cookie', init.cookie)
      const response = await handleRenderRequest(payload, new Request(`${BASE}${path}`, { headers }), path.split('?')[0]!.split('/').pop()!)
      return { status: response.status, json: response.headers.get('content-type')?.includes('json') ? await response.json() : undefined }
    }
    const countEvents = async (profileId: string) => (await payload.count({ collection: 'profile-events', where: { profile: { equals: profileId } } })).totalDocs
    const consentEvent = (customer: string, consents: Record<string, boolean>, occurredAt?: string) => ({ idempotencyKey: newIdempotencyKey(), type: 'consent_change', customer, consents, ...(occurredAt ? { occurredAt } : {}) })
    const event = (type: string, customer: string, fields: Record<string, unknown> = {}) => ({ idempotencyKey: newIdempotencyKey(), type, customer, ...fields })
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString()
    const minutesAhead = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()
    const storedProfile = async (customer: string) => (await profileById(payload, (await findProfile(payload, profileKey.customer(customer)))!.id))!

    beforeAll(async () => {
      t = await startDemo(database, KEY)
      payload = t.payload
    })
    afterAll(async () => t?.close())

    describe('events', () => {
      it('stores 1,000 events of one batch, durably, and counts a retried batch once', async () => {
        const events = [
          consentEvent('crm-1000', { analytics: true, personalization: true }),
          ...Array.from({ length: 999 }, (_, index) => ({ idempotencyKey: `batch-1000-${index}`, type: 'page_view', category: 'candles', customer: 'crm-1000' })),
        ]
        const first = await postEvents(events)
        expect(first.status).toBe(200)
        expect(first.body.accepted).toBe(1000)
        const profile = (await findProfile(payload, profileKey.customer('crm-1000')))!
        expect(await countEvents(profile.id)).toBe(1000)

        const retry = await postEvents(events)
        expect(retry.body).toMatchObject({ accepted: 0, duplicates: 1000, rejected: 0 })
        expect(await countEvents(profile.id)).toBe(1000)
        const after = (await exportProfile(payload, profile.id))!
        expect(after.profile.eventCount).toBe(1000)
        expect(Object.values(after.profile.behaviour['page_view:candles']!).reduce((a, b) => a + b, 0)).toBe(999)
      }, 120_000)

      it('refuses a batch over 1,000 events and names invalid fields', async () => {
        const tooMany = Array.from({ length: 1001 }, (_, index) => ({ idempotencyKey: `too-many-${index}`, type: 'click', customer: 'x' }))
        expect((await postEvents(tooMany)).status).toBe(413)
        const invalid = await postEvents([{ idempotencyKey: 'short', type: 'teleport' }])
        expect(invalid.status).toBe(400)
        expect((invalid.body as unknown as { error: { issues: { path: string }[] } }).error.issues.map((issue) => issue.path).sort()).toEqual(['events.0.idempotencyKey', 'events.0.type'])
      })

      it('does not store events of a purpose the person has not consented to', async () => {
        const outcome = await postEvents([{ idempotencyKey: newIdempotencyKey(), type: 'page_view', customer: 'crm-no-consent' }])
        expect(outcome.body).toMatchObject({ accepted: 0, rejected: 1 })
        expect(outcome.body.results[0]!.code).toBe('no_consent')
        const profile = (await findProfile(payload, profileKey.customer('crm-no-consent')))!
        expect(await countEvents(profile.id)).toBe(0)
      })

      it('take the website’s own events only with its signed cookies, from its own origin, and only what a visitor may state', async () => {
        const event = { idempotencyKey: newIdempotencyKey(), type: 'page_view', category: 'home' }
        expect((await postEvents([event], { key: null, origin: BASE })).status).toBe(403)
        const cookie = await siteCookies('visitor-site', ['necessary', 'analytics', 'personalization'])
        expect((await postEvents([event], { key: null, cookie, origin: 'https://evil.example' })).status).toBe(403)
        const accepted = await postEvents([event], { key: null, cookie, origin: BASE })
        expect(accepted.body.accepted).toBe(1)
        const claim = await postEvents([{ idempotencyKey: newIdempotencyKey(), type: 'form_answer', traits: { loyaltyTier: 'gold' } }], { key: null, cookie, origin: BASE })
        expect(claim.body.results[0]).toMatchObject({ status: 'rejected', code: 'trait_not_allowed' })
      })
    })

    describe('events and their profiles', () => {
      it('keep each profile equal to the rebuild from its events, through mixed batches, retries and a merge', async () => {
        const customer = 'crm-fold'
        const visitor = 'visitor-fold'
        const first = [
          consentEvent(customer, { analytics: true, personalization: true, newsletter: true }),
          event('page_view', customer, { category: 'candles', occurredAt: daysAgo(3) }),
          event('trait_update', customer, { traits: { loyaltyTier: 'silver', firstName: 'Ada' }, occurredAt: daysAgo(2) }),
          // An older word on a trait does not replace a newer one.
          event('trait_update', customer, { traits: { loyaltyTier: 'bronze' }, occurredAt: daysAgo(10) }),
          // Counted, but older than the behaviour window.
          event('click', customer, { category: 'candles', occurredAt: daysAgo(120) }),
        ]
        expect((await postEvents(first)).body.accepted).toBe(5)
        expect((await postEvents(first)).body.duplicates).toBe(5)
        const cookie = await siteCookies(visitor, ['necessary', 'analytics', 'personalization'])
        const fromSite = [
          { idempotencyKey: newIdempotencyKey(), type: 'page_view', category: 'home' },
          { idempotencyKey: newIdempotencyKey(), type: 'form_answer', traits: { interests: ['candles'], firstName: 'Addie' }, occurredAt: daysAgo(1) },
        ]
        expect((await postEvents(fromSite, { key: null, cookie, origin: BASE })).body.accepted).toBe(2)
        const withdrawal = await postEvents([consentEvent(customer, { analytics: false, newsletter: false }), event('page_view', customer)])
        expect(withdrawal.body.results.map((result) => result.status)).toEqual(['accepted', 'rejected'])
        await ensureProfile(payload, { visitor, customer })
        expect((await postEvents([consentEvent(customer, { analytics: true }), event('conversion', customer, { name: 'order' })])).body.accepted).toBe(2)

        const stored = await storedProfile(customer)
        expect(stored).toEqual(await profileFromEvents(payload, stored.id))
        expect(stored.keys.sort()).toEqual([profileKey.customer(customer), profileKey.visitor(visitor)])
        expect(stored.eventCount).toBe(10)
        expect(await countEvents(stored.id)).toBe(10)
        expect(stored.traits.loyaltyTier).toMatchObject({ value: 'silver', source: 'api:Demo render and events key' })
        expect(stored.traits.firstName).toMatchObject({ value: 'Addie', source: 'site' })
        expect(stored.consents.analytics?.granted).toBe(true)
        expect(stored.subscriptions.newsletter?.status).toBe('unsubscribed')
        expect(stored.behaviour['page_view:candles']).toEqual({ [daysAgo(3).slice(0, 10)]: 1 })
        expect(stored.behaviour.click).toBeUndefined()
        // A rebuild of a sound profile changes nothing.
        expect((await rebuildProfile(payload, stored.id))!.profile).toEqual(stored)
      })

      it('are rebuilt from the events when a profile’s aggregates were damaged', async () => {
        const customer = 'crm-damaged'
        await postEvents([
          consentEvent(customer, { analytics: true, personalization: true }),
          event('page_view', customer, { category: 'candles' }),
          event('page_view', customer, { category: 'candles' }),
          event('trait_update', customer, { traits: { loyaltyTier: 'gold' } }),
        ])
        const sound = await storedProfile(customer)
        await payload.update({ collection: 'profiles', id: sound.id, data: { eventCount: 0, traits: {}, consents: {}, behaviour: {} } })
        expect((await storedProfile(customer)).eventCount).toBe(0)

        expect(await rebuildProfile(payload, sound.id)).toMatchObject({ events: 4 })
        expect(await storedProfile(customer)).toEqual(sound)
      })

      it.skipIf(database.name === 'mongodb')('leave nothing acknowledged out of a profile when a write fails halfway through a batch', async () => {
        const customer = 'crm-halfway'
        // The database itself refuses to store this profile (after its events were written), until the trigger is dropped.
        const sql = (raw: string) => (payload.db as unknown as { execute: (args: { drizzle: unknown; raw: string }) => Promise<unknown>; drizzle: unknown }).execute({ drizzle: payload.db.drizzle, raw })
        const failProfileWrites =
          database.name === 'sqlite'
            ? [`CREATE TRIGGER fail_profile_write BEFORE UPDATE ON profiles WHEN NEW.customer_id = '${customer}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`]
            : [
                `CREATE FUNCTION fail_profile_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`,
                `CREATE TRIGGER fail_profile_write BEFORE UPDATE ON profiles FOR EACH ROW WHEN (NEW.customer_id = '${customer}') EXECUTE FUNCTION fail_profile_write()`,
              ]
        const batch = [consentEvent(customer, { analytics: true }), event('page_view', customer, { category: 'candles' }), event('click', customer, { category: 'candles' })]
        for (const statement of failProfileWrites) await sql(statement)
        try {
          const failure = await postEvents(batch).then(
            () => 'no failure',
            (error: Error) => `${error.message} ${String(error.cause)}`,
          )
          expect(failure).toMatch(/injected failure/)
        } finally {
          await sql(database.name === 'sqlite' ? 'DROP TRIGGER fail_profile_write' : 'DROP TRIGGER fail_profile_write ON profiles; DROP FUNCTION fail_profile_write()')
        }

        // The caller heard no answer and sends the batch again.
        const retry = await postEvents(batch)
        expect(retry.status).toBe(200)
        expect(retry.body.results.every((result) => result.status === 'accepted' || result.status === 'duplicate')).toBe(true)
        const profile = await storedProfile(customer)
        expect(await countEvents(profile.id)).toBe(3)
        expect(profile.eventCount).toBe(3)
        expect(profile.behaviour['page_view:candles']).toBeDefined()
        expect(profile).toEqual(await profileFromEvents(payload, profile.id))
      })
    })

    describe('timestamps', () => {
      it('refuse an occurredAt more than 5 minutes ahead of the server’s clock, naming the event', async () => {
        const customer = 'crm-future'
        const refused = await postEvents([consentEvent(customer, { analytics: true }), event('page_view', customer, { occurredAt: minutesAhead(10) })])
        expect(refused.status).toBe(400)
        expect(refused.body.error?.code).toBe('invalid_events')
        expect((refused.body as unknown as { error: { issues: { path: string }[] } }).error.issues.map((issue) => issue.path)).toEqual(['events.1.occurredAt'])
        expect(await findProfile(payload, profileKey.customer(customer))).toBeUndefined()

        // A clock a little ahead is within the allowance.
        expect((await postEvents([consentEvent(customer, { analytics: true }), event('page_view', customer, { occurredAt: minutesAhead(4) })])).body.accepted).toBe(2)
      })

      it('order consent changes and list subscriptions by when the server received them, not by the caller’s occurredAt', async () => {
        const customer = 'crm-clock'
        // A grant dated ahead, then a withdrawal: the withdrawal came later, and wins.
        await postEvents([consentEvent(customer, { personalization: true, newsletter: true }, minutesAhead(4))])
        await postEvents([consentEvent(customer, { personalization: false, newsletter: false })])
        // A grant now, then a withdrawal the caller dates long ago: it still came later.
        await postEvents([consentEvent(customer, { analytics: true, 'atelier-club': true })])
        await postEvents([consentEvent(customer, { analytics: false, 'atelier-club': false }, '2020-01-01T00:00:00Z')])

        const profile = await storedProfile(customer)
        expect(profile.consents.personalization?.granted).toBe(false)
        expect(profile.consents.analytics?.granted).toBe(false)
        expect(profile.subscriptions.newsletter?.status).toBe('unsubscribed')
        expect(profile.subscriptions['atelier-club']?.status).toBe('unsubscribed')
        const gated = await postEvents([event('page_view', customer)])
        expect(gated.body.results[0]).toMatchObject({ status: 'rejected', code: 'no_consent' })
        expect(profile).toEqual(await profileFromEvents(payload, profile.id))
      })
    })

    describe('consent', () => {
      it('stores nothing until a choice, no visitor id after a refusal, and records withdrawals', async () => {
        const before = (await payload.count({ collection: 'profiles' })).totalDocs
        const refuse = await handleConsentPost(
          payload,
          new Request(`${BASE}/api/consent`, { method: 'POST', headers: { origin: BASE, 'content-type': 'application/json' }, body: JSON.stringify({ purposes: [] }) }),
        )
        expect(refuse.status).toBe(200)
        const cookies = refuse.headers.getSetCookie()
        expect(cookies.some((cookie) => cookie.startsWith(`${CONSENT_COOKIE}=`))).toBe(true)
        expect(cookies.find((cookie) => cookie.startsWith(`${PROFILE_COOKIE}=`))).toMatch(/Max-Age=0/)
        expect((await payload.count({ collection: 'profiles' })).totalDocs).toBe(before)

        const accept = await handleConsentPost(
          payload,
          new Request(`${BASE}/api/consent`, { method: 'POST', headers: { origin: BASE, 'content-type': 'application/json' }, body: JSON.stringify({ purposes: ['personalization', 'analytics'] }) }),
        )
        const visitorCookie = accept.headers.getSetCookie().find((cookie) => cookie.startsWith(`${PROFILE_COOKIE}=`))!
        expect(visitorCookie).toMatch(/HttpOnly/)
        expect(visitorCookie).toMatch(/SameSite=Lax/)
        expect((await payload.count({ collection: 'profiles' })).totalDocs).toBe(before + 1)
      })
    })

    describe('profiles', () => {
      it('merge a website visitor into a customer and keep both sides’ traits, newest value winning', async () => {
        const cookie = await siteCookies('visitor-merge', ['necessary', 'personalization', 'analytics'])
        await postEvents([{ idempotencyKey: newIdempotencyKey(), type: 'form_answer', traits: { interests: ['candles'], firstName: 'Old' }, occurredAt: '2026-11-01T00:00:00Z' }], { key: null, cookie, origin: BASE })
        await postEvents([
          consentEvent('crm-merge', { personalization: true }),
          { idempotencyKey: newIdempotencyKey(), type: 'trait_update', customer: 'crm-merge', traits: { loyaltyTier: 'gold', firstName: 'Ada' }, occurredAt: '2026-11-20T00:00:00Z' },
        ])
        const visitorProfile = (await findProfile(payload, profileKey.visitor('visitor-merge')))!
        const merged = await ensureProfile(payload, { visitor: 'visitor-merge', customer: 'crm-merge' })
        expect(merged.traits.interests?.value).toEqual(['candles'])
        expect(merged.traits.loyaltyTier?.value).toBe('gold')
        expect(merged.traits.firstName?.value).toBe('Ada')
        expect(merged.keys.sort()).toEqual(['c:crm-merge', 'v:visitor-merge'])
        // The visitor's events follow them.
        expect(await countEvents(merged.id)).toBeGreaterThanOrEqual(3)
        expect(visitorProfile.id === merged.id || (await countEvents(visitorProfile.id)) === 0).toBe(true)
      })

      it('are erased entirely, with their events', async () => {
        await postEvents([consentEvent('crm-erase', { analytics: true }), { idempotencyKey: newIdempotencyKey(), type: 'click', customer: 'crm-erase' }])
        const profile = (await findProfile(payload, profileKey.customer('crm-erase')))!
        expect(await countEvents(profile.id)).toBe(2)
        expect(await eraseProfile(payload, profile.id)).toBe(true)
        expect(await countEvents(profile.id)).toBe(0)
        expect(await payload.findByID({ collection: 'profiles', id: profile.id, disableErrors: true })).toBeNull()
        expect(await findProfile(payload, profileKey.customer('crm-erase'))).toBeUndefined()
      })
    })

    describe('mailing lists', () => {
      const customer = 'crm-lists'
      const listStatus = async () => (await findProfile(payload, profileKey.customer(customer)))!.subscriptions

      it('are left one at a time, by one-click POST and by the preference center; forged tokens change nothing', async () => {
        await postEvents([consentEvent(customer, { newsletter: true, 'atelier-club': true })])
        expect(Object.fromEntries(Object.entries(await listStatus()).map(([list, record]) => [list, record.status]))).toEqual({ newsletter: 'subscribed', 'atelier-club': 'subscribed' })

        const token = await signRecipientToken({ customer, list: 'newsletter' })
        const oneClick = () =>
          handleUnsubscribePost(
            payload,
            new Request(`${BASE}/api/unsubscribe?token=${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }),
          )
        expect((await oneClick()).status).toBe(200)
        expect((await listStatus()).newsletter?.status).toBe('unsubscribed')
        expect((await listStatus())['atelier-club']?.status).toBe('subscribed')
        const events = await countEvents((await findProfile(payload, profileKey.customer(customer)))!.id)
        expect((await oneClick()).status).toBe(200)
        expect(await countEvents((await findProfile(payload, profileKey.customer(customer)))!.id)).toBe(events)

        const forged = token.slice(0, -3) + (token.endsWith('abc') ? 'xyz' : 'abc')
        const rejected = await handleUnsubscribePost(
          payload,
          new Request(`${BASE}/api/unsubscribe?token=${forged}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
        )
        expect(rejected.status).toBe(403)

        const clubToken = await signRecipientToken({ customer, list: 'newsletter' })
        const form = new URLSearchParams({ token: clubToken, list: 'atelier-club', action: 'unsubscribe' })
        const viaCenter = await handlePreferencesPost(
          payload,
          new Request(`${BASE}/api/preferences`, { method: 'POST', headers: { origin: BASE, 'content-type': 'application/x-www-form-urlencoded' }, body: form }),
        )
        expect(viaCenter.status).toBe(303)
        expect((await listStatus())['atelier-club']?.status).toBe('unsubscribed')
        const forgedForm = new URLSearchParams({ token: forged, list: 'newsletter', action: 'subscribe' })
        const forgedCenter = await handlePreferencesPost(
          payload,
          new Request(`${BASE}/api/preferences`, { method: 'POST', headers: { origin: BASE, 'content-type': 'application/x-www-form-urlencoded' }, body: forgedForm }),
        )
        expect(forgedCenter.status).toBe(403)
        expect((await listStatus()).newsletter?.status).toBe('unsubscribed')
      })

      it('stop marketing email to a recipient who left its list', async () => {
        const single = await render(`/api/render/newsletter?customer=${customer}`)
        expect(single.status).toBe(409)
        expect(single.json.error.code).toBe('recipient_unsubscribed')
        const response = await handleRenderBatch(
          payload,
          new Request(`${BASE}/api/render/newsletter/batch?channel=email`, {
            method: 'POST',
            headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
            body: JSON.stringify({ recipients: [{ customer }, { customer: 'crm-someone-else' }] }),
          }),
          'newsletter',
        )
        const { results } = (await response.json()) as { results: { ok: boolean; error?: { code: string } }[] }
        expect(results.map((result) => result.ok)).toEqual([false, true])
        expect(results[0]!.error?.code).toBe('recipient_unsubscribed')
      })
    })

    it('recognizes an email recipient on the pages its links open, by a signed token (no raw id)', async () => {
      await postEvents([
        consentEvent('crm-link', { personalization: true }),
        { idempotencyKey: newIdempotencyKey(), type: 'trait_update', customer: 'crm-link', traits: { loyaltyTier: 'gold' } },
      ])
      const email = await render('/api/render/newsletter?customer=crm-link')
      const link = /href="(http:\/\/localhost:3999\/collection\?tessera=[^"]+)"/.exec(email.json.html)?.[1]?.replace(/&amp;/g, '&')
      expect(link).toBeDefined()
      expect(link).not.toContain('crm-link')
      const token = new URL(link!).searchParams.get('tessera')!
      const visit = await render(`/api/render/home?tessera=${token}`, { key: null })
      expect(visit.json.blocks[0].variant.label).toBe('Gold members')
      expect(visit.json.personalized).toBe(true)
      const forged = await render(`/api/render/home?tessera=${token.slice(0, -4)}AAAA`, { key: null })
      expect(forged.json.blocks[0].variant.label).not.toBe('Gold members')
      // The text part carries the same links.
      expect(email.json.text).toMatch(/\/collection\?tessera=/)
    })

    it('gives a visitor identified on the website and the same customer in email the same segment decisions', async () => {
      const visitor = 'visitor-same-person'
      const cookie = await siteCookies(visitor, ['necessary', 'personalization', 'analytics'])
      // The banner records the choice on the profile (as POST /api/consent does).
      await postEvents([{ idempotencyKey: newIdempotencyKey(), type: 'consent_change', consents: { personalization: true, analytics: true } }], { key: null, cookie, origin: BASE })
      for (let view = 0; view < 2; view++) {
        await postEvents([{ idempotencyKey: newIdempotencyKey(), type: 'page_view', category: 'candles' }], { key: null, cookie, origin: BASE })
      }
      // The site's backend, after a login, tells Tessera who the visitor is.
      const { handleIdentify } = await import('../../delivery/customers')
      const identify = (body: unknown, key: string | null = KEY) =>
        handleIdentify(
          payload,
          new Request(`${BASE}/api/identify`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) }, body: JSON.stringify(body) }),
        )
      expect((await identify({ visitor, customer: 'crm-same-person' }, null)).status).toBe(401)
      expect((await identify({ visitor })).status).toBe(400)
      const linked = await identify({ visitor, customer: 'crm-same-person' })
      expect(linked.status).toBe(200)
      expect(((await linked.json()) as { keys: number }).keys).toBe(2)

      const web = await render('/api/render/home', { key: null, cookie })
      expect(web.json.blocks[0].variant.label).toBe('Candle-curious')
      expect(web.json.personalized).toBe(true)

      const emailHome = await render('/api/render/home?channel=email&customer=crm-same-person&debug=1')
      expect(emailHome.json.blocks[0].variant.label).toBe('Candle-curious')
      const newsletter = await render('/api/render/newsletter?customer=crm-same-person&debug=1')
      const members = (trace: { segments: { slug: string; member: boolean }[] }) => trace.segments.filter((segment) => segment.member).map((segment) => segment.slug)
      const webTrace = await render(`/api/render/home?visitor=${visitor}&debug=1`)
      expect(members(newsletter.json.trace)).toEqual(members(webTrace.json.trace))
      expect(members(newsletter.json.trace)).toContain('candle-curious')
    })
  })
}
