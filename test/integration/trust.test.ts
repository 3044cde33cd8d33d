/**
 * Trust under shared caches, forwarded links and second thoughts, on real
 * databases: what a cacheable response says it varies on, what shapes an
 * ETag or a cached PNG, which token opens which door (and none a stronger
 * one), and the person's last choice of a list always winning.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findProfile, handleEventsRequest, handlePreferencesPost, handleUnsubscribePost, newIdempotencyKey, profileKey } from '../../delivery/customers'
import { handleRenderRequest } from '../../delivery/render'
import {
  CONSENT_COOKIE,
  PROFILE_COOKIE,
  readAnswerToken,
  readConsentCookie,
  readProfileCookie,
  readRecipientToken,
  readVisitToken,
  signAnswerToken,
  signConsentCookie,
  signProfileCookie,
  signRecipientToken,
  signVisitToken,
} from '../../delivery/trust'
import { databasesUnderTest, startDemo, type TestPayload } from './harness'

const KEY = 'tsk_integration_trust_key_0123456789abcdefghijk'
const BASE = 'http://localhost:3998'

type Rendered = { status: number; headers: Headers; text: string; json?: Record<string, unknown> & { blocks?: { variant: { label: string } }[] } }

for (const database of databasesUnderTest()) {
  describe.skipIf(Boolean(database.skipReason))(`trust on ${database.name}`, () => {
    let t: TestPayload
    let payload: Payload

    const render = async (path: string, init: { key?: string | null; headers?: Record<string, string> } = {}): Promise<Rendered> => {
      const headers = new Headers(init.headers)
      if (init.key) headers.set('authorization', `Bearer ${init.key}`)
      const response = await handleRenderRequest(payload, new Request(`${BASE}${path}`, { headers }), path.split('?')[0]!.split('/').pop()!)
      const text = response.status === 304 ? '' : response.headers.get('content-type')?.startsWith('image/') ? '' : await response.text()
      return { status: response.status, headers: response.headers, text, json: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined }
    }
    const events = (body: unknown[]) =>
      handleEventsRequest(payload, new Request(`${BASE}/api/events`, { method: 'POST', headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify({ events: body }) }))
    const vary = (rendered: Rendered) => (rendered.headers.get('vary') ?? '').split(/,\s*/).map((name) => name.toLowerCase())

    beforeAll(async () => {
      t = await startDemo(database, KEY)
      payload = t.payload
    })
    afterAll(async () => t?.close())

    describe('a response a shared cache may store', () => {
      it('varies on Authorization and Cookie, so that a keyed caller or a signed cookie is never served the public entry', async () => {
        const anonymous = await render('/api/render/home')
        expect(anonymous.headers.get('cache-control')).toMatch(/^public/)
        expect(vary(anonymous)).toEqual(expect.arrayContaining(['authorization', 'cookie']))
      })

      it('names every header its page can read, even ones this request did not carry', async () => {
        // The home page has a variant for paris-evening (city and daypart): a request without geo headers still varies on them.
        const home = await render('/api/render/home')
        expect(vary(home)).toEqual(expect.arrayContaining(['accept-language', 'x-vercel-ip-city', 'cf-ipcity', 'x-vercel-ip-timezone', 'cf-timezone']))
        const withGeo = await render('/api/render/home', { headers: { 'x-vercel-ip-city': 'Paris', 'x-vercel-ip-timezone': 'Europe/Paris' } })
        expect(vary(withGeo)).toEqual(vary(home))
      })

      it('is private as soon as it carries a token filled from the visitor’s own data', async () => {
        const cookie = `${CONSENT_COOKIE}=${await signConsentCookie({ purposes: ['personalization'], at: new Date().toISOString() })}; ${PROFILE_COOKIE}=${await signProfileCookie({ traits: { firstName: 'Zoé' } })}`
        const newsletter = await render('/api/render/newsletter?channel=web', { headers: { cookie } })
        expect(newsletter.status).toBe(200)
        expect(newsletter.headers.get('cache-control')).toMatch(/^private/)
      })
    })

    describe('ETags and cached PNGs', () => {
      it('differ when the filled-in tokens differ, so a 304 made for one person is not another’s', async () => {
        const ada = await render('/api/render/newsletter?trait.firstName=Ada&format=html', { key: KEY })
        const zoe = await render('/api/render/newsletter?trait.firstName=Zo%C3%A9&format=html', { key: KEY, headers: { 'if-none-match': ada.headers.get('etag')! } })
        expect(ada.text).toContain('Ada')
        expect(zoe.status).toBe(200)
        expect(zoe.text).toContain('Zoé')
        expect(zoe.headers.get('etag')).not.toBe(ada.headers.get('etag'))
      })

      it('of a screen PNG, depend on what is drawn: tokens, size and slide, not refresh or slide timing', async () => {
        const png = (query: string) => render(`/api/render/store-screen?format=png&store=lyon-bellecour&width=640&height=360&${query}`, { key: KEY })
        const first = await png('slide=1&refresh=30')
        expect(first.status).toBe(200)
        expect((await png('slide=1&refresh=60&slideSeconds=20')).headers.get('etag')).toBe(first.headers.get('etag'))
        // Slides wrap around: the slide after the last is the first again, one image, one cache entry.
        const tags: string[] = []
        for (let slide = 0; slide < 8; slide++) tags.push((await png(`slide=${slide}`)).headers.get('etag')!)
        const period = tags.indexOf(tags[0]!, 1)
        expect(period).toBeGreaterThan(1)
        expect(tags[1]).toBe(first.headers.get('etag'))
        expect(tags[period + 1]).toBe(tags[1])
        expect((await png('slide=1&trait.firstName=Ada')).headers.get('etag')).not.toBe(first.headers.get('etag'))
      })
    })

    describe('token kinds', () => {
      const customer = 'crm-forwarded'
      let visitToken: string
      let recipientToken: string
      let profileCookie: string
      let consentCookie: string
      let answerToken: string

      beforeAll(async () => {
        await events([
          { idempotencyKey: newIdempotencyKey(), type: 'consent_change', customer, consents: { personalization: true, newsletter: true } },
          { idempotencyKey: newIdempotencyKey(), type: 'trait_update', customer, traits: { firstName: 'Hélène', loyaltyTier: 'gold' } },
        ])
        visitToken = await signVisitToken({ customer })
        recipientToken = await signRecipientToken({ customer, list: 'newsletter' })
        profileCookie = await signProfileCookie({ visitor: 'v-forwarded' })
        consentCookie = await signConsentCookie({ purposes: ['personalization'], at: new Date().toISOString() })
        answerToken = await signAnswerToken({ customer, questions: ['1'], page: 'newsletter', locale: 'en' })
      })

      it('a visit link personalizes the site for its recipient', async () => {
        const site = await render(`/api/render/home?tessera=${visitToken}`)
        expect(site.json!.blocks![0]!.variant.label).toBe('Gold members')
        expect(site.headers.get('cache-control')).toMatch(/^private/)
      })

      it('a forwarded visit link opens no one’s email: no recipient, no fresh unsubscribe or preference token', async () => {
        const email = await render(`/api/render/newsletter?channel=email&tessera=${visitToken}`)
        expect(email.status).toBe(200)
        expect(email.text).not.toContain('Hélène')
        expect(email.text).not.toMatch(/unsubscribe\?token=|preferences\?token=/)
        expect(email.json!.ignored).toContain('tessera')
        const screen = await render(`/api/render/store-screen?tessera=${visitToken}`)
        expect(screen.json!.ignored).toContain('tessera')
      })

      it('a visitor’s own cookie does not render an email for them either; only an API key gets recipient tokens', async () => {
        const email = await render('/api/render/newsletter?channel=email', { headers: { cookie: `${CONSENT_COOKIE}=${consentCookie}; ${PROFILE_COOKIE}=${profileCookie}` } })
        expect(email.text).not.toMatch(/unsubscribe\?token=|preferences\?token=/)
        const keyed = await render(`/api/render/newsletter?channel=email&customer=${customer}`, { key: KEY })
        expect(keyed.text).toMatch(/unsubscribe\?token=/)
        expect(keyed.text).toContain('Hélène')
      })

      it('each kind is refused wherever another kind is expected', async () => {
        const kinds = { visit: () => visitToken, recipient: () => recipientToken, profile: () => profileCookie, consent: () => consentCookie, answer: () => answerToken }
        const readers = { visit: readVisitToken, recipient: readRecipientToken, profile: readProfileCookie, consent: readConsentCookie, answer: readAnswerToken }
        for (const [reader, read] of Object.entries(readers)) {
          for (const [kind, token] of Object.entries(kinds)) {
            const claims = await read(token())
            if (kind === reader) expect(claims, `${kind} read as ${reader}`).toBeDefined()
            else expect(claims, `${kind} read as ${reader}`).toBeUndefined()
          }
        }
      })

      it('no weaker token works at the endpoints that change a person’s lists', async () => {
        for (const token of [visitToken, profileCookie, consentCookie, answerToken]) {
          const oneClick = await handleUnsubscribePost(
            payload,
            new Request(`${BASE}/api/unsubscribe?token=${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }),
          )
          expect(oneClick.status).toBe(403)
          const form = new URLSearchParams({ token, list: 'newsletter', action: 'unsubscribe' })
          const center = await handlePreferencesPost(payload, new Request(`${BASE}/api/preferences`, { method: 'POST', headers: { origin: BASE, 'content-type': 'application/x-www-form-urlencoded' }, body: form }))
          expect(center.status).toBe(403)
        }
        expect((await findProfile(payload, profileKey.customer(customer)))!.subscriptions.newsletter?.status).toBe('subscribed')
        // And a recipient token is no visit link: it does not identify anyone on the site.
        const site = await render(`/api/render/home?tessera=${recipientToken}`)
        expect(site.json!.blocks![0]!.variant.label).not.toBe('Gold members')
      })
    })

    describe('bodies', () => {
      it('of the preference center and one-click posts are read only up to a small bound (413 beyond), changing nothing', async () => {
        const token = await signRecipientToken({ customer: 'crm-bounded', list: 'newsletter' })
        const padding = 'x'.repeat(20_000)
        const center = await handlePreferencesPost(
          payload,
          new Request(`${BASE}/api/preferences`, { method: 'POST', headers: { origin: BASE, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, list: 'newsletter', action: 'unsubscribe', padding }) }),
        )
        expect(center.status).toBe(413)
        const oneClick = await handleUnsubscribePost(
          payload,
          new Request(`${BASE}/api/unsubscribe?token=${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `List-Unsubscribe=One-Click&padding=${padding}` }),
        )
        expect(oneClick.status).toBe(413)
        expect(await findProfile(payload, profileKey.customer('crm-bounded'))).toBeUndefined()
      })
    })

    describe('list choices', () => {
      const customer = 'crm-changes-mind'
      const status = async () => (await findProfile(payload, profileKey.customer(customer)))?.subscriptions.newsletter?.status
      const countEvents = async () => {
        const profile = (await findProfile(payload, profileKey.customer(customer)))!
        return (await payload.count({ collection: 'profile-events', where: { profile: { equals: profile.id } } })).totalDocs
      }
      const choose = async (token: string, action: 'subscribe' | 'unsubscribe', choice: string) =>
        handlePreferencesPost(
          payload,
          new Request(`${BASE}/api/preferences`, {
            method: 'POST',
            headers: { origin: BASE, 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ token, list: 'newsletter', action, choice }),
          }),
        )

      it('the last choice wins: unsubscribe, resubscribe, unsubscribe from the same email', async () => {
        await events([{ idempotencyKey: newIdempotencyKey(), type: 'consent_change', customer, consents: { newsletter: true } }])
        const token = await signRecipientToken({ customer, list: 'newsletter' })
        expect((await choose(token, 'unsubscribe', 'choice-one-0001')).status).toBe(303)
        expect(await status()).toBe('unsubscribed')
        expect((await choose(token, 'subscribe', 'choice-two-0002')).status).toBe(303)
        expect(await status()).toBe('subscribed')
        expect((await choose(token, 'unsubscribe', 'choice-three-03')).status).toBe(303)
        expect(await status()).toBe('unsubscribed')
        expect((await render(`/api/render/newsletter?customer=${customer}`, { key: KEY })).status).toBe(409)
      })

      it('a retried post of one choice counts once, and a later one-click after resubscribing counts', async () => {
        const token = await signRecipientToken({ customer, list: 'newsletter' })
        expect((await choose(token, 'subscribe', 'choice-four-004')).status).toBe(303)
        const before = await countEvents()
        expect((await choose(token, 'subscribe', 'choice-four-004')).status).toBe(303)
        expect(await countEvents()).toBe(before)
        const oneClick = () =>
          handleUnsubscribePost(
            payload,
            new Request(`${BASE}/api/unsubscribe?token=${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }),
          )
        expect((await oneClick()).status).toBe(200)
        expect(await status()).toBe('unsubscribed')
        expect(await countEvents()).toBe(before + 1)
      })
    })
  })
}
