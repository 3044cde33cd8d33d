/**
 * Experiments end to end on the demo content, on a real database: the
 * collection's lifecycle (one live experiment per scope, phases, history),
 * the compiled snapshot, assignment in the decision, exposures and results.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { handleEventsRequest, newIdempotencyKey } from '../../delivery/customers'
import { dropUnwrittenExposures, EXPOSURE_MAX_LOSS, flushExposures, recordExposures, unwrittenExposures, type Exposure } from '../../delivery/experiments'
import { experimentResults, findExperiment, handleExperimentResults, handleExposureExport, type ExperimentResults } from '../../delivery/experiments'
import { handleRenderBatch, handleRenderRequest } from '../../delivery/render'
import { deliveryIdle } from '../../delivery/snapshot'
import { CONSENT_COOKIE, PROFILE_COOKIE, signConsentCookie, signProfileCookie } from '../../delivery/trust'
import { bucketOf, hashSeed } from '../../engine'
import { databasesUnderTest, startDemo, type TestPayload } from './harness'

const KEY = 'tsk_integration_experiments_key_0123456789abcd'
const BASE = 'http://localhost:3999'

type Rendered = { status: number; headers: Headers; json: { blocks: { block: string; variant: { id: string } }[]; email?: { variant: { id: string } }; trace?: { slots: { block: string; experiment?: { arm?: string; enrolled: boolean; why: string } }[] } } }
type ExposureRow = { unit: string; arm: string; channel: string; count: number; phase: number; multiple?: boolean; store?: string; profile?: Id | { id: Id } | null }

/** The arm (index) GrowthBook's hash v2 gives `id` in a 50/50 split at full coverage under `seed`. */
const halfOf = (seed: string, id: string) => (bucketOf(hashSeed(seed), id) < 0.5 ? 0 : 1)

type Id = number | string
type ExperimentDoc = { id: Id; status: string; phase: number; phases: { phase: number }[]; history: { by: string; change: string }[] }

