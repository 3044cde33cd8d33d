/** Small builders for compiled snapshot parts, so engine tests read like specifications. */
import { type CompiledBlock, type CompiledCondition, type CompiledSegment, type CompiledVariant, decisionContext, type DecisionContext, type DeliveryManifest, type Length, type PageBundle, type RenderContext } from '../../engine'

export function segment(id: string, priority: number, conditions: CompiledCondition[], extra: Partial<CompiledSegment> = {}): CompiledSegment {
  return {
    id,
    slug: id,
    priority,
    personal: conditions.some((condition) => condition.attribute === 'trait' || condition.attribute === 'consent'),
    rule: { match: 'all', conditions, groups: [] },
    ...extra,
  }
}

export function variant(id: string, extra: Partial<CompiledVariant> = {}): CompiledVariant {
  return {
    id,
    label: id,
    tone: 'formal',
    length: 'medium',
    channels: [],
    audience: [],
    content: { en: { headline: `${id} (en)` }, fr: { headline: `${id} (fr)` } },
    ...extra,
  }
}

export function block(id: string, variants: CompiledVariant[], extra: Partial<CompiledBlock> = {}): CompiledBlock {
  return {
    id,
    kind: 'hero',
    tone: 'friendly',
    length: 'medium' as Length,
    content: { en: { headline: `${id} default (en)` }, fr: { headline: `${id} default (fr)` } },
    variants,
    updatedAt: 0,
    ...extra,
  }
}

export function page(blocks: CompiledBlock[], extra: Partial<PageBundle> = {}): PageBundle {
  return {
    slug: 'test',
    id: '1',
    channel: 'web',
    title: { en: 'Test', fr: 'Essai' },
    slots: blocks.map((b) => b.id),
    blocks: Object.fromEntries(blocks.map((b) => [b.id, b])),
    media: {},
    ...extra,
  }
}

export function manifest(segments: CompiledSegment[], extra: Partial<DeliveryManifest> = {}): DeliveryManifest {
  return {
    version: 'v1',
    compiler: 1,
    compiledAt: '2026-01-01T00:00:00.000Z',
    defaultLocale: 'en',
    locales: ['en', 'fr'],
    segments: [...segments].sort((a, b) => b.priority - a.priority || (a.slug < b.slug ? -1 : 1)),
    pages: {},
    stores: {},
    purposes: [],
    ...extra,
  }
}

/** A decision context at a fixed instant (a Tuesday, 10:00 UTC), with personalization consent unless stated. */
export function context(input: RenderContext = {}, now = Date.parse('2026-11-24T10:00:00Z')): DecisionContext {
  return decisionContext({ consents: ['personalization'], ...input }, { channel: 'web', locale: 'en', timezone: 'UTC', now })
}
