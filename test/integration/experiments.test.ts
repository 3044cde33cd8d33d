/**
 * Experiments end to end on the demo content, on a real database: the
 * collection's lifecycle (one live experiment per scope, phases, history),
 * the compiled snapshot, assignment in the decision, exposures and results.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { deliveryIdle } from '../../delivery/snapshot'
import { databasesUnderTest, startDemo, type TestPayload } from './harness'

const KEY = 'tsk_integration_experiments_key_0123456789abcd'

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
            { variant: heroVariants['First visit'], weight: 50 },
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

    beforeAll(async () => {
      t = await startDemo(database, KEY)
      payload = t.payload
      const hero = await blockVariants('Home hero')
      heroId = hero.id
      heroVariants = hero.variants
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
        const changed = await update(experiment.id, { arms: [{ variant: 'default', weight: 20 }, { variant: heroVariants['First visit'], weight: 80 }] })
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
  })
}
