/**
 * From publish to render: Payload's Local API on a real database, the demo
 * content, the compiler, the stored snapshot, and the render handler called
 * with real Requests (the same function the route calls).
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { CONSENT_COOKIE, forgetApiKeys, PROFILE_COOKIE, signConsentCookie, signProfileCookie } from '../../delivery/trust'
import { bundleByHash, compileBlock, compileFromDatabase, compileNow, deliveryIdle, liveManifest, readBlockRows, storedBundle, type BlockDoc } from '../../delivery/snapshot'
import { handleRenderRequest } from '../../delivery/render'
import { databasesUnderTest, startDemo, type TestPayload } from './harness'

const API_KEY = 'tsk_integration_render_key_0123456789abcdefghij'
const BASE = 'http://tessera.test'

type Json = {
  page: { slug: string; channel: string; locale: string; title: string }
  snapshot: { version: string }
  personalized: boolean
  ignored: string[]
  blocks: { kind: string; block: string; variant: { id: string; label: string; default: boolean }; content: { headline?: string } }[]
  email?: { subject: string }
  trace?: { slots: { chosen: string; candidates: { variant: string; kept: boolean; reason: string }[] }[] }
  error?: { code: string; message: string; issues: { path: string; message: string }[] }
}

for (const database of databasesUnderTest()) {
  describe.skipIf(Boolean(database.skipReason))(`delivery on ${database.name}`, () => {
    let t: TestPayload
    let payload: Payload

    const render = async (path: string, init: RequestInit & { key?: string | null } = {}) => {
      const headers = new Headers(init.headers)
      const key = init.key === undefined ? API_KEY : init.key
      if (key) headers.set('authorization', `Bearer ${key}`)
      const response = await handleRenderRequest(payload, new Request(`${BASE}${path}`, { ...init, headers }), path.split('?')[0]!.split('/').pop()!)
      const text = await response.text()
      return { response, json: (text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined) as Json, text }
    }
    const heroLabel = (json: Json) => json.blocks[0]!.variant.label

    beforeAll(async () => {
      t = await startDemo(database, API_KEY)
      payload = t.payload
    })
    afterAll(async () => t?.close())

    it('compiles what is published into a stored, active, validated snapshot', async () => {
      const status = await payload.findGlobal({ slug: 'delivery-status' })
      expect(status.lastCompile?.status).toBe('ok')
      expect(status.activeVersion).toMatch(/^[0-9a-f]{24}$/)
      const manifest = await liveManifest(payload)
      expect(manifest?.version).toBe(status.activeVersion)
      expect(Object.keys(manifest!.pages).sort()).toEqual(['candles', 'home', 'newsletter', 'store-screen'])
      expect(manifest!.segments.map((segment) => segment.slug)).toEqual(['loyal-gold', 'detractors', 'paris-evening', 'candle-fans', 'candle-curious', 'lyon-store', 'weekend', 'first-visit', 'evening', 'morning', 'welcome-campaign'])
      expect(manifest!.segments.find((segment) => segment.slug === 'paris-evening')?.personal).toBe(false)

      // A node that reads a bundle back from the database (or an edge it serves) holds the very bytes the compiling node holds.
      for (const page of Object.values(manifest!.pages)) {
        const stored = (await payload.find({ collection: 'delivery-bundles', where: { hash: { equals: page.bundle } }, limit: 1 })).docs[0]!.bundle
        expect(JSON.stringify(storedBundle(stored))).toBe(JSON.stringify(await bundleByHash(payload, page.bundle)))
      }
      const { docs } = await payload.find({ collection: 'delivery-bundles', where: { page: { equals: 'home' } } })
      const bundle = docs.find((doc) => doc.hash === manifest!.pages.home!.bundle)!.bundle as { blocks: Record<string, object> }
      expect(Object.keys(bundle.blocks)).toHaveLength(11)
      // Editor-only data stays out: block names, statuses, secrets.
      expect(JSON.stringify(bundle)).not.toMatch(/Home hero|Newsletter greeting|_status|keyHash|password/)
    })

    it('compiles the same content to the same version', async () => {
      const before = (await liveManifest(payload))!.version
      const again = await compileFromDatabase(payload)
      expect(again.manifest.version).toBe(before)
      const result = await compileNow(payload, 'test')
      expect(result?.changed).toBe(false)
    })

    it('renders a different home hero for callers asserting first-visit and loyal-gold', async () => {
      const gold = await render('/api/render/home?segment=loyal-gold')
      const first = await render('/api/render/home?segment=first-visit')
      expect(gold.response.status).toBe(200)
      expect(heroLabel(gold.json)).toBe('Gold members')
      expect(heroLabel(first.json)).toBe('First visit')
      expect(gold.json.personalized).toBe(true)
      expect(gold.response.headers.get('cache-control')).toMatch(/^private/)
    })

    it('ignores visitor data stated by a public request, and says so', async () => {
      const { response, json } = await render('/api/render/home?segment=loyal-gold&trait.loyaltyTier=gold&at=2027-01-01T00:00:00Z&debug=1', { key: null })
      expect(response.status).toBe(200)
      expect(heroLabel(json)).not.toBe('Gold members')
      expect(json.ignored.sort()).toEqual(['at', 'debug', 'segment', 'trait.loyaltyTier'])
      expect(json.trace).toBeUndefined()
      expect(json.personalized).toBe(false)
      expect(response.headers.get('cache-control')).toMatch(/^public, .*s-maxage=\d+/)
      expect(response.headers.get('vary')).toContain('Cookie')
    })

    it('recognizes a public visitor only through cookies the server signed, with consent', async () => {
      const consent = await signConsentCookie({ purposes: ['personalization'], at: new Date().toISOString() })
      const profile = await signProfileCookie({ visitor: 'v-1', traits: { loyaltyTier: 'gold' } })
      const cookies = `${CONSENT_COOKIE}=${consent}; ${PROFILE_COOKIE}=${profile}`
      const signed = await render('/api/render/home', { key: null, headers: { cookie: cookies } })
      expect(heroLabel(signed.json)).toBe('Gold members')
      expect(signed.response.headers.get('cache-control')).toMatch(/^private/)

      const withoutConsent = await render('/api/render/home', { key: null, headers: { cookie: `${PROFILE_COOKIE}=${profile}` } })
      expect(heroLabel(withoutConsent.json)).not.toBe('Gold members')
      expect(withoutConsent.json.personalized).toBe(false)

      const forged = profile.slice(0, -4) + (profile.endsWith('AAAA') ? 'BBBB' : 'AAAA')
      const tampered = await render('/api/render/home', { key: null, headers: { cookie: `${CONSENT_COOKIE}=${consent}; ${PROFILE_COOKIE}=${forged}` } })
      expect(heroLabel(tampered.json)).not.toBe('Gold members')
    })

    it('decides from context alone: Paris in the evening, in Paris time', async () => {
      const evening = await render('/api/render/home?city=Paris&tz=Europe/Paris&at=2026-11-24T18:30:00%2B01:00', { key: API_KEY })
      expect(heroLabel(evening.json)).toBe('Paris tonight')
      const morning = await render('/api/render/home?city=Paris&tz=Europe/Paris&at=2026-11-24T09:30:00%2B01:00', { key: API_KEY })
      expect(heroLabel(morning.json)).not.toBe('Paris tonight')
    })

    it('never returns a variant meant for another channel', async () => {
      // A returning visitor (not first-visit), so that no audience variant competes.
      const screen = await render('/api/render/home?channel=screen&trait.visits=5&debug=1')
      expect(screen.json.page.channel).toBe('web')
      expect(heroLabel(screen.json)).toBe('Store screen')
      for (const slot of screen.json.trace!.slots) {
        const chosen = slot.candidates.find((candidate) => candidate.variant === slot.chosen)!
        expect(chosen.kept).toBe(true)
      }
      const emailOnly = screen.json.trace!.slots[0]!.candidates.find((candidate) => candidate.variant !== 'default' && /email only/.test(candidate.reason))
      expect(emailOnly?.kept).toBe(false)
    })

    it('serves French with English where French is missing', async () => {
      const { json } = await render('/api/render/home?locale=fr&segment=loyal-gold')
      expect(json.page.locale).toBe('fr')
      expect(json.page.title).toBe('Maison Lumen : bougies, linge et céramiques')
      expect(json.blocks[0]!.content.headline).toBe('Bon retour : votre vente privée est ouverte')
    })

    it('answers If-None-Match with 304 while the decision and snapshot are unchanged', async () => {
      const first = await render('/api/render/home?segment=loyal-gold')
      const etag = first.response.headers.get('etag')!
      expect(etag).toMatch(/^"[0-9a-f]{12}-/)
      const again = await render('/api/render/home?segment=loyal-gold', { headers: { 'if-none-match': etag } })
      expect(again.response.status).toBe(304)
      const other = await render('/api/render/home?segment=first-visit', { headers: { 'if-none-match': etag } })
      expect(other.response.status).toBe(200)
    })

    it('refuses bad requests with clear errors', async () => {
      const invalid = await render('/api/render/home?channel=fax&locale=de')
      expect(invalid.response.status).toBe(400)
      expect(invalid.json.error?.code).toBe('invalid_context')
      expect(invalid.json.error?.issues.map((issue) => issue.path).sort()).toEqual(['channel', 'locale'])

      const badBody = await render('/api/render/home', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ traits: { loyaltyTier: { nested: true } }, geo: { country: 'France' } }) })
      expect(badBody.response.status).toBe(400)
      expect(badBody.json.error?.issues.map((issue) => issue.path).sort()).toEqual(['geo.country', 'traits.loyaltyTier'])

      const unknownField = await render('/api/render/home', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"segmnets":["loyal-gold"]}' })
      expect(unknownField.response.status).toBe(400)
      expect(unknownField.json.error?.message).toMatch(/segmnets/)

      expect((await render('/api/render/home', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' })).json.error?.code).toBe('invalid_json')
      expect((await render('/api/render/home', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })).response.status).toBe(415)
      const huge = JSON.stringify({ traits: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`t${i}`, 'x'.repeat(30)])) })
      expect((await render('/api/render/home', { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge })).response.status).toBe(413)
      expect((await render('/api/render/nowhere')).response.status).toBe(404)
      expect((await render('/api/render/home?format=pdf')).response.status).toBe(400)
    })

    it('accepts a POSTed context like the query string', async () => {
      const { response, json } = await render('/api/render/newsletter', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'email', segments: ['loyal-gold'], locale: 'en' }),
      })
      expect(response.status).toBe(200)
      expect(json.email?.subject).toBe('Your private sale starts now')
    })

    it('refuses unknown, revoked and out-of-scope keys', async () => {
      expect((await render('/api/render/home', { key: 'tsk_unknown_key_that_nobody_issued_000000000' })).response.status).toBe(401)
      expect((await render('/api/render/home', { key: 'not-a-key' })).response.status).toBe(401)

      const eventsOnly = 'tsk_events_only_key_0123456789abcdefghijklmn'
      await payload.create({ collection: 'api-keys', data: { name: 'Events only', scopes: ['events'], secret: eventsOnly } })
      const forbidden = await render('/api/render/home', { key: eventsOnly })
      expect(forbidden.response.status).toBe(403)
      expect(forbidden.json.error?.code).toBe('insufficient_scope')

      const revocable = 'tsk_revocable_key_0123456789abcdefghijklmnop'
      const created = await payload.create({ collection: 'api-keys', data: { name: 'Revocable', scopes: ['render'], secret: revocable } })
      expect((await render('/api/render/home', { key: revocable })).response.status).toBe(200)
      await payload.update({ collection: 'api-keys', id: created.id, data: { revoked: true } })
      forgetApiKeys(payload) // the 30-second memory is tested by time elsewhere; here, skip the wait
      const revoked = await render('/api/render/home', { key: revocable })
      expect(revoked.response.status).toBe(401)
      expect(revoked.json.error?.message).toMatch(/revoked/)
    })

    it('stops honouring a revoked key within 30 seconds, without a database read per request before that', async () => {
      const secret = 'tsk_soon_revoked_key_0123456789abcdefghijklmno'
      const created = await payload.create({ collection: 'api-keys', data: { name: 'Soon revoked', scopes: ['render'], secret } })
      expect((await render('/api/render/home', { key: secret })).response.status).toBe(200)
      await payload.update({ collection: 'api-keys', id: created.id, data: { revoked: true } })
      expect((await render('/api/render/home', { key: secret })).response.status).toBe(200)
      vi.useFakeTimers({ toFake: ['Date'] })
      try {
        vi.setSystemTime(Date.now() + 31_000)
        expect((await render('/api/render/home', { key: secret })).response.status).toBe(401)
      } finally {
        vi.useRealTimers()
      }
    })

    it('reads published blocks straight from their tables into the very blocks Payload’s find compiles to (SQL adapters)', async () => {
      // A block with every kind of stored value: both locales, rich text, dates, numbers, channels, audiences; then a newer draft.
      const segments = (await payload.find({ collection: 'segments', depth: 0, limit: 2, sort: 'slug' })).docs
      const created = await payload.create({
        collection: 'blocks',
        data: {
          name: 'Table read check',
          kind: 'offer',
          tone: 'playful',
          content: { headline: 'Read me', body: { root: { type: 'root', children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', text: 'Plain body', version: 1 }] }] } } as never, offer: { code: 'TABLE10', discount: '−10 %', validUntil: '2026-12-31T00:00:00.000Z' }, cta: { label: 'Go', url: '/go' } },
          variants: [
            { label: 'Twice', tone: 'formal', length: 'short', channels: ['web', 'email'], audience: segments.map((segment) => segment.id), activeFrom: '2026-11-01T08:30:00.000Z', activeTo: '2027-01-01T00:00:00.000Z', content: { headline: 'For two segments' } },
            { label: 'Screens', tone: 'friendly', length: 'medium', channels: ['screen'], audience: [segments[1]!.id], content: { headline: 'On screens', cta: { label: 'Scan', url: '/scan' } } },
          ],
          _status: 'published',
        } as never,
      })
      await payload.update({ collection: 'blocks', id: created.id, locale: 'fr', data: { content: { headline: 'Lisez-moi', offer: { discount: '−10 %' }, cta: { label: 'Aller' } }, variants: [{ id: (created as { variants: { id: string }[] }).variants[0]!.id, content: { headline: 'Pour deux segments' } }, { id: (created as { variants: { id: string }[] }).variants[1]!.id, content: { headline: 'Sur les écrans', cta: { label: 'Scanner' } } }] } as never })
      await payload.update({ collection: 'blocks', id: created.id, draft: true, data: { content: { headline: 'Draft only, not read' } } as never })

      const ids = (await payload.find({ collection: 'blocks', where: { _status: { equals: 'published' } }, depth: 0, pagination: false, select: { updatedAt: true } })).docs.map((doc) => String(doc.id))
      expect(ids).toContain(String(created.id))
      const rows = await readBlockRows(payload, ids)
      if (database.name === 'mongodb') {
        expect(rows).toBeUndefined()
        return
      }
      const { docs } = await payload.find({ collection: 'blocks', where: { id: { in: ids } }, locale: 'all', depth: 0, draft: false, pagination: false, overrideAccess: true })
      const byId = new Map(docs.map((doc) => [String(doc.id), compileBlock(doc as unknown as BlockDoc)]))
      expect(rows!.map((doc) => String(doc.id)).sort()).toEqual([...byId.keys()].sort())
      for (const doc of rows!) expect(compileBlock(doc)).toEqual(byId.get(String(doc.id)))
      const mine = compileBlock(rows!.find((doc) => String(doc.id) === String(created.id))!)
      expect([mine.content.en?.headline, mine.content.fr?.headline]).toEqual(['Read me', 'Lisez-moi'])
      expect(mine.variants.map((variant) => [variant.channels, variant.audience.length])).toEqual([[['email', 'web'], 2], [['screen'], 1]])
    })

    it('makes a publish visible, ignores draft saves, and keeps the last good snapshot when a compile fails', async () => {
      const before = (await liveManifest(payload))!.version
      const hero = (await payload.find({ collection: 'blocks', where: { name: { equals: 'Home hero' } } })).docs[0]!

      await payload.update({ collection: 'blocks', id: hero.id, draft: true, data: { content: { headline: 'Draft only' } } })
      await deliveryIdle(payload)
      expect((await liveManifest(payload))!.version).toBe(before)

      await payload.update({ collection: 'blocks', id: hero.id, data: { content: { headline: 'Winter is here' }, _status: 'published' } })
      await deliveryIdle(payload)
      const after = (await liveManifest(payload))!.version
      expect(after).not.toBe(before)
      const { json } = await render('/api/render/home?trait.visits=5&at=2026-11-24T10:00:00Z')
      expect(json.snapshot.version).toBe(after)
      expect(json.blocks[0]!.content.headline).toBe('Winter is here')

      // A segment whose stored rules are broken (written around validation) fails the compile.
      const segment = (await payload.find({ collection: 'segments', where: { slug: { equals: 'weekend' } }, depth: 0 })).docs[0]!
      await payload.db.updateOne({
        collection: 'segments',
        id: segment.id,
        data: { ...segment, rules: { match: 'all', conditions: [{ id: 'broken-condition', attribute: 'city', operator: 'equals', value: null }], groups: [] } },
        locale: 'en',
        req: {} as never,
      })
      await compileNow(payload, 'test: broken segment')
      const status = await payload.findGlobal({ slug: 'delivery-status' })
      expect(status.lastCompile?.status).toBe('failed')
      expect(status.lastCompile?.error).toMatch(/Segment “weekend”: rules\.conditions\.0\.value/)
      expect(status.activeVersion).toBe(after)
      expect((await render('/api/render/home')).json.snapshot.version).toBe(after)
    })
  })
}
