/**
 * The demo's experiments: the home hero's welcome offer for first visits
 * (10 % off, or free delivery), and the newsletter's subject line (calm, or
 * urgent). `npm run simulate` sends them consented traffic.
 */
import type { Payload } from 'payload'

type Ref = number | string

export const DEMO_EXPERIMENTS = {
  hero: 'home-hero-welcome-offer',
  subject: 'newsletter-subject-line',
} as const

async function variantId(payload: Payload, collection: 'blocks' | 'pages', id: Ref, label: string): Promise<string> {
  const doc = (await payload.findByID({ collection, id, depth: 0, overrideAccess: true })) as { variants?: { id: string; label: string }[]; email?: { variants?: { id: string; label: string }[] } }
  const variants = collection === 'pages' ? (doc.email?.variants ?? []) : (doc.variants ?? [])
  const found = variants.find((variant) => variant.label === label)
  if (!found) throw new Error(`Demo experiments: no variant “${label}”`)
  return found.id
}

export async function seedDemoExperiments(payload: Payload, refs: { hero: Ref; newsletter: Ref; firstVisit: Ref }): Promise<void> {
  await payload.create({
    collection: 'experiments',
    data: {
      key: DEMO_EXPERIMENTS.hero,
      name: 'Home hero: welcome offer for first visits',
      hypothesis: 'Free delivery makes a first visit buy more often than 10 % off.',
      status: 'running',
      scope: 'block',
      block: refs.hero,
      arms: [
        { variant: await variantId(payload, 'blocks', refs.hero, 'First visit'), label: '10 % off', weight: 50 },
        { variant: await variantId(payload, 'blocks', refs.hero, 'First visit, free delivery'), label: 'Free delivery', weight: 50 },
      ],
      coverage: 100,
      unit: 'person',
      purpose: 'analytics',
      audience: [refs.firstVisit],
      channels: ['web'],
      primaryMetric: { label: 'Purchases', kind: 'binomial', eventType: 'conversion', eventName: 'purchase', windowDays: 7, higherIsBetter: true },
      secondaryMetrics: [{ label: 'Revenue per visitor', kind: 'mean', eventType: 'conversion', eventName: 'purchase', windowDays: 7, higherIsBetter: true }],
      minimumUnitsPerArm: 1000,
    } as never,
    overrideAccess: true,
  })
  await payload.create({
    collection: 'experiments',
    data: {
      key: DEMO_EXPERIMENTS.subject,
      name: 'Newsletter: subject line',
      hypothesis: 'An urgent subject line gets more clicks without more unsubscribes.',
      status: 'running',
      scope: 'subject',
      page: refs.newsletter,
      arms: [
        { variant: 'default', label: 'Calm', weight: 50 },
        { variant: await variantId(payload, 'pages', refs.newsletter, 'Urgent'), label: 'Urgent', weight: 50 },
      ],
      coverage: 100,
      unit: 'person',
      purpose: 'analytics',
      channels: ['email'],
      primaryMetric: { label: 'Clicks', kind: 'binomial', eventType: 'click', eventName: 'newsletter', windowDays: 3, higherIsBetter: true },
      minimumUnitsPerArm: 1000,
    } as never,
    overrideAccess: true,
  })
}
