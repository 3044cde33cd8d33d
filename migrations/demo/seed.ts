/**
 * Seeds the Maison Lumen demo into an empty database: users, an API key,
 * images, segments, blocks and the home / newsletter / store-screen pages.
 * Runs when TESSERA_SEED_DEMO=1 (npm run demo sets it) and does nothing if the
 * database already holds users or pages.
 */
import type { Payload } from 'payload'

import { DEMO_BLOCKS, DEMO_LISTS, DEMO_PAGES, DEMO_SEGMENTS, DEMO_STORES, type Localized } from './content'
import { seedDemoExperiments } from './experiments'
import { DEMO_IMAGES, rasterize } from './images'
import { DEMO_STANDARDS } from './standards'
import { DEMO_PROFILING_SEGMENTS, seedProfiling, seedSurveyAnswers } from './profiling'

export const DEMO_DEFAULTS = {
  adminEmail: 'admin@example.com',
  editorEmail: 'editor@example.com',
  reviewerEmail: 'reviewer@example.com',
  password: 'tessera-demo',
} as const

export type DemoCredentials = { adminEmail: string; editorEmail: string; reviewerEmail: string; password: string; apiKey?: string }

export function demoCredentials(env: NodeJS.ProcessEnv = process.env): DemoCredentials {
  return {
    adminEmail: env.DEMO_ADMIN_EMAIL || DEMO_DEFAULTS.adminEmail,
    editorEmail: env.DEMO_EDITOR_EMAIL || DEMO_DEFAULTS.editorEmail,
    reviewerEmail: env.DEMO_REVIEWER_EMAIL || DEMO_DEFAULTS.reviewerEmail,
    password: env.DEMO_ADMIN_PASSWORD || DEMO_DEFAULTS.password,
    apiKey: env.DEMO_API_KEY || undefined,
  }
}

type Locale = 'en' | 'fr'

function isLocalized(value: unknown): value is Localized {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 2 &&
    'en' in value &&
    'fr' in value
  )
}

/** Replaces every { en, fr } pair with the string (or rich text) of one locale. */
function inLocale<T>(value: T, locale: Locale): unknown {
  if (isLocalized(value)) return value[locale]
  if (Array.isArray(value)) return value.map((item) => inLocale(item, locale))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inLocale(item, locale)]))
  }
  return value
}

/**
 * Copies array row ids from the stored document into new data, so that an
 * update in another locale fills the same rows instead of replacing them.
 */
function withRowIds(data: unknown, stored: unknown): unknown {
  if (Array.isArray(data) && Array.isArray(stored)) {
    return data.map((row, index) => {
      const storedRow = stored[index] as Record<string, unknown> | undefined
      const merged = withRowIds(row, storedRow)
      return storedRow && typeof merged === 'object' && merged && 'id' in storedRow ? { ...merged, id: storedRow.id } : merged
    })
  }
  if (typeof data === 'object' && data !== null && typeof stored === 'object' && stored !== null && !('root' in data)) {
    return Object.fromEntries(
      Object.entries(data).map(([key, value]) => [key, withRowIds(value, (stored as Record<string, unknown>)[key])]),
    )
  }
  return data
}

type Ref = number | string

async function createBilingual(
  payload: Payload,
  collection: 'segments' | 'blocks' | 'pages' | 'consent-purposes' | 'questions' | 'interest-scores',
  localizedData: Record<string, unknown>,
): Promise<Ref> {
  const created = await payload.create({
    collection,
    locale: 'en',
    data: inLocale(localizedData, 'en') as never,
    overrideAccess: true,
  })
  const stored = await payload.findByID({ collection, id: created.id, locale: 'en', depth: 0, overrideAccess: true })
  await payload.update({
    collection,
    id: created.id,
    locale: 'fr',
    data: withRowIds(inLocale(localizedData, 'fr'), stored) as never,
    overrideAccess: true,
  })
  return created.id
}

export async function isDatabaseEmpty(payload: Payload): Promise<boolean> {
  const [users, pages] = await Promise.all([
    payload.count({ collection: 'users', overrideAccess: true }),
    payload.count({ collection: 'pages', overrideAccess: true }),
  ])
  return users.totalDocs === 0 && pages.totalDocs === 0
}

