/**
 * The content model, through Payload's Local API on a real database: what an
 * editor can create, what is refused and with which message on which field,
 * localization, roles, drafts, scheduled publishing and API-key storage.
 */
import { createHash } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fieldErrors } from '../support/fieldErrors'
import { databasesUnderTest, startPayload, type TestPayload } from './harness'

const paragraph = (text: string) => ({
  root: {
    type: 'root',
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
    children: [
      {
        type: 'paragraph',
        direction: 'ltr' as const,
        format: '' as const,
        indent: 0,
        version: 1,
        textFormat: 0,
        children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
      },
    ],
  },
})

for (const database of databasesUnderTest()) {
  describe.skipIf(Boolean(database.skipReason))(`content model on ${database.name}`, () => {
    let t: TestPayload
    let payload: Payload
    // Generated types use SQL's numeric ids; MongoDB's are strings at run time.
    let segmentId: number

    beforeAll(async () => {
      t = await startPayload(database)
      payload = t.payload
      const segment = await payload.create({
        collection: 'segments',
        data: {
          name: 'Gold members',
          slug: 'loyal-gold',
          priority: 100,
          rules: { match: 'all', conditions: [{ attribute: 'trait', trait: 'loyaltyTier', operator: 'equals', value: 'gold' }] },
        },
      })
      segmentId = segment.id as number
    })
    afterAll(async () => t?.close())

    describe('blocks', () => {
      it('store default content and variants by tone, length, channel and audience', async () => {
        const block = await payload.create({
          collection: 'blocks',
          data: {
            name: 'Hero',
            kind: 'hero',
            tone: 'friendly',
            length: 'medium',
            content: { headline: 'Light up your evenings', body: paragraph('Hand-poured candles.') },
            variants: [
              { label: 'Gold', tone: 'formal', length: 'medium', audience: [segmentId], content: { headline: 'Welcome back' } },
              { label: 'Screen', tone: 'playful', length: 'short', channels: ['screen'], content: { headline: '−30 %' } },
            ],
            _status: 'published',
          },
        })
        const stored = await payload.findByID({ collection: 'blocks', id: block.id, depth: 0 })
        expect(stored.variants).toHaveLength(2)
        expect(stored.variants?.[0]).toMatchObject({ tone: 'formal', audience: [segmentId], content: { headline: 'Welcome back' } })
        expect(stored.variants?.[1]).toMatchObject({ tone: 'playful', length: 'short', channels: ['screen'] })
        expect(typeof stored.variants?.[0]?.id).toBe('string')
      })

      it('refuse a variant that does not differ from the default content, naming the field', async () => {
        const errors = await fieldErrors(
          payload.create({
            collection: 'blocks',
            data: {
              name: 'Same as default',
              kind: 'text',
              tone: 'friendly',
              length: 'medium',
              content: { body: paragraph('Hello') },
              variants: [{ label: 'Copy', tone: 'friendly', length: 'medium', content: { headline: 'Hi' } }],
            },
          }),
        )
        expect(errors).toEqual([{ label: expect.anything(), path: 'variants.0.tone', message: expect.stringMatching(/same tone, length, channels and audience as the default/) }])
      })

      it('refuse two variants with the same axes and audience', async () => {
        const errors = await fieldErrors(
          payload.create({
            collection: 'blocks',
            data: {
              name: 'Twins',
              kind: 'text',
              tone: 'friendly',
              length: 'medium',
              content: { body: paragraph('Hello') },
              variants: [
                { label: 'Gold A', tone: 'formal', length: 'short', audience: [segmentId], channels: ['web'] },
                { label: 'Gold B', tone: 'formal', length: 'short', audience: [segmentId], channels: ['web'] },
              ],
            },
          }),
        )
        expect(errors.map((error) => error.path)).toEqual(['variants.1.tone'])
        expect(errors[0]?.message).toContain('variant 1 (“Gold A”)')
      })

      it('require the fields a kind needs in the default content, and safe links', async () => {
        const errors = await fieldErrors(
          payload.create({
            collection: 'blocks',
            data: { name: 'Broken CTA', kind: 'cta', tone: 'friendly', length: 'short', content: { cta: { url: 'javascript:alert(1)' } } },
          }),
        )
        expect(errors.map((error) => error.path).sort()).toEqual(['content.cta.label', 'content.cta.url'])
        expect(errors.find((error) => error.path === 'content.cta.url')?.message).toMatch(/https:\/\//)

        // The admin vets links as the compiler and the channels do: "/\\evil.example" opens another site.
        const backslash = await fieldErrors(
          payload.create({
            collection: 'blocks',
            data: { name: 'Sneaky CTA', kind: 'cta', tone: 'friendly', length: 'short', content: { cta: { label: 'Go', url: '/\\evil.example' } } },
          }),
        )
        expect(backslash.map((error) => error.path)).toEqual(['content.cta.url'])

        const image = await fieldErrors(
          payload.create({ collection: 'blocks', data: { name: 'No image', kind: 'image', tone: 'friendly', length: 'short', content: {} } }),
        )
        expect(image).toEqual([expect.objectContaining({ path: 'content.image', message: 'An image is required for an image block' })])
      })

      it('fall back to English where the French text is missing', async () => {
        const block = await payload.create({
          collection: 'blocks',
          locale: 'en',
          data: { name: 'Bilingual', kind: 'text', tone: 'formal', length: 'short', content: { headline: 'Made in France', body: paragraph('Small batches.') } },
        })
        const fallback = await payload.findByID({ collection: 'blocks', id: block.id, locale: 'fr' })
        expect(fallback.content?.headline).toBe('Made in France')

        await payload.update({ collection: 'blocks', id: block.id, locale: 'fr', data: { content: { headline: 'Fabriqué en France' } } })
        const french = await payload.findByID({ collection: 'blocks', id: block.id, locale: 'fr' })
        const english = await payload.findByID({ collection: 'blocks', id: block.id, locale: 'en' })
        expect(french.content?.headline).toBe('Fabriqué en France')
        expect(english.content?.headline).toBe('Made in France')
      })

      it('keep a draft apart from the published version', async () => {
        const block = await payload.create({
          collection: 'blocks',
          data: { name: 'Drafted', kind: 'text', tone: 'friendly', length: 'short', content: { headline: 'Published copy', body: paragraph('x') }, _status: 'published' },
        })
        await payload.update({ collection: 'blocks', id: block.id, draft: true, data: { content: { headline: 'Draft copy' } } })

        const published = await payload.findByID({ collection: 'blocks', id: block.id, draft: false })
        const draft = await payload.findByID({ collection: 'blocks', id: block.id, draft: true })
        expect(published.content?.headline).toBe('Published copy')
        expect(draft.content?.headline).toBe('Draft copy')
        const versions = await payload.findVersions({ collection: 'blocks', where: { parent: { equals: block.id } } })
        expect(versions.totalDocs).toBeGreaterThanOrEqual(2)
      })

      it('publish on schedule', async () => {
        const block = await payload.create({
          collection: 'blocks',
          draft: true,
          data: { name: 'Scheduled', kind: 'text', tone: 'friendly', length: 'short', content: { headline: 'Soon', body: paragraph('x') } },
        })
        expect((await payload.findByID({ collection: 'blocks', id: block.id }))._status).toBe('draft')

        await payload.jobs.queue({
          task: 'schedulePublish',
          input: { type: 'publish', doc: { relationTo: 'blocks', value: block.id } },
          waitUntil: new Date(Date.now() - 1000),
        })
        await payload.jobs.run()
        const after = await payload.findByID({ collection: 'blocks', id: block.id, draft: false })
        expect(after._status).toBe('published')
        expect(after.content?.headline).toBe('Soon')
      })
    })

    describe('segments', () => {
      it('have a unique slug', async () => {
        const errors = await fieldErrors(
          payload.create({
            collection: 'segments',
            data: { name: 'Duplicate', slug: 'loyal-gold', priority: 1, rules: { match: 'all', conditions: [{ attribute: 'city', operator: 'equals', value: 'Lyon' }] } },
          }),
        )
        expect(errors.map((error) => error.path)).toEqual(['slug'])
      })

      it('refuse a malformed slug', async () => {
        const errors = await fieldErrors(
          payload.create({
            collection: 'segments',
            data: { name: 'Bad', slug: 'Loyal Gold!', priority: 1, rules: { match: 'all', conditions: [{ attribute: 'city', operator: 'equals', value: 'Lyon' }] } },
          }),
        )
        expect(errors).toEqual([expect.objectContaining({ path: 'slug', message: expect.stringContaining('lowercase') })])
      })

      it('validate rules with the engine schema and report the exact field', async () => {
        const errors = await fieldErrors(
          payload.create({
            collection: 'segments',
            data: {
              name: 'Evening',
              slug: 'evening',
              priority: 1,
              rules: {
                match: 'all',
                conditions: [
                  { attribute: 'daypart', operator: 'equals', value: 'teatime' },
                  { attribute: 'trait', operator: 'exists' },
                  { attribute: 'country', operator: 'gt', value: 'FR' },
                ],
                groups: [{ match: 'any', conditions: [{ attribute: 'date', operator: 'between', value: '2026-12-01' }] }],
              },
            },
          }),
        )
        expect(errors.map((error) => error.path).sort()).toEqual([
          'rules.conditions.0.value',
          'rules.conditions.1.trait',
          'rules.conditions.2.operator',
          'rules.groups.0.conditions.0.valueTo',
        ])
      })

      it('need at least one condition', async () => {
        const errors = await fieldErrors(
          payload.create({ collection: 'segments', data: { name: 'Everyone', slug: 'everyone', priority: 0, rules: { match: 'all', conditions: [] } } }),
        )
        expect(errors).toEqual([expect.objectContaining({ path: 'rules.conditions', message: expect.stringContaining('at least one condition') })])
      })
    })

    describe('pages', () => {
      it('refuse a slot pointing to a block that does not exist', async () => {
        const errors = await fieldErrors(
          payload.create({ collection: 'pages', data: { title: 'Ghost', slug: 'ghost', channel: 'web', slots: [{ block: (database.name === 'mongodb' ? '0123456789abcdef01234567' : 999999) as number }] } }),
        )
        expect(errors).toEqual([expect.objectContaining({ path: 'slots.0.block' })])
      })

      it('can only be published when every slot shows a published block', async () => {
        const draftBlock = await payload.create({
          collection: 'blocks',
          draft: true,
          data: { name: 'Unpublished', kind: 'text', tone: 'friendly', length: 'short', content: { body: paragraph('x') } },
        })
        const data = { title: 'Landing', slug: 'landing', channel: 'web' as const, slots: [{ block: draftBlock.id }] }
        const draftPage = await payload.create({ collection: 'pages', draft: true, data })
        expect(draftPage.id).toBeDefined()

        const errors = await fieldErrors(payload.update({ collection: 'pages', id: draftPage.id, data: { _status: 'published' } }))
        expect(errors).toEqual([expect.objectContaining({ path: 'slots.0.block', message: expect.stringContaining('“Unpublished” has no published version') })])

        await payload.update({ collection: 'blocks', id: draftBlock.id, data: { _status: 'published' } })
        const published = await payload.update({ collection: 'pages', id: draftPage.id, data: { _status: 'published' } })
        expect(published._status).toBe('published')
      })

      it('need a subject when they are emails, with subject variants like any text', async () => {
        const errors = await fieldErrors(payload.create({ collection: 'pages', data: { title: 'Mail', slug: 'mail', channel: 'email' } }))
        expect(errors).toEqual([expect.objectContaining({ path: 'email.subject' })])

        const duplicate = await fieldErrors(
          payload.create({
            collection: 'pages',
            data: {
              title: 'Mail',
              slug: 'mail',
              channel: 'email',
              email: { subject: 'Hello', tone: 'friendly', length: 'medium', variants: [{ label: 'Same', tone: 'friendly', length: 'medium', subject: 'Hi' }] },
            },
          }),
        )
        expect(duplicate.map((error) => error.path)).toEqual(['email.variants.0.tone'])

        const page = await payload.create({
          collection: 'pages',
          data: {
            title: 'Mail',
            slug: 'mail',
            channel: 'email',
            email: { subject: 'Hello', preheader: 'News', tone: 'friendly', length: 'medium', variants: [{ label: 'Gold', tone: 'formal', length: 'medium', audience: [segmentId], subject: 'Dear member' }] },
          },
        })
        expect(page.email?.variants?.[0]?.subject).toBe('Dear member')
      })

      it('check that a screen orientation matches its resolution', async () => {
        const errors = await fieldErrors(
          payload.create({ collection: 'pages', data: { title: 'Screen', slug: 'screen', channel: 'screen', screen: { resolution: '1080x1920', orientation: 'landscape' } } }),
        )
        expect(errors).toEqual([expect.objectContaining({ path: 'screen.orientation', message: expect.stringContaining('portrait') })])
      })
    })

    describe('roles', () => {
      const users: Record<'admin' | 'editor' | 'reviewer', Record<string, unknown> & { collection: 'users' }> = {} as never

      beforeAll(async () => {
        for (const role of ['admin', 'editor', 'reviewer'] as const) {
          const user = await payload.create({ collection: 'users', data: { email: `${role}@roles.test`, password: 'a-long-password', role } })
          users[role] = { ...user, collection: 'users' }
        }
      })

      const asUser = (role: 'admin' | 'editor' | 'reviewer') => ({ user: users[role], overrideAccess: false })
      const block = { name: 'Role test', kind: 'text' as const, tone: 'friendly' as const, length: 'short' as const, content: { body: paragraph('x') } }

      it('let editors and admins write and publish content, and reviewers only read it', async () => {
        const byEditor = await payload.create({ collection: 'blocks', data: { ...block, _status: 'published' }, ...asUser('editor') })
        expect(byEditor._status).toBe('published')
        await payload.create({ collection: 'blocks', data: block, ...asUser('admin') })

        await expect(payload.create({ collection: 'blocks', data: block, ...asUser('reviewer') })).rejects.toThrow(/not allowed/i)
        await expect(payload.update({ collection: 'blocks', id: byEditor.id, data: { name: 'x' }, ...asUser('reviewer') })).rejects.toThrow(/not allowed/i)
        const read = await payload.findByID({ collection: 'blocks', id: byEditor.id, ...asUser('reviewer') })
        expect(read.name).toBe('Role test')
      })

      it('keep content away from anonymous API callers', async () => {
        await expect(payload.find({ collection: 'blocks', overrideAccess: false })).rejects.toThrow(/not allowed/i)
      })

      it('let only admins manage users and API keys, and nobody promote themselves', async () => {
        await expect(
          payload.create({ collection: 'users', data: { email: 'new@roles.test', password: 'a-long-password', role: 'admin' }, ...asUser('editor') }),
        ).rejects.toThrow(/not allowed/i)
        await expect(payload.create({ collection: 'api-keys', data: { name: 'x', scopes: ['render'] }, ...asUser('editor') })).rejects.toThrow(/not allowed/i)
        await expect(payload.find({ collection: 'api-keys', ...asUser('reviewer') })).rejects.toThrow(/not allowed/i)

        const self = await payload.update({ collection: 'users', id: users.editor.id as number, data: { role: 'admin', name: 'Ed' }, ...asUser('editor') })
        expect(self.role).toBe('editor')
        expect(self.name).toBe('Ed')

        const created = await payload.create({ collection: 'users', data: { email: 'second@roles.test', password: 'a-long-password', role: 'reviewer' }, ...asUser('admin') })
        expect(created.role).toBe('reviewer')
      })
    })

    describe('API keys', () => {
      it('are shown once and stored only as a SHA-256 digest', async () => {
        const created = (await payload.create({ collection: 'api-keys', data: { name: 'Newsletter platform', scopes: ['render', 'events'] } })) as unknown as {
          id: number | string
          secret: string
          hint: string
        }
        expect(created.secret).toMatch(/^tsk_[A-Za-z0-9_-]{43}$/)
        expect(created.hint).toBe(`${created.secret.slice(0, 10)}…`)

        const stored = await payload.findByID({ collection: 'api-keys', id: created.id, showHiddenFields: true })
        expect((stored as unknown as { secret?: string }).secret).toBeUndefined()
        expect(stored.keyHash).toBe(createHash('sha256').update(created.secret).digest('hex'))
        expect(JSON.stringify(stored)).not.toContain(created.secret)

        const visible = await payload.findByID({ collection: 'api-keys', id: created.id })
        expect(visible.keyHash).toBeUndefined()

        const found = await payload.find({ collection: 'api-keys', where: { keyHash: { equals: stored.keyHash } } })
        expect(found.docs.map((doc) => doc.id)).toEqual([created.id])
      })

      it('accept a chosen key, refuse a malformed one, and rotate', async () => {
        const chosen = 'tsk_chosen_key_for_the_store_screens_0123456789'
        const created = (await payload.create({ collection: 'api-keys', data: { name: 'Screens', scopes: ['render'], secret: chosen } })) as unknown as { id: number | string }
        const stored = await payload.findByID({ collection: 'api-keys', id: created.id, showHiddenFields: true })
        expect(stored.keyHash).toBe(createHash('sha256').update(chosen).digest('hex'))

        const errors = await fieldErrors(payload.create({ collection: 'api-keys', data: { name: 'Bad', scopes: ['render'], secret: 'password' } }))
        expect(errors.map((error) => error.path)).toEqual(['secret'])

        const rotated = 'tsk_rotated_key_for_the_store_screens_0123456789'
        await payload.update({ collection: 'api-keys', id: created.id, data: { secret: rotated } })
        const after = await payload.findByID({ collection: 'api-keys', id: created.id, showHiddenFields: true })
        expect(after.keyHash).toBe(createHash('sha256').update(rotated).digest('hex'))
      })

      it('record when a key is revoked', async () => {
        const created = await payload.create({ collection: 'api-keys', data: { name: 'Temp', scopes: ['events'] } })
        const revoked = await payload.update({ collection: 'api-keys', id: created.id, data: { revoked: true } })
        expect(revoked.revokedAt).toBeTruthy()
      })
    })
  })
}
