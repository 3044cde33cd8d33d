/**
 * The editor's workbench on the demo, through the rooms' doors on a real
 * database: the coverage matrix is the engine's own decision per cell, and a
 * preview decides drafts for an editor only, while nothing serves them.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { blockCoverage, coverageGaps, handleLivePreviewRequest, handlePreviewRequest, handleRenderRequest, pageCoverage } from '../../delivery/render'
import { flushExposures } from '../../delivery/experiments'
import { deliveryIdle, liveManifest } from '../../delivery/snapshot'
import { databasesUnderTest, startDemo, type TestPayload } from './harness'

const KEY = 'tsk_workbench_0123456789abcdef0123456789abcdef'

for (const database of databasesUnderTest()) {
  describe.skipIf(Boolean(database.skipReason))(`the editor's workbench on ${database.name}`, () => {
    let t: TestPayload
    let payload: Payload
    let editorToken: string
    let homeId: number
    let heroId: string

    beforeAll(async () => {
      t = await startDemo(database, KEY)
      payload = t.payload
      const login = await payload.login({ collection: 'users', data: { email: 'e@x.test', password: 'a-long-password' } })
      editorToken = login.token!
      const home = (await payload.find({ collection: 'pages', where: { slug: { equals: 'home' } }, depth: 0, overrideAccess: true })).docs[0]!
      homeId = home.id as number
      heroId = String(home.slots![0]!.block)
    }, 240_000)
    afterAll(async () => t?.close())

    const preview = (query: string, headers: Record<string, string> = { Authorization: `JWT ${editorToken}` }) =>
      handlePreviewRequest(payload, new Request(`http://localhost/api/pages/workbench/preview?${query}`, { headers }))

    it('the matrix gives each audience the variant the render API gives it', async () => {
      const result = await blockCoverage(payload, heroId)
      expect(result.ok).toBe(true)
      if (!result.ok) return
      const { coverage } = result
      expect(coverage.rows.map((row) => row.segment?.slug ?? 'everyone')).toEqual(expect.arrayContaining(['loyal-gold', 'first-visit', 'everyone']))
      const gold = coverage.rows.find((row) => row.segment?.slug === 'loyal-gold')!
      const goldWebFr = gold.cells.find((cell) => cell.channel === 'web' && cell.locale === 'fr')!
      const rendered = await handleRenderRequest(payload, new Request('http://localhost/api/render/home?segment=loyal-gold&locale=fr', { headers: { Authorization: `Bearer ${KEY}` } }), 'home')
      const body = (await rendered.json()) as { blocks: { variant: { label: string } | null }[] }
      expect(goldWebFr.variant?.label).toBe(body.blocks[0]!.variant?.label)
      expect(goldWebFr).toMatchObject({ fallsBackToDefault: false, allChannels: true, missingLocale: [] })
      // Everyone else: a visitor the engine knows nothing about, as the public render API decides for one.
      const everyone = coverage.rows.find((row) => row.segment === null)!
      const publicHome = await handleRenderRequest(payload, new Request('http://localhost/api/render/home?locale=en'), 'home')
      const publicBody = (await publicHome.json()) as { blocks: { variant: { label: string } | null }[] }
      expect(everyone.cells.find((cell) => cell.channel === 'web' && cell.locale === 'en')!.variant?.label ?? 'Default content').toBe(publicBody.blocks[0]!.variant?.label)
    })

    it('flag a variant not written in French, and count it as a coverage gap of its page', async () => {
      const gold = (await payload.find({ collection: 'segments', where: { slug: { equals: 'loyal-gold' } }, depth: 0, overrideAccess: true })).docs[0]!
      const block = await payload.create({
        collection: 'blocks',
        locale: 'en',
        data: { name: 'English only', kind: 'hero', tone: 'friendly', length: 'medium', content: { headline: 'Lanterns' }, variants: [{ label: 'Gold, English', tone: 'formal', length: 'medium', channels: ['web'], audience: [gold.id], content: { headline: 'Lanterns for Gold' } }], _status: 'published' } as never,
        overrideAccess: true,
      })
      const home = await payload.findByID({ collection: 'pages', id: homeId, depth: 0, overrideAccess: true })
      await payload.update({ collection: 'pages', id: homeId, data: { slots: [...home.slots!.map((slot) => ({ block: slot.block })), { block: block.id }], _status: 'published' } as never, overrideAccess: true })
      await deliveryIdle(payload)
      const result = await pageCoverage(payload, 'home')
      expect(result.ok).toBe(true)
      if (!result.ok) return
      const slot = result.slots.find((coverage) => coverage.block.id === String(block.id))!
      expect(slot.channels).toEqual(['web'])
      const row = slot.rows.find((candidate) => candidate.segment?.slug === 'loyal-gold')!
      expect(row.cells.find((cell) => cell.locale === 'en')).toMatchObject({ variant: { label: 'Gold, English' }, fallsBackToDefault: false, allChannels: false })
      expect(row.cells.find((cell) => cell.locale === 'fr')).toMatchObject({ variant: null, fallsBackToDefault: true, missingLocale: [expect.objectContaining({ label: 'Gold, English' })] })
      expect(await coverageGaps(payload)).toEqual(expect.arrayContaining([expect.objectContaining({ page: 'home', block: String(block.id), gaps: 1 })]))
    })

    it('preview a draft for an editor, while neither the render API nor a key or a stranger gets it', async () => {
      const draft = await payload.create({ collection: 'blocks', locale: 'en', data: { name: 'Draft probe', kind: 'hero', tone: 'friendly', length: 'medium', content: { headline: 'Only in the draft' }, _status: 'draft' } as never, draft: true, overrideAccess: true })
      const home = await payload.findByID({ collection: 'pages', id: homeId, depth: 0, overrideAccess: true })
      await payload.update({ collection: 'pages', id: homeId, draft: true, data: { slots: [{ block: draft.id }, ...home.slots!.map((slot) => ({ block: slot.block }))], _status: 'draft' } as never, overrideAccess: true })

      const seen = await preview(`page=home&draft=${homeId}&format=json&debug=1&consent=personalization`)
      expect(seen.status).toBe(200)
      expect(seen.headers.get('cache-control')).toBe('private, no-store')
      const body = (await seen.json()) as { blocks: { content: { headline?: string } }[]; trace?: unknown }
      expect(body.blocks[0]!.content.headline).toBe('Only in the draft')
      expect(body.trace).toBeDefined()

      const served = await handleRenderRequest(payload, new Request('http://localhost/api/render/home', { headers: { Authorization: `Bearer ${KEY}` } }), 'home')
      expect(await served.text()).not.toContain('Only in the draft')
      expect((await preview(`page=home&draft=${homeId}`, { Authorization: `Bearer ${KEY}` })).status).toBe(403)
      expect((await preview(`page=home&draft=${homeId}`, {})).status).toBe(403)
    })

    it('preview the newsletter as a first-time recipient, and a block alone on a screen', async () => {
      const email = await preview('page=newsletter&segment=first-visit&consent=personalization&format=json&debug=1')
      const body = (await email.json()) as { subject: string; html: string; blocks: { variant: { label: string } | null }[] }
      expect(body.subject).toBe('Our autumn edit is here')
      expect(body.blocks[0]!.variant?.label).toBe('First visit')
      expect(body.html).toContain('New here? Take 10 % off your first order')

      const screen = await preview(`block=${heroId}&channel=screen&format=json`)
      const alone = (await screen.json()) as { page: { channel: string }; blocks: unknown[] }
      expect(alone.page.channel).toBe('screen')
      expect(alone.blocks).toHaveLength(1)
    })

    it('preview an experiment’s arm the editor picks, whatever the assignment, recording no exposure', async () => {
      const manifest = (await liveManifest(payload))!
      const subject = manifest.experiments!.find((scoped) => scoped.experiment.key === 'newsletter-subject-line')!.experiment
      const [calm, urgent] = subject.arms.map((arm) => arm.id)
      const exposuresBefore = (await payload.count({ collection: 'experiment-exposures', overrideAccess: true })).totalDocs
      type Subjected = { subject: string; trace: { subject: { experiment: { arm: string; enrolled: boolean; why: string } } } }
      // No consent to analytics: the assignment would enrol no one; the picked arm is shown all the same.
      const picked = (await (await preview(`page=newsletter&consent=personalization&format=json&debug=1&arm=newsletter-subject-line:${urgent}`)).json()) as Subjected
      expect(picked.subject).toBe('Last 48 hours: −20 % on candles')
      expect(picked.trace.subject.experiment).toMatchObject({ arm: urgent, enrolled: true, why: `arm ${urgent}, picked in the preview` })
      const control = (await (await preview(`page=newsletter&consent=personalization&format=json&debug=1&arm=newsletter-subject-line:${calm}`)).json()) as Subjected
      expect(control.subject).toBe('Our autumn edit is here')
      const assigned = (await (await preview('page=newsletter&consent=personalization&format=json&debug=1')).json()) as Subjected
      expect(assigned.trace.subject.experiment).toMatchObject({ enrolled: false, why: 'no consent to the experiment’s purpose' })
      await flushExposures(payload)
      expect((await payload.count({ collection: 'experiment-exposures', overrideAccess: true })).totalDocs).toBe(exposuresBefore)
      // The render API takes no arm from anyone.
      const rendered = await handleRenderRequest(
        payload,
        new Request(`http://localhost/api/render/newsletter?channel=email&consent=personalization&arm=newsletter-subject-line:${urgent}`, { headers: { authorization: `Bearer ${KEY}` } }),
        'newsletter',
      )
      expect(((await rendered.json()) as { subject: string }).subject).toBe('Our autumn edit is here')
      // An experiment or arm that does not exist is a clear 400.
      for (const arm of ['no-such-experiment:x', 'newsletter-subject-line:no-such-arm', 'newsletter-subject-line']) {
        const refused = await preview(`page=newsletter&format=json&arm=${arm}`)
        expect(refused.status).toBe(400)
        expect(await refused.json()).toMatchObject({ error: { code: 'invalid_preview', issues: [{ path: 'arm' }] } })
      }
    })

    it('never lets a preview’s body reach the render API’s memory: a draft of the same shape is not served', async () => {
      // A draft that changes a block's text only: the decision (slots, variants) is the live one's.
      const welcome = (await payload.find({ collection: 'blocks', where: { name: { equals: 'Welcome text' } }, depth: 0, overrideAccess: true })).docs[0]!
      await payload.update({ collection: 'blocks', id: welcome.id, locale: 'en', draft: true, data: { content: { ...(welcome.content as Record<string, unknown>), headline: 'Draft text, same shape' }, _status: 'draft' } as never, overrideAccess: true })
      const home = await payload.findByID({ collection: 'pages', id: homeId, depth: 0, overrideAccess: true })
      await payload.update({ collection: 'pages', id: homeId, draft: true, data: { slots: home.slots!.map((slot) => ({ block: slot.block })), _status: 'draft' } as never, overrideAccess: true })
      const query = 'consent=none&format=html'
      const seen = await preview(`page=home&draft=${homeId}&${query}`)
      expect(await seen.text()).toContain('Draft text, same shape')
      const served = await handleRenderRequest(payload, new Request(`http://localhost/api/render/home?${query}`, { headers: { Authorization: `Bearer ${KEY}` } }), 'home')
      expect(served.status).toBe(200)
      expect(await served.text()).not.toContain('Draft text, same shape')
      // And the other way round: a preview after a render shows the draft, not the remembered live body.
      expect(await (await preview(`page=home&draft=${homeId}&${query}`)).text()).toContain('Draft text, same shape')

      // An email's compiled layout likewise: a draft of the newsletter previewed is never what a send gets.
      const newsletter = (await payload.find({ collection: 'pages', where: { slug: { equals: 'newsletter' } }, depth: 0, overrideAccess: true })).docs[0]!
      const email = newsletter.email as Record<string, unknown>
      await payload.update({ collection: 'pages', id: newsletter.id, locale: 'en', draft: true, data: { email: { ...email, preheader: 'A draft preheader, not yet sent to anyone' }, _status: 'draft' } as never, overrideAccess: true })
      const drafted = (await (await preview(`page=newsletter&draft=${newsletter.id}&consent=none&format=json`)).json()) as { preheader: string }
      expect(drafted.preheader).toBe('A draft preheader, not yet sent to anyone')
      const sent = await handleRenderRequest(payload, new Request('http://localhost/api/render/newsletter?channel=email&consent=none&format=json', { headers: { Authorization: `Bearer ${KEY}` } }), 'newsletter')
      expect(((await sent.json()) as { preheader: string; html: string }).html).not.toContain('A draft preheader')
    })

    it('live-preview a block’s form as it is typed, for an editor only, storing nothing', async () => {
      const stored = await payload.findByID({ collection: 'blocks', id: heroId, depth: 0, draft: true, overrideAccess: true })
      const headline = `Typed, not saved ${Date.now()}`
      const form = { ...stored, content: { ...(stored.content as Record<string, unknown>), headline } }
      // No personalization: everyone gets the default content, the part being typed.
      const live = (body: unknown, headers: Record<string, string> = { Authorization: `JWT ${editorToken}` }, query = 'consent=none') =>
        handleLivePreviewRequest(payload, new Request(`http://localhost/api/pages/workbench/live?${query}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) }))
      const shown = await live({ collection: 'blocks', id: heroId, locale: 'en', data: form })
      expect(shown.status).toBe(200)
      expect(shown.headers.get('cache-control')).toBe('private, no-store')
      expect(await shown.text()).toContain(headline)
      // The other locale keeps its stored text; the page being typed, likewise.
      const french = await live({ collection: 'blocks', id: heroId, locale: 'en', data: form }, undefined, 'consent=none&locale=fr&format=json')
      expect(JSON.stringify(await french.json())).not.toContain(headline)
      const page = await payload.findByID({ collection: 'pages', id: homeId, depth: 0, draft: true, overrideAccess: true })
      const title = `A title being typed ${Date.now()}`
      const pageShown = await live({ collection: 'pages', id: homeId, locale: 'en', data: { ...page, title } }, undefined, 'consent=none&format=json')
      expect(((await pageShown.json()) as { page: { title: string } }).page.title).toBe(title)
      // Nothing was stored, and only an editor's session may ask.
      const after = await payload.findByID({ collection: 'blocks', id: heroId, depth: 0, draft: true, overrideAccess: true })
      expect((after.content as { headline?: string }).headline).toBe((stored.content as { headline?: string }).headline)
      expect((await live({ collection: 'blocks', id: heroId, locale: 'en', data: form }, { Authorization: `Bearer ${KEY}` })).status).toBe(403)
      expect((await live({ collection: 'blocks', id: heroId, locale: 'en', data: form }, {})).status).toBe(403)
      const refused = await live({ collection: 'users', id: 1, locale: 'en', data: {} })
      expect(refused.status).toBe(400)
      expect(await refused.json()).toMatchObject({ error: { code: 'invalid_live_form', issues: [{ path: 'collection' }] } })
    })

    it('refuse a preview that names nothing, with a message', async () => {
      const response = await preview('format=json')
      expect(response.status).toBe(400)
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_preview' } })
    })
  })
}