export async function seedDemo(payload: Payload, credentials = demoCredentials()): Promise<{ apiKey: string } | undefined> {
  if (!(await isDatabaseEmpty(payload))) {
    payload.logger.info('Demo content: the database already has users or pages; not seeding.')
    return undefined
  }
  payload.logger.info('Demo content: seeding Maison Lumen into the empty database…')

  for (const [email, role, name] of [
    [credentials.adminEmail, 'admin', 'Demo admin'],
    [credentials.editorEmail, 'editor', 'Demo editor'],
    [credentials.reviewerEmail, 'reviewer', 'Demo reviewer'],
  ] as const) {
    await payload.create({ collection: 'users', data: { email, password: credentials.password, role, name }, overrideAccess: true })
  }

  const key = await payload.create({
    collection: 'api-keys',
    data: { name: 'Demo render and events key', scopes: ['render', 'events'], secret: credentials.apiKey },
    overrideAccess: true,
  })
  const apiKey = (key as unknown as { secret: string }).secret

  const media = new Map<string, Ref>()
  for (const image of DEMO_IMAGES) {
    const data = await rasterize(image)
    const doc = await payload.create({
      collection: 'media',
      locale: 'en',
      data: { alt: image.alt.en },
      file: { data, mimetype: 'image/jpeg', name: `${image.key}.jpg`, size: data.length },
      overrideAccess: true,
    })
    await payload.update({ collection: 'media', id: doc.id, locale: 'fr', data: { alt: image.alt.fr }, overrideAccess: true })
    media.set(image.key, doc.id)
  }

  for (const store of DEMO_STORES) {
    await payload.create({ collection: 'stores', data: { ...store }, overrideAccess: true })
  }
  for (const list of DEMO_LISTS) await createBilingual(payload, 'consent-purposes', { ...list })
  const { docs: purposes } = await payload.find({ collection: 'consent-purposes', depth: 0, pagination: false, overrideAccess: true })
  const purposeId = (slug: string) => purposes.find((purpose) => purpose.slug === slug)?.id

  const segments = new Map<string, Ref>()
  for (const segment of [...DEMO_SEGMENTS, ...DEMO_PROFILING_SEGMENTS]) {
    segments.set(segment.slug, await createBilingual(payload, 'segments', segment))
  }
  const audience = (slugs: string[] | undefined) => (slugs ?? []).map((slug) => segments.get(slug)!)
  const withMedia = <T extends { image?: string }>(content: T) => ({
    ...content,
    image: content.image ? media.get(content.image) : undefined,
  })

  const blocks = new Map<string, Ref>()
  for (const block of DEMO_BLOCKS) {
    const id = await createBilingual(payload, 'blocks', {
      name: block.name,
      kind: block.kind,
      tone: block.tone,
      length: block.length,
      content: withMedia(block.content),
      variants: block.variants.map((variant) => ({
        ...variant,
        channels: variant.channels ?? [],
        audience: audience(variant.audience),
        content: withMedia(variant.content),
      })),
      _status: 'published',
    })
    blocks.set(block.key, id)
  }

  const askBlocks = await seedProfiling(payload, (collection, data) => createBilingual(payload, collection, data), purposeId)
  for (const [key, id] of askBlocks) blocks.set(key, id)

  for (const page of DEMO_PAGES) {
    await createBilingual(payload, 'pages', {
      slug: page.slug,
      title: page.title,
      channel: page.channel,
      slots: page.slots.map((key) => ({ block: blocks.get(key)! })),
      ...(page.email
        ? {
            email: {
              ...page.email,
              list: purposeId(page.email.list),
              tone: 'friendly',
              length: 'medium',
              variants: page.email.variants.map((variant) => ({ ...variant, audience: audience(variant.audience) })),
            },
          }
        : {}),
      ...(page.screen ? { screen: page.screen } : {}),
      _status: 'published',
    })
  }

  const newsletter = await payload.find({ collection: 'pages', where: { slug: { equals: 'newsletter' } }, depth: 0, limit: 1, overrideAccess: true })
  await seedDemoExperiments(payload, { hero: blocks.get('home-hero')!, newsletter: newsletter.docs[0]!.id, campaign: segments.get('welcome-campaign')! })
  const { docs: surveys } = await payload.find({ collection: 'questions', where: { type: { in: ['nps', 'ces'] } }, depth: 0, pagination: false, overrideAccess: true })
  const surveyId = (type: string) => surveys.find((question) => question.type === type)!.id
  const manifestPurposes = purposes.map((purpose) => ({ slug: purpose.slug, kind: purpose.kind, paid: Boolean(purpose.paid), name: {}, description: {} }))
  await seedSurveyAnswers(payload, { nps: surveyId('nps'), ces: surveyId('ces') }, manifestPurposes)

  // Standards come last: what was seeded above was written to meet them.
  for (const standard of DEMO_STANDARDS) await payload.create({ collection: 'standards', data: standard, overrideAccess: true })

  const banner = [
    '',
    '──────────────────────────────────────────────────────────────',
    ' Tessera demo seeded (Maison Lumen)',
    `   admin     ${credentials.adminEmail} / ${credentials.password}`,
    `   editor    ${credentials.editorEmail} / ${credentials.password}`,
    `   reviewer  ${credentials.reviewerEmail} / ${credentials.password}`,
    credentials.apiKey
      ? '   API key   the value of DEMO_API_KEY'
      : `   API key   ${apiKey}\n             (shown once: only its digest is stored; set DEMO_API_KEY to choose it)`,
    '──────────────────────────────────────────────────────────────',
    '',
  ].join('\n')
  console.log(banner)
  return { apiKey }
}
