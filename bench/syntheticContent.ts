/**
 * A synthetic but realistic workload, deterministic (seeded): segments with
 * 2–6 conditions, blocks with variants by tone, length, channel, audience and
 * window, two locales. Shapes are Payload documents, as read with locale "all".
 */
import type { BlockDoc, SegmentDoc } from '../delivery/snapshot'

/** Mulberry32: a tiny seeded PRNG, so every run measures the same content. */
export function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TONES = ['formal', 'friendly', 'playful', 'urgent']
const LENGTHS = ['short', 'medium', 'long'] as const
const CHANNELS = ['web', 'email', 'screen'] as const
const CITIES = ['Paris', 'Lyon', 'Bordeaux', 'Lille', 'Nantes', 'Marseille']
const TIERS = ['bronze', 'silver', 'gold', 'platinum']

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)]!

export type SyntheticCondition = { attribute: string; trait?: string; operator: string; value?: string; values?: string[]; valueTo?: string }

export function syntheticCondition(next: () => number): SyntheticCondition {
  switch (Math.floor(next() * 8)) {
    case 0:
      return { attribute: 'trait', trait: 'loyaltyTier', operator: 'equals', value: pick(next, TIERS) }
    case 1:
      return { attribute: 'trait', trait: 'visits', operator: pick(next, ['gte', 'lt']), value: String(1 + Math.floor(next() * 10)) }
    case 2:
      return { attribute: 'city', operator: 'in', values: [pick(next, CITIES), pick(next, CITIES)] }
    case 3:
      return { attribute: 'daypart', operator: 'equals', value: pick(next, ['morning', 'afternoon', 'evening', 'night']) }
    case 4:
      return { attribute: 'weekday', operator: 'in', values: ['sat', 'sun'] }
    case 5:
      return { attribute: 'country', operator: 'equals', value: pick(next, ['FR', 'BE', 'CH', 'GB']) }
    case 6:
      return { attribute: 'trait', trait: 'interests', operator: 'contains', value: pick(next, ['candles', 'linen', 'ceramics']) }
    default:
      return { attribute: 'device', operator: 'equals', value: pick(next, ['mobile', 'desktop']) }
  }
}

export function syntheticSegments(count: number, seed = 1): (SegmentDoc & { name: string })[] {
  const next = random(seed)
  return Array.from({ length: count }, (_, index) => ({
    id: `seg${index}`,
    slug: `segment-${index}`,
    name: `Segment ${index}`,
    priority: Math.floor(next() * 200) - 50,
    rules: {
      match: next() < 0.7 ? 'all' : 'any',
      conditions: Array.from({ length: 2 + Math.floor(next() * 5) }, () => syntheticCondition(next)),
      groups: [],
    },
  }))
}

const paragraph = (text: string) => ({
  root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text, format: 0 }] }] },
})

/**
 * A block with `variants` variants. `audience` picks segment ids for about
 * half of the variants; the rest are for everyone, by channel or tone.
 */
export function syntheticBlock(index: number, variants: number, segmentIds: string[], next: () => number): BlockDoc & { name: string } {
  return {
    id: `block${index}`,
    name: `Block ${index}`,
    kind: pick(next, ['hero', 'text', 'offer', 'cta', 'product'] as const),
    tone: pick(next, TONES),
    length: pick(next, LENGTHS),
    updatedAt: '2026-11-01T00:00:00.000Z',
    content: {
      headline: { en: `Headline ${index}`, fr: `Titre ${index}` },
      body: { en: paragraph(`Body of block ${index}.`), fr: paragraph(`Texte du bloc ${index}.`) },
      cta: { label: { en: 'Shop now', fr: 'Acheter' }, url: `/products/${index}` },
    },
    variants: Array.from({ length: variants }, (_, v) => {
      const targeted = next() < 0.5
      return {
        id: `block${index}-v${v}`,
        label: `Variant ${v}`,
        tone: pick(next, TONES),
        length: pick(next, LENGTHS),
        channels: next() < 0.4 ? [pick(next, CHANNELS)] : [],
        audience: targeted ? [pick(next, segmentIds)] : [],
        ...(next() < 0.1 ? { activeFrom: '2026-01-01T00:00:00.000Z', activeTo: '2027-12-31T00:00:00.000Z' } : {}),
        content: {
          headline: { en: `Variant ${v} of ${index}`, ...(next() < 0.9 ? { fr: `Variante ${v} de ${index}` } : {}) },
        },
      }
    }),
  }
}
