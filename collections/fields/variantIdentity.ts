/**
 * What makes a variant distinct: its tone, length, channels and audience.
 * A variant identical to the default content on all of them would never be
 * chosen over it; two identical variants would be chosen between arbitrarily
 * (unless their active windows never overlap, as with seasonal copy).
 */
import { CHANNELS } from '../../engine/axes'

export type VariantAxesDraft = {
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

/** The row index within `arrayName` in a field path such as ['variants', '2', 'tone']. */
export function rowIndexIn(path: readonly (number | string)[], arrayName: string): number | undefined {
  const at = path.lastIndexOf(arrayName)
  const index = Number(path[at + 1])
  return at >= 0 && Number.isInteger(index) ? index : undefined
}