for (const database of databasesUnderTest()) {
  describe.skipIf(Boolean(database.skipReason))(`experiments on ${database.name}`, () => {
    let t: TestPayload
    let payload: Payload
    let heroId: Id
    let heroVariants: Record<string, string>
    let editor: { id: Id; email: string; collection: 'users' }

    const blockVariants = async (name: string) => {
      const { docs } = await payload.find({ collection: 'blocks', where: { name: { equals: name } }, depth: 0, limit: 1, overrideAccess: true })
      const block = docs[0] as unknown as { id: Id; variants: { id: string; label: string }[] }
      return { id: block.id, variants: Object.fromEntries(block.variants.map((variant) => [variant.label, variant.id])) }
    }
    const createExperiment = (key: string, data: Record<string, unknown> = {}) =>
      payload.create({
        collection: 'experiments',
        data: {
          key,
          name: `Experiment ${key}`,
          scope: 'block',
          block: heroId,
          arms: [
            { variant: 'default', weight: 50 },
            { variant: heroVariants['Short'], weight: 50 },
          ],
          coverage: 100,
          status: 'running',
          primaryMetric: { label: 'Purchases', kind: 'binomial', eventType: 'conversion', eventName: 'purchase', windowDays: 7 },
          ...data,
        } as never,
        user: editor as never,
        overrideAccess: false,
      }) as unknown as Promise<ExperimentDoc>
    const update = (id: Id, data: Record<string, unknown>) =>
      payload.update({ collection: 'experiments', id, data: data as never, user: editor as never, overrideAccess: false }) as unknown as Promise<ExperimentDoc>

    /** The messages a refused save names (Payload's ValidationError keeps them per field). */
    const refusal = async (saving: Promise<unknown>): Promise<string> => {
      try {
        await saving
      } catch (error) {
        return ((error as { data?: { errors?: { message: string }[] } }).data?.errors ?? []).map((issue) => issue.message).join(' ')
      }
      return 'saved'
    }

    const render = async (path: string, init: { key?: string | null; cookie?: string } = {}): Promise<Rendered> => {
      const headers = new Headers()
      if (init.key !== null) headers.set('authorization', `Bearer ${init.key ?? KEY}`)
      if (init.cookie) headers.set('cookie', init.cookie)
      const response = await handleRenderRequest(payload, new Request(`${BASE}${path}`, { headers }), path.split('?')[0]!.split('/').pop()!)
      return { status: response.status, headers: response.headers, json: response.status === 200 ? await response.json() : undefined }
    }
    const servedVariant = (rendered: Rendered, block: Id) => rendered.json.blocks.find((slot) => slot.block === String(block))?.variant.id
    const exposuresOf = async (experiment: string): Promise<ExposureRow[]> => {
      await flushExposures(payload)
      const { docs } = await payload.find({ collection: 'experiment-exposures', where: { experiment: { equals: experiment } }, pagination: false, sort: 'firstAt', overrideAccess: true })
      return docs as unknown as ExposureRow[]
    }
    const live = async (created: Promise<ExperimentDoc>) => {
      const experiment = await created
      await deliveryIdle(payload)
      return experiment
    }
    const postEvents = async (events: unknown[]) =>
      (
        await handleEventsRequest(
          payload,
          new Request(`${BASE}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ events }) }),
        )
      ).status
    const siteCookies = async (visitor: string, purposes: string[]) =>
      `${CONSENT_COOKIE}=${await signConsentCookie({ purposes, at: new Date().toISOString() })}; ${PROFILE_COOKIE}=${await signProfileCookie({ visitor })}`

    beforeAll(async () => {
      t = await startDemo(database, KEY)
      payload = t.payload
      const welcome = await blockVariants('Welcome text')
      heroId = welcome.id
      heroVariants = welcome.variants
      const { docs } = await payload.find({ collection: 'users', where: { email: { equals: 'e@x.test' } }, overrideAccess: true })
      editor = { ...(docs[0] as unknown as { id: Id; email: string }), collection: 'users' }
    })
    afterAll(async () => t?.close())

    describe('the collection', () => {
      it('records who started an experiment and when, and its first phase', async () => {
        const experiment = await createExperiment('lifecycle-a')
        expect(experiment.status).toBe('running')
        expect(experiment.phase).toBe(1)
        expect(experiment.phases).toHaveLength(1)
        expect(experiment.history.at(-1)).toMatchObject({ by: 'e@x.test', change: 'created (running)' })
        await update(experiment.id, { status: 'stopped' })
      })

      it('tells other systems when an experiment starts, stops and ships, once each (the sharing outbox)', async () => {
        const welcome = await blockVariants('Welcome text')
        const experiment = await createExperiment('lifecycle-shared', { block: welcome.id, arms: [{ variant: 'default', weight: 50 }, { variant: Object.values(welcome.variants)[0], weight: 50 }] })
        await update(experiment.id, { status: 'paused' })
        await update(experiment.id, { status: 'running' })
        await update(experiment.id, { status: 'shipped', shippedArm: 'default' })
        await update(experiment.id, { status: 'stopped' })
        const { docs } = await payload.find({ collection: 'outbox-messages', where: { orderKey: { equals: 'experiment:lifecycle-shared' } }, sort: 'occurredAt', pagination: false, overrideAccess: true })
        const messages = docs as unknown as { type: string; data: { key: string; status: string; shippedArm?: string; phase: number } }[]
        expect(messages.map((message) => message.type)).toEqual(['experiment.started', 'experiment.shipped', 'experiment.stopped'])
        expect(messages.map((message) => message.data.key)).toEqual(['lifecycle-shared', 'lifecycle-shared', 'lifecycle-shared'])
        expect(messages[1]!.data).toMatchObject({ status: 'shipped', shippedArm: 'default', phase: 1 })
      })

      it('refuses a second live experiment on the same block, naming both', async () => {
        const first = await createExperiment('scope-first', { name: 'Hero first' })
        expect(await refusal(createExperiment('scope-second', { name: 'Hero second' }))).toMatch(/“Hero second” \(scope-second\).*“Hero first” \(scope-first\)/)
        // A draft on the same scope is fine; starting it is not.
        const draft = await createExperiment('scope-draft', { name: 'Hero draft', status: 'draft' })
        expect(await refusal(update(draft.id, { status: 'running' }))).toMatch(/“Hero first” \(scope-first\)/)
        await update(first.id, { status: 'stopped' })
        expect((await update(draft.id, { status: 'running' })).status).toBe('running')
        await update(draft.id, { status: 'stopped' })
      })

      it('refuses arms that are not variants of the block', async () => {
        expect(await refusal(createExperiment('bad-arm', { arms: [{ variant: 'default', weight: 50 }, { variant: 'nope', weight: 50 }] }))).toMatch(/“nope” is not a variant/)
      })

      it('starts a new phase when the weights of a running experiment change, not when its name does', async () => {
        const experiment = await createExperiment('phases')
        expect((await update(experiment.id, { name: 'Renamed' })).phase).toBe(1)
        const changed = await update(experiment.id, { arms: [{ variant: 'default', weight: 20 }, { variant: heroVariants['Short'], weight: 80 }] })
        expect(changed.phase).toBe(2)
        expect(changed.phases.map((phase) => phase.phase)).toEqual([1, 2])
        expect(changed.history.at(-1)!.change).toMatch(/phase 2 started/)
        await update(experiment.id, { status: 'stopped' })
      })

      it('never goes back to draft once started', async () => {
        const experiment = await createExperiment('no-draft')
        expect(await refusal(update(experiment.id, { status: 'draft' }))).toMatch(/cannot go back to draft/)
        await update(experiment.id, { status: 'stopped' })
        await deliveryIdle(payload)
      })
    })

    describe('decisions and exposures', () => {
      let offer: { id: Id; variants: Record<string, string> }
      const OFFER_KEY = 'offer-everywhere'

      beforeAll(async () => {
        offer = await blockVariants('Autumn offer')
        await live(createExperiment(OFFER_KEY, { block: offer.id, arms: [{ variant: 'default', weight: 50 }, { variant: offer.variants['Gold members'], weight: 50 }] }))
      })

      it('gives one customer the same arm on the web, in email and on a screen, with one exposure record', async () => {
        const customer = 'crm-everywhere-1'
        const expected = halfOf(OFFER_KEY, customer) === 0 ? 'default' : offer.variants['Gold members']
        const web = await render(`/api/render/home?customer=${customer}&consent=analytics`)
        const email = await render(`/api/render/newsletter?channel=email&customer=${customer}&consent=analytics`)
        const screen = await render(`/api/render/store-screen?customer=${customer}&consent=analytics&store=paris-rivoli`)
        expect([servedVariant(web, offer.id), servedVariant(email, offer.id), servedVariant(screen, offer.id)]).toEqual([expected, expected, expected])
        const rows = (await exposuresOf(OFFER_KEY)).filter((row) => row.count > 0)
        const mine = rows.filter((row) => row.arm === expected && row.channel === 'web')
        expect(rows).toHaveLength(1)
        expect(mine[0]).toMatchObject({ count: 3, phase: 1, unit: `customer:${customer}` })
      })

      it('enrols no one and records nothing without consent to the purpose, and says why', async () => {
        const before = (await exposuresOf(OFFER_KEY)).length
        const rendered = await render(`/api/render/home?customer=crm-no-consent&debug=1`)
        const slot = rendered.json.trace!.slots.find((candidate) => candidate.block === String(offer.id))!
        expect(slot.experiment).toMatchObject({ enrolled: false, why: 'no consent to the experiment’s purpose' })
        expect(await exposuresOf(OFFER_KEY)).toHaveLength(before)
        expect((await payload.count({ collection: 'profile-keys', where: { key: { equals: 'c:crm-no-consent' } } })).totalDocs).toBe(0)
      })

      it('answers an enrolled unit privately, never for a shared cache', async () => {
        const rendered = await render(`/api/render/home?customer=crm-private&consent=analytics`)
        expect(rendered.headers.get('cache-control')).toMatch(/^private/)
      })

      it('records nothing for a keyed caller’s exposure=0, nor for a preview', async () => {
        const before = (await exposuresOf(OFFER_KEY)).length
        await render(`/api/render/home?customer=crm-preview-1&consent=analytics&exposure=0`)
        await render(`/api/render/home?customer=crm-preview-2&consent=analytics&preview=1`)
        expect(await exposuresOf(OFFER_KEY)).toHaveLength(before)
      })

      it('records a retried render and a retried batch once per unit', async () => {
        const path = `/api/render/home?customer=crm-retry&consent=analytics`
        await render(path)
        await render(path)
        const batch = () =>
          handleRenderBatch(
            payload,
            new Request(`${BASE}/api/render/newsletter/batch?channel=email`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
              body: JSON.stringify({ context: { consents: ['analytics'] }, recipients: [{ customer: 'crm-batch-1' }, { customer: 'crm-batch-2' }] }),
            }),
            'newsletter',
          )
        expect((await batch()).status).toBe(200)
        await flushExposures(payload)
        expect((await batch()).status).toBe(200)
        const rows = await exposuresOf(OFFER_KEY)
        const units = rows.map((row) => row.unit)
        expect(new Set(units).size).toBe(units.length)
        const counts = ['crm-retry', 'crm-batch-1', 'crm-batch-2'].map((customer) => rows.find((row) => row.unit === `customer:${customer}`)?.count)
        expect(counts).toEqual([2, 2, 2])
      })

      it('keeps an anonymous visitor’s first arm once they identify as a customer hashed into the other arm', async () => {
        // A visitor and a customer id that GrowthBook's hash puts in different arms.
        let visitor = ''
        let customer = ''
        for (let i = 0; !visitor; i++) if (halfOf(OFFER_KEY, `v-ident-${i}`) === 0) visitor = `v-ident-${i}`
        for (let i = 0; !customer; i++) if (halfOf(OFFER_KEY, `crm-ident-${i}`) === 1) customer = `crm-ident-${i}`
        const cookie = await siteCookies(visitor, ['necessary', 'analytics'])
        const first = await render('/api/render/home', { key: null, cookie })
        expect(servedVariant(first, offer.id)).toBe('default')
        await flushExposures(payload)
        expect(await postEvents([{ idempotencyKey: newIdempotencyKey(), type: 'trait_update', visitor, customer, traits: { tier: 'silver' } }])).toBe(200)
        const later = await render(`/api/render/newsletter?channel=email&customer=${customer}&consent=analytics&debug=1`)
        expect(servedVariant(later, offer.id)).toBe('default')
        const slot = later.json.trace!.slots.find((candidate) => candidate.block === String(offer.id))!
        expect(slot.experiment!.why).toMatch(/kept on the profile/)
        // Still one unit: the customer-hashed exposure adds to the visitor's row instead of making a second one.
        const rows = await exposuresOf(OFFER_KEY)
        const visitorRow = rows.find((row) => row.unit.startsWith('profile:') && row.arm === 'default' && row.count === 2)
        expect(rows.filter((row) => row.unit === `customer:${customer}`)).toHaveLength(0)
        expect(visitorRow).toMatchObject({ count: 2, multiple: false })
      })

      it('makes one unit of a recipient served before they had a profile, who then browsed anonymously and identified', async () => {
        let visitor = ''
        let customer = ''
        for (let i = 0; !visitor; i++) if (halfOf(OFFER_KEY, `v-orphan-${i}`) === 0) visitor = `v-orphan-${i}`
        for (let i = 0; !customer; i++) if (halfOf(OFFER_KEY, `crm-orphan-${i}`) === 1) customer = `crm-orphan-${i}`
        // An email platform renders for the customer, who has no profile here yet: a row of the customer id alone.
        expect(servedVariant(await render(`/api/render/newsletter?channel=email&customer=${customer}&consent=analytics`), offer.id)).toBe(offer.variants['Gold members'])
        // They open the site without being recognised: the visitor's own profile and row, in the other arm.
        expect(servedVariant(await render('/api/render/home', { key: null, cookie: await siteCookies(visitor, ['necessary', 'analytics']) }), offer.id)).toBe('default')
        const before = await exposuresOf(OFFER_KEY)
        expect(before.filter((row) => row.unit === `customer:${customer}`)).toMatchObject([{ count: 1 }])
        expect(before.filter((row) => row.unit === `customer:${customer}`)[0]!.profile ?? null).toBeNull()
        // They log in: one person, seen in two arms.
        expect(await postEvents([{ idempotencyKey: newIdempotencyKey(), type: 'trait_update', visitor, customer, traits: { tier: 'silver' } }])).toBe(200)
        const { docs } = await payload.find({ collection: 'profiles', where: { customerId: { equals: customer } }, depth: 0, overrideAccess: true })
        const person = docs[0] as unknown as { id: Id }
        const rows = (await exposuresOf(OFFER_KEY)).filter((row) => row.unit === `customer:${customer}` || String(typeof row.profile === 'object' && row.profile ? row.profile.id : row.profile) === String(person.id))
        expect(rows).toHaveLength(1)
        expect(rows[0]).toMatchObject({ count: 2, multiple: true, arm: offer.variants['Gold members'] })
        // Their next exposure adds to that row.
        await render(`/api/render/home?customer=${customer}&consent=analytics`)
        const after = (await exposuresOf(OFFER_KEY)).filter((row) => row.unit === `customer:${customer}` || String(typeof row.profile === 'object' && row.profile ? row.profile.id : row.profile) === String(person.id))
        expect(after).toMatchObject([{ count: 3, multiple: true }])
      })

      it('folds a visitor’s exposure into the customer’s when their profiles merge, as one person seen in two arms', async () => {
        let visitor = ''
        let customer = ''
        for (let i = 0; !visitor; i++) if (halfOf(OFFER_KEY, `v-merge-${i}`) === 0) visitor = `v-merge-${i}`
        for (let i = 0; !customer; i++) if (halfOf(OFFER_KEY, `crm-merge-${i}`) === 1) customer = `crm-merge-${i}`
        // The customer is known first (a profile of their own), served the other arm.
        expect(await postEvents([{ idempotencyKey: newIdempotencyKey(), type: 'consent_change', customer, consents: { analytics: true } }])).toBe(200)
        expect(servedVariant(await render(`/api/render/home?customer=${customer}&consent=analytics`), offer.id)).toBe(offer.variants['Gold members'])
        expect(servedVariant(await render('/api/render/home', { key: null, cookie: await siteCookies(visitor, ['necessary', 'analytics']) }), offer.id)).toBe('default')
        const before = (await exposuresOf(OFFER_KEY)).filter((row) => row.unit === `customer:${customer}` || row.arm === 'default')
        expect(before.filter((row) => row.unit === `customer:${customer}`)).toHaveLength(1)
        // The visitor logs in as that customer: the two profiles become one.
        expect(await postEvents([{ idempotencyKey: newIdempotencyKey(), type: 'trait_update', visitor, customer, traits: { tier: 'gold' } }])).toBe(200)
        const { docs } = await payload.find({ collection: 'profiles', where: { customerId: { equals: customer } }, depth: 0, overrideAccess: true })
        const person = docs[0] as unknown as { id: Id }
        const { docs: theirs } = await payload.find({ collection: 'experiment-exposures', where: { experiment: { equals: OFFER_KEY }, profile: { equals: person.id } }, depth: 0, pagination: false, overrideAccess: true })
        expect(theirs).toHaveLength(1)
        expect(theirs[0]).toMatchObject({ count: 2, multiple: true })
      })

      it('starts a new phase on a weight change and moves nobody within the old one', async () => {
        const { docs } = await payload.find({ collection: 'experiments', where: { key: { equals: OFFER_KEY } }, overrideAccess: true })
        const customers = Array.from({ length: 20 }, (_, i) => `crm-phase-${i}`)
        for (const customer of customers) await render(`/api/render/home?customer=${customer}&consent=analytics`)
        const phaseOne = (await exposuresOf(OFFER_KEY)).filter((row) => row.phase === 1)
        await live(update(docs[0]!.id, { arms: [{ variant: 'default', weight: 10 }, { variant: offer.variants['Gold members'], weight: 90 }] }))
        for (const customer of customers) await render(`/api/render/home?customer=${customer}&consent=analytics`)
        const after = await exposuresOf(OFFER_KEY)
        const stillPhaseOne = after.filter((row) => row.phase === 1)
        // Exposures written in one batch share their firstAt: compare them by unit, not in storage order.
        const byUnit = (rows: ExposureRow[]) => rows.map((row) => [row.unit, row.arm, row.count]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))
        expect(byUnit(stillPhaseOne)).toEqual(byUnit(phaseOne))
        expect(after.filter((row) => row.phase === 2)).toHaveLength(customers.length)
        await update(docs[0]!.id, { status: 'stopped' })
        await deliveryIdle(payload)
      })

      it('tests the demo newsletter’s subject line: each recipient gets the hashed arm’s subject, recorded once', async () => {
        const { docs } = await payload.find({ collection: 'pages', where: { slug: { equals: 'newsletter' } }, depth: 0, overrideAccess: true })
        const urgent = (docs[0] as unknown as { email: { variants: { id: string; label: string }[] } }).email.variants.find((variant) => variant.label === 'Urgent')!.id
        const key = 'newsletter-subject-line'
        for (const customer of ['crm-subject-1', 'crm-subject-2', 'crm-subject-3', 'crm-subject-4']) {
          const email = await render(`/api/render/newsletter?channel=email&customer=${customer}&consent=analytics`)
          expect(email.json.email!.variant.id).toBe(halfOf(key, customer) === 0 ? 'default' : urgent)
        }
        const rows = (await exposuresOf(key)).filter((row) => row.unit.startsWith('customer:crm-subject-'))
        expect(rows).toHaveLength(4)
        expect(rows.every((row) => row.channel === 'email')).toBe(true)
      })

      it('gives every screen of a store the same arm, one exposure per store', async () => {
        const screenBlock = await blockVariants('Screen welcome')
        const key = 'screen-per-store'
        const variant = Object.values(screenBlock.variants)[0]!
        await live(createExperiment(key, { block: screenBlock.id, unit: 'store', channels: ['screen'], arms: [{ variant: 'default', weight: 50 }, { variant, weight: 50 }] }))
        const stores = ['paris-rivoli', 'lyon-bellecour', 'bordeaux-sainte-catherine', 'montreal-saint-denis']
        for (const store of stores) {
          const served = new Set<string | undefined>()
          for (const screen of ['a', 'b', 'c']) served.add(servedVariant(await render(`/api/render/store-screen?store=${store}&visitor=screen-${store}-${screen}`), screenBlock.id))
          expect([...served]).toEqual([halfOf(key, store) === 0 ? 'default' : variant])
        }
        const rows = await exposuresOf(key)
        expect(rows.map((row) => [row.unit, row.count]).sort()).toEqual(stores.map((store) => [`store:${store}`, 3]).sort())
      })

      it('serves a shipped experiment’s arm to everyone in scope, to a shared cache', async () => {
        const cta = await blockVariants('Shop the collection')
        const shipped = await live(createExperiment('cta-shipped', { block: cta.id, arms: [{ variant: 'default', weight: 50 }, { variant: cta.variants['Weekend'], weight: 50 }] }))
        await live(update(shipped.id, { status: 'shipped', shippedArm: cta.variants['Weekend'] }))
        // On a Wednesday, when only the shipping explains the Weekend arm.
        const wednesday = `/api/render/home?at=${encodeURIComponent('2026-12-02T12:00:00+01:00')}`
        expect(servedVariant(await render(wednesday), cta.id)).toBe(cta.variants['Weekend'])
        const anonymous = await render('/api/render/home', { key: null })
        expect(servedVariant(anonymous, cta.id)).toBe(cta.variants['Weekend'])
        expect(anonymous.headers.get('cache-control')).toMatch(/^public/)
        await live(update(shipped.id, { status: 'stopped' }))
        expect(servedVariant(await render(wednesday), cta.id)).toBe('default')
      })

      it(`never leaves more than ${EXPOSURE_MAX_LOSS} exposures unwritten, so a crash loses at most that many`, async () => {
        const at = new Date().toISOString()
        const exposure = (i: number): Exposure => ({ experiment: 'crash-bound', phase: 1, arm: 'default', unitKind: 'store', unitId: `store-${i}`, channel: 'screen', locale: 'en', segment: 'none', at })
        let highest = 0
        const recording = Array.from({ length: 1500 }, async (_, i) => {
          await recordExposures(payload, [exposure(i)])
          highest = Math.max(highest, unwrittenExposures(payload))
        })
        await Promise.all(recording)
        highest = Math.max(highest, unwrittenExposures(payload))
        // The crash: what is pending is gone; what is being written finishes or not, as it would.
        const lost = dropUnwrittenExposures(payload)
        await flushExposures(payload)
        const stored = (await payload.count({ collection: 'experiment-exposures', where: { experiment: { equals: 'crash-bound' } } })).totalDocs
        expect(highest).toBeLessThanOrEqual(EXPOSURE_MAX_LOSS)
        expect(1500 - stored).toBe(lost)
        expect(lost).toBeLessThanOrEqual(EXPOSURE_MAX_LOSS)
      })
    })

    describe('results', () => {
      const KEY_RESULTS = 'linen-results'
      let linen: { id: Id; variants: Record<string, string> }
      const customers = Array.from({ length: 60 }, (_, i) => `crm-results-${i}`)
      const npsScore = (customer: string, i: number) => (halfOf(KEY_RESULTS, customer) === 1 ? 10 : i % 4 === 0 ? 3 : 8)
      const results = (query = '', key: string | null = KEY) =>
        handleExperimentResults(payload, new Request(`${BASE}/api/experiments/${KEY_RESULTS}/results${query}`, { headers: key ? { authorization: `Bearer ${key}` } : {} }), KEY_RESULTS)

      beforeAll(async () => {
        linen = await blockVariants('Product: amber candle')
        await live(
          createExperiment(KEY_RESULTS, {
            block: linen.id,
            minimumUnitsPerArm: 10,
            arms: [{ variant: 'default', weight: 50 }, { variant: Object.values(linen.variants)[0], weight: 50 }],
            secondaryMetrics: [
              { label: 'Revenue', kind: 'mean', eventType: 'conversion', eventName: 'purchase', windowDays: 7 },
              { label: 'NPS', kind: 'nps', windowDays: 7 },
            ],
          }),
        )
        for (const customer of customers) await render(`/api/render/home?customer=${customer}&consent=analytics`)
        await flushExposures(payload)
        // Every treated customer buys (for 30), one control customer in three does (for 10); one buys outside the metric (a newsletter signup).
        // One customer in two answers the NPS survey: treated ones 10, control ones 3 or 8 (npsScore below); one in five declines it.
        const events = customers.flatMap((customer, i) => {
          const treated = halfOf(KEY_RESULTS, customer) === 1
          const buys = treated || i % 3 === 0
          const survey = (outcome: string, score?: number) => ({
            idempotencyKey: newIdempotencyKey(),
            type: 'form_answer',
            name: 'survey:nps',
            customer,
            traits: score === undefined ? {} : { nps: String(score) },
            properties: { question: 'nps', outcome, ...(score === undefined ? {} : { score }), channel: 'web' },
          })
          return [
            { idempotencyKey: newIdempotencyKey(), type: 'consent_change', customer, consents: { analytics: true, personalization: true } },
            ...(buys ? [{ idempotencyKey: newIdempotencyKey(), type: 'conversion', name: 'purchase', customer, properties: { value: treated ? 30 : 10 } }] : []),
            { idempotencyKey: newIdempotencyKey(), type: 'conversion', name: 'signup', customer },
            ...(i % 2 === 0 ? [survey('answered', npsScore(customer, i))] : i % 5 === 0 ? [survey('declined')] : []),
          ]
        })
        const response = await handleEventsRequest(
          payload,
          new Request(`${BASE}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ events }) }),
        )
        expect(response.status).toBe(200)
      })

      it('counts units per arm and conversions within the window, from the database', async () => {
        const response = await results()
        expect(response.status).toBe(200)
        expect(response.headers.get('cache-control')).toBe('private, no-store')
        const body = (await response.json()) as ExperimentResults
        const treated = customers.filter((customer) => halfOf(KEY_RESULTS, customer) === 1)
        const control = customers.filter((customer) => halfOf(KEY_RESULTS, customer) === 0)
        const [purchases, revenue] = body.metrics
        expect(purchases!.statistics.arms.map((arm) => arm.units)).toEqual([control.length, treated.length])
        const controlBuyers = control.filter((customer) => customers.indexOf(customer) % 3 === 0).length
        expect(purchases!.statistics.arms[0]!.mean).toBeCloseTo(controlBuyers / control.length, 10)
        expect(purchases!.statistics.arms[1]!.mean).toBe(1)
        expect(revenue!.statistics.arms[1]!.mean).toBe(30)
        expect(revenue!.statistics.arms[0]!.mean).toBeCloseTo((10 * controlBuyers) / control.length, 10)
        const comparison = purchases!.statistics.arms[1]!.comparison!
        expect(comparison.estimable && comparison.effect).toBeGreaterThan(0)
        expect(purchases!.statistics.health.sampleRatio.mismatch).toBe(false)
        expect(purchases!.statistics.health.multipleExposures).toMatchObject({ units: 0, tooMany: false })
        expect(body.sampleProgress).toMatchObject({ minimumUnitsPerArm: 10, smallestArm: Math.min(control.length, treated.length) })
      })

      it('measures the NPS of each arm’s respondents as a metric, in points against control', async () => {
        const body = (await (await results()).json()) as ExperimentResults
        const nps = body.metrics.find((entry) => entry.metric.kind === 'nps')!
        const respondents = (arm: 0 | 1) => customers.filter((customer, i) => i % 2 === 0 && halfOf(KEY_RESULTS, customer) === arm)
        const npsOf = (scores: number[]) => (100 * (scores.filter((score) => score >= 9).length - scores.filter((score) => score <= 6).length)) / scores.length
        const [control, treated] = [respondents(0), respondents(1)]
        expect(nps.statistics.scale).toBe('absolute')
        expect(nps.statistics.arms.map((arm) => arm.units)).toEqual([control.length, treated.length])
        expect(nps.statistics.arms[0]!.mean).toBeCloseTo(npsOf(control.map((customer) => npsScore(customer, customers.indexOf(customer)))), 10)
        expect(nps.statistics.arms[1]!.mean).toBe(100)
        const comparison = nps.statistics.arms[1]!.comparison!
        expect(comparison.estimable && comparison.effect).toBeCloseTo(100 - nps.statistics.arms[0]!.mean, 10)
      })

      it('tells other systems of each survey answer, with its score and context, and not of declines', async () => {
        const { docs } = await payload.find({ collection: 'outbox-messages', where: { type: { equals: 'survey.answered' } }, pagination: false, overrideAccess: true })
        const messages = (docs as unknown as { data: { person: { customerId?: string; email?: string }; survey: string; score: number; channel: string } }[]).filter((message) =>
          customers.includes(message.data.person.customerId ?? ''),
        )
        expect(messages).toHaveLength(customers.filter((_, i) => i % 2 === 0).length)
        const first = messages.find((message) => message.data.person.customerId === customers[0])!
        expect(first.data).toMatchObject({ survey: 'nps', score: npsScore(customers[0]!, 0), channel: 'web' })
        expect(first.data.person.email).toBeUndefined()
      })

      it('gets the same numbers through Payload’s API (the way on MongoDB) as from the SQL', async () => {
        const doc = (await findExperiment(payload, KEY_RESULTS))!
        const strip = ({ computedInMs: _, ...rest }: ExperimentResults) => rest
        for (const breakdown of [undefined, 'channel-segment', 'locale'] as const) {
          const options = breakdown ? { breakdown } : {}
          const viaSql = strip(await experimentResults(payload, doc, options))
          expect(viaSql.metrics.map((entry) => entry.statistics.arms.reduce((sum, arm) => sum + arm.units, 0))).not.toContain(0)
          expect(strip(await experimentResults(payload, doc, options, 'payload-api'))).toEqual(viaSql)
        }
      })

      it('breaks the primary metric down by channel × segment', async () => {
        const body = (await (await results('?breakdown=channel-segment')).json()) as ExperimentResults
        expect(body.breakdown!.by).toBe('channel-segment')
        expect(body.breakdown!.slices.map((slice) => slice.value.split(' × ')[0])).toContain('web')
      })

      it('refuses the public and a bad query with a clear 4xx', async () => {
        expect((await results('', null)).status).toBe(401)
        const bad = await results('?breakdown=colour')
        expect(bad.status).toBe(400)
        expect(((await bad.json()) as { error: { issues: { path: string }[] } }).error.issues[0]!.path).toBe('breakdown')
        const missing = await handleExperimentResults(payload, new Request(`${BASE}/api/experiments/nope/results`, { headers: { authorization: `Bearer ${KEY}` } }), 'nope')
        expect(missing.status).toBe(404)
      })

      it('exports exposures as CSV and NDJSON with the warehouse columns', async () => {
        const exported = (format: string) =>
          handleExposureExport(payload, new Request(`${BASE}/api/experiments/${KEY_RESULTS}/exposures?format=${format}`, { headers: { authorization: `Bearer ${KEY}` } }), KEY_RESULTS)
        const csv = await (await exported('csv')).text()
        const lines = csv.trim().split('\r\n')
        expect(lines[0]).toBe('timestamp,unit_id,experiment_key,arm,channel,phase,exposures')
        expect(lines).toHaveLength(customers.length + 1)
        const ndjson = (await (await exported('ndjson')).text()).trim().split('\n').map((line) => JSON.parse(line))
        expect(ndjson).toHaveLength(customers.length)
        expect(ndjson[0]).toMatchObject({ experiment_key: KEY_RESULTS, channel: 'web', phase: 1, unit_id: expect.stringMatching(/^customer:crm-results-/) })
      })
    })
  })
}
