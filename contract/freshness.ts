/**
 * How long a decision stays the same for the same request: until the next
 * instant at which the clock could change it. A page whose segments read the
 * visitor's clock (daypart, weekday, date, time) can change at the next
 * minute (local time moves in whole minutes in every zone in use); a variant
 * or subject with a schedule at its start or end; an experiment at its start
 * or end. Until then, the same snapshot and the same request decide alike, so
 * a response a shared cache may store can be served again byte for byte.
 */
import type { DeliveryManifest, PageBundle, RuleAttribute } from '../engine'
import { attributesReadBy } from './respond'

const CLOCK: ReadonlySet<RuleAttribute> = new Set(['daypart', 'weekday', 'date', 'time'])
const MINUTE = 60_000

type Timeline = { readsClock: boolean; instants: number[] }

const timelines = new WeakMap<DeliveryManifest, WeakMap<PageBundle, Timeline>>()

function timelineOf(manifest: DeliveryManifest, bundle: PageBundle): Timeline {
  let byBundle = timelines.get(manifest)
  if (!byBundle) timelines.set(manifest, (byBundle = new WeakMap()))
  let timeline = byBundle.get(bundle)
  if (!timeline) {
    const instants: number[] = []
    const scheduled = (item: { activeFrom?: number; activeTo?: number }) => {
      if (item.activeFrom !== undefined) instants.push(item.activeFrom)
      if (item.activeTo !== undefined) instants.push(item.activeTo)
    }
    for (const block of Object.values(bundle.blocks)) for (const variant of block.variants) scheduled(variant)
    for (const variant of bundle.email?.variants ?? []) scheduled(variant)
    for (const scoped of manifest.experiments ?? []) {
      if (scoped.startAt !== undefined) instants.push(scoped.startAt)
      if (scoped.endAt !== undefined) instants.push(scoped.endAt)
    }
    const readsClock = [...attributesReadBy(manifest, bundle)].some((attribute) => CLOCK.has(attribute))
    timeline = { readsClock, instants: instants.sort((a, b) => a - b) }
    byBundle.set(bundle, timeline)
  }
  return timeline
}

/** The first instant after `now` (epoch ms) at which a decision of this page, for the same request, could differ. */
export function decisionStableUntil(manifest: DeliveryManifest, bundle: PageBundle, now: number): number {
  const { readsClock, instants } = timelineOf(manifest, bundle)
  let until = readsClock ? (Math.floor(now / MINUTE) + 1) * MINUTE : Number.POSITIVE_INFINITY
  for (const instant of instants) {
    if (instant > now) {
      until = Math.min(until, instant)
      break
    }
  }
  return until
}
