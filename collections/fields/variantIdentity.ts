/**
 * What makes a variant distinct: its tone, length, channels and audience.
 * A variant identical to the default content on all of them would never be
 * chosen over it; two identical variants would be chosen between arbitrarily
 * (unless their active windows never overlap, as with seasonal copy).
 */
import type { Validate } from 'payload'

import { CHANNELS } from '../../engine'

export type VariantAxesDraft = {
  id?: null | string
  label?: null | string
  tone?: null | string
  length?: null | string
  channels?: null | string[]
  audience?: null | (number | string | { id: number | string })[]
  activeFrom?: null | string
  activeTo?: null | string
}

export type BlockAxesDraft = { tone?: null | string; length?: null | string }

function normalizedChannels(channels: VariantAxesDraft['channels']): string {
  const chosen = [...new Set(channels ?? [])].sort()
  return chosen.length === 0 || chosen.length === CHANNELS.length ? '*' : chosen.join(',')
}

function normalizedAudience(audience: VariantAxesDraft['audience']): string {
  return (audience ?? [])
    .map((member) => String(typeof member === 'object' && member ? member.id : member))
    .sort()
    .join(',')
}

function identity(variant: VariantAxesDraft): string {
  return [variant.tone ?? '', variant.length ?? '', normalizedChannels(variant.channels), normalizedAudience(variant.audience)].join('|')
}

function windowsOverlap(a: VariantAxesDraft, b: VariantAxesDraft): boolean {
  const start = (v: VariantAxesDraft) => (v.activeFrom ? Date.parse(v.activeFrom) : -Infinity)
  const end = (v: VariantAxesDraft) => (v.activeTo ? Date.parse(v.activeTo) : Infinity)
  return start(a) < end(b) && start(b) < end(a)
}

const describe = (variant: VariantAxesDraft, index: number) =>
  variant.label ? `variant ${index + 1} (“${variant.label}”)` : `variant ${index + 1}`

/** Why the variant at `index` is not distinct, or true. */
export function checkVariantDistinct(
  defaults: BlockAxesDraft,
  variants: VariantAxesDraft[],
  index: number,
): string | true {
  const variant = variants[index]
  if (!variant) return true
  if (
    identity(variant) ===
    identity({ tone: defaults.tone, length: defaults.length, channels: [], audience: [] })
  ) {
    return 'This variant has the same tone, length, channels and audience as the default content; change at least one of them'
  }
  for (let earlier = 0; earlier < index; earlier++) {
    const other = variants[earlier]!
    if (identity(other) === identity(variant) && windowsOverlap(other, variant)) {
      return `Same tone, length, channels and audience as ${describe(other, earlier)}; change one of them, or give the two non-overlapping active windows`
    }
  }
  return true
}

/** The row index within `arrayName` in a field path such as ['variants', '2', 'tone'] (or 'variants.2.tone'). */
export function rowIndexIn(path: readonly (number | string)[] | string | undefined, arrayName: string): number | undefined {
  const segments = typeof path === 'string' ? path.split('.') : (path ?? [])
  const at = segments.lastIndexOf(arrayName)
  const index = Number(segments[at + 1])
  return at >= 0 && Number.isInteger(index) ? index : undefined
}

/**
 * Which row of `variants` a field validate is checking. Payload calls a field's
 * validate in two ways: on submit with the field's `path` (['variants', '2',
 * 'tone']), and when it builds the admin's form state (after a failed submit,
 * on every change) with no `path` at all, only the row itself as `siblingData`.
 * Then the row is found among `variants` by reference or by its id.
 */
export function variantRowIndex(
  options: { path?: readonly (number | string)[] | string; siblingData?: unknown },
  variants: readonly (null | undefined | VariantAxesDraft)[],
  arrayName = 'variants',
): number | undefined {
  const fromPath = rowIndexIn(options.path, arrayName)
  if (fromPath !== undefined) return fromPath
  const row = options.siblingData
  if (!row || typeof row !== 'object') return undefined
  const byReference = variants.indexOf(row as VariantAxesDraft)
  if (byReference >= 0) return byReference
  const id = (row as VariantAxesDraft).id
  const byId = id == null ? -1 : variants.findIndex((variant) => variant?.id === id)
  return byId >= 0 ? byId : undefined
}

/**
 * The validate of a variant's tone field (the first axis an editor would
 * change): a tone is required, and the variant must be distinct. `documentOf`
 * picks, from the document being validated, the part that holds the default
 * tone and length and the `variants` array (the block itself, a page's email).
 */
export function validateDistinctVariant(
  documentOf: (data: unknown) => (BlockAxesDraft & { variants?: null | VariantAxesDraft[] }) | null | undefined,
): Validate {
  return (value, options) => {
    if (!value) return 'Choose a tone for this variant'
    const doc = documentOf(options.data) ?? {}
    const variants = doc.variants ?? []
    const index = variantRowIndex(options, variants)
    return index === undefined ? true : checkVariantDistinct(doc, variants, index)
  }
}
