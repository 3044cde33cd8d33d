/**
 * The email channel end to end on the demo content: one decision, rendered as
 * an email that passes the email-client linter baseline, with unsubscribe
 * headers and a real text part; and the batch endpoint for email platforms.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import baseline from '../../channels/email/caniemail-baseline.json'
import { lintEmail } from '../../channels/email/lintEmail'
import { handleRenderBatch, handleRenderRequest } from '../../delivery/render'
import { startDemo, type TestPayload } from './harness'

const API_KEY = 'tsk_integration_channels_key_0123456789abcdefgh'
const BASE = 'http://localhost:3999'

type EmailJson = { subject: string; preheader: string; html: string; text: string; headers: Record<string, string>; blocks: unknown[] }

describe('channels on the demo content', () => {
  let t: TestPayload
  let payload: Payload

  const get = (path: string, key: string | null = API_KEY) =>
    handleRenderRequest(payload, new Request(`${BASE}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} }), path.split('?')[0]!.split('/').pop()!)
  const batch = (body: unknown, key: string | null = API_KEY) =>
    handleRenderBatch(
      payload,
      new Request(`${BASE}/api/render/newsletter/batch?channel=email`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify(body),
      }),
      'newsletter',
    )

  beforeAll(async () => {
    t = await startDemo({ name: 'sqlite' }, API_KEY)
    payload = t.payload
  })
  afterAll(async () => t?.close())

  describe('email', () => {
    it('returns subject, preheader, HTML, a real text part and unsubscribe headers for the newsletter', async () => {
      const response = await get('/api/render/newsletter?channel=email&customer=crm-42&trait.firstName=Ada&segment=loyal-gold')
      expect(response.status).toBe(200)
      const email = (await response.json()) as EmailJson
      expect(email.subject).toBe('Your private sale starts now')
      expect(email.preheader).toBe('30 % off for Gold members, before anyone else.')
      expect(email.html).toContain('Hello Ada,')
      expect(email.html).toMatch(/<table/)
      expect(email.html).toContain('src="http://localhost:3999/api/media/file/')
      expect(Buffer.byteLength(email.html)).toBeLessThan(100 * 1024)
      expect(email.text).toContain('Hello Ada,')
      expect(email.text).not.toMatch(/<[a-z][^>]*>/i)
      expect(email.headers['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:3999\/api\/unsubscribe\?token=[\w.-]+>$/)
      expect(email.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    })

    it('stays within the email-client linter baseline', async () => {
      const email = (await (await get('/api/render/newsletter?channel=email&trait.firstName=Ada')).json()) as EmailJson
      const findings = lintEmail(email.html)
      expect(findings.filter((finding) => finding.severity === 'error').length).toBeLessThanOrEqual(baseline.errors)
      expect(findings.filter((finding) => finding.severity === 'warning').length).toBeLessThanOrEqual(baseline.warnings)
    })

    it('greets a recipient without a first name with the fallback, never "undefined"', async () => {
      const email = (await (await get('/api/render/newsletter?channel=email&locale=fr')).json()) as EmailJson
      expect(email.html).toContain('Bonjour,')
      expect(email.text).toContain('Bonjour,')
      expect(email.html + email.text).not.toMatch(/undefined|\{\{/)
    })

    it('escapes personalization values', async () => {
      const email = (await (await get(`/api/render/newsletter?channel=email&trait.firstName=${encodeURIComponent('<b>Ada</b>')}`)).json()) as EmailJson
      expect(email.html).toContain('Hello &lt;b&gt;Ada&lt;/b&gt;,')
      expect(email.html).not.toContain('<b>Ada</b>')
    })

    it('keeps an email addressed to no one, and still renders one addressed to a customer for them alone', async () => {
      const anonymous = async (format: string) => get(`/api/render/newsletter?channel=email&segment=loyal-gold&format=${format}`)
      for (const format of ['json', 'html']) {
        const first = await anonymous(format)
        const again = await anonymous(format)
        expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true)
        if (format === 'html') expect(again.headers.get('list-unsubscribe')).toBe('<http://localhost:3999/api/unsubscribe>')
        // The same decision for a customer: their own signed links, never the kept anonymous body.
        const addressed = await get(`/api/render/newsletter?channel=email&segment=loyal-gold&customer=crm-kept-1&format=${format}`)
        const body = await addressed.text()
        expect(body).toMatch(/unsubscribe\?token=[\w.-]+/)
        if (format === 'html') expect(addressed.headers.get('list-unsubscribe')).toMatch(/token=/)
      }
    })

    it('serves the HTML and the text bodies alone', async () => {
      const html = await get('/api/render/newsletter?channel=email&format=html')
      expect(html.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await html.text()).toMatch(/^<!doctype html>/i)
      const text = await get('/api/render/newsletter?channel=email&format=text')
      expect(text.headers.get('content-type')).toMatch(/^text\/plain/)
      expect(html.headers.get('list-unsubscribe')).toBeTruthy()
      expect(await text.text()).toContain('Hello,')
      expect((await get('/api/render/home?format=text')).status).toBe(400)
    })
  })

  describe('screens', () => {
    const at = (iso: string) => `at=${encodeURIComponent(iso)}`
    const slideVariants = (html: string) => [...html.matchAll(/data-tessera-variant="([^"]*)"/g)].map((match) => match[1])

    it('decide with each store’s own time zone: two stores, two dayparts, two variants', async () => {
      // 18:00 UTC: 19:00 in Bordeaux (evening), 13:00 in Montréal (afternoon).
      const bordeaux = await (await get(`/api/render/store-screen?format=html&store=bordeaux-sainte-catherine&${at('2026-11-24T18:00:00Z')}&debug=1`)).text()
      const montreal = await (await get(`/api/render/store-screen?format=html&store=montreal-saint-denis&${at('2026-11-24T18:00:00Z')}`)).text()
      expect(bordeaux).toContain('Evening glow: light one up tonight')
      expect(montreal).not.toContain('Evening glow')
      // 14:00 UTC: 09:00 in Montréal (morning).
      const morning = await (await get(`/api/render/store-screen?format=html&store=montreal-saint-denis&${at('2026-11-24T14:00:00Z')}`)).text()
      expect(morning).toContain('Good morning! Fresh coffee and new candles')
      expect(slideVariants(morning)).not.toEqual(slideVariants(montreal))

      // The same two decisions as PNGs, in both orientations.
      const { default: sharp } = await import('sharp')
      const pngs: Buffer[] = []
      for (const store of ['bordeaux-sainte-catherine', 'montreal-saint-denis']) {
        for (const [width, height] of [[1920, 1080], [1080, 1920]] as const) {
          const response = await get(`/api/render/store-screen?format=png&store=${store}&${at('2026-11-24T18:00:00Z')}&width=${width}&height=${height}`)
          expect(response.status).toBe(200)
          const png = Buffer.from(await response.arrayBuffer())
          const metadata = await sharp(png).metadata()
          expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', width, height])
          pngs.push(png)
        }
      }
      expect(pngs[0]!.equals(pngs[2]!)).toBe(false)
    }, 60_000)

    it('serves a full-screen document that polls with its ETag, under a strict content security policy', async () => {
      const response = await get('/api/render/store-screen?format=html&store=lyon-bellecour', null)
      expect(response.status).toBe(200)
      const html = await response.text()
      const etag = response.headers.get('etag')!
      expect(html).toMatch(/^<!doctype html>/i)
      expect(html).toContain(etag.replace(/"/g, '&quot;'))
      expect(response.headers.get('content-security-policy')).toMatch(/script-src 'sha256-/)
      const again = await handleRenderRequest(payload, new Request(`${BASE}/api/render/store-screen?format=html&store=lyon-bellecour`, { headers: { 'if-none-match': etag } }), 'store-screen')
      expect(again.status).toBe(304)
    })

    it('renders the same decision as a PNG of the requested size, and refuses more than 4K', async () => {
      for (const [width, height] of [[1920, 1080], [1080, 1920]] as const) {
        const response = await get(`/api/render/store-screen?format=png&store=lyon-bellecour&width=${width}&height=${height}`, null)
        expect(response.status).toBe(200)
        expect(response.headers.get('content-type')).toBe('image/png')
        const { default: sharp } = await import('sharp')
        const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata()
        expect([metadata.format, metadata.width, metadata.height]).toEqual(['png', width, height])
      }
      const eightK = await get('/api/render/store-screen?format=png&width=7680&height=4320', null)
      expect(eightK.status).toBe(413)
      expect(((await eightK.json()) as { error: { code: string; message: string } }).error.message).toMatch(/larger than 4K/)
      expect((await get('/api/render/store-screen?format=png&width=abc', null)).status).toBe(400)
      expect((await get('/api/render/home?format=png', null)).status).toBe(400)
    }, 60_000)
  })

  describe('email batches', () => {
    it('return 1,000 results in order, with per-recipient errors instead of failing the batch', async () => {
      const recipients = Array.from({ length: 1000 }, (_, index) =>
        index === 500 ? { traits: { firstName: 'Broken' }, geo: { country: 'France' } } : { customer: `c-${index}`, traits: { firstName: `Reader${index}` }, ...(index % 2 ? { segments: ['loyal-gold'] } : {}) },
      )
      const response = await batch({ recipients })
      expect(response.status).toBe(200)
      const body = (await response.json()) as { count: number; results: ({ index: number; ok: true; subject: string; text: string } | { index: number; ok: false; error: { code: string; issues: { path: string }[] } })[] }
      expect(body.count).toBe(1000)
      expect(body.results.map((result) => result.index)).toEqual(recipients.map((_, index) => index))
      const failed = body.results[500]!
      expect(failed.ok).toBe(false)
      if (!failed.ok) expect(failed.error.issues[0]?.path).toBe('geo.country')
      const reader = body.results[7]!
      expect(reader.ok && reader.text.includes('Hello Reader7,')).toBe(true)
      expect(reader.ok && reader.subject).toBe('Your private sale starts now')
    }, 120_000)

    it('need a render key and refuse more than 1,000 recipients', async () => {
      expect((await batch({ recipients: [{}] }, null)).status).toBe(401)
      expect((await batch({ recipients: Array.from({ length: 1001 }, () => ({})) })).status).toBe(413)
      expect((await batch({ recipients: [] })).status).toBe(400)
    })
  })
})
