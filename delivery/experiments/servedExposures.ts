/**
 * Which exposures a served response records. Only enrolled units, and only
 * when content actually reached them: never an editor's preview (an admin
 * session), never a render marked `preview`, never when a keyed caller says
 * `exposure=0` (its own test sends), and for email only a render for a
 * recipient by the email platform's API key (a template fetch reaches no one).
 */
import type { Channel, ExperimentOutcome } from '../../engine'
import type { Exposure } from './exposureRecorder'

export type ServedDecision = {
  outcomes: readonly ExperimentOutcome[] | undefined
  caller: 'public' | 'api-key' | 'editor'
  preview: boolean
  /** A keyed caller's `exposure=0`. */
  exposureOff: boolean
  /** The email names its recipient (customer, visitor or email). */
  addressed: boolean
  channel: Channel
  locale: string
  segment?: string
  store?: string
  profile?: string
  /** The person is hashed on a customer id (else a visitor id). */
  byCustomer: boolean
  at: string
}

export function servedExposures(served: ServedDecision): Exposure[] {
  if (!served.outcomes?.length || served.caller === 'editor' || served.preview) return []
  if (served.exposureOff && served.caller === 'api-key') return []
  if (served.channel === 'email' && !(served.caller === 'api-key' && served.addressed)) return []
  const exposures: Exposure[] = []
  for (const outcome of served.outcomes) {
    if (!outcome.enrolled || !outcome.arm || !outcome.unitId) continue
    exposures.push({
      experiment: outcome.key,
      phase: outcome.phase,
      arm: outcome.arm,
      unitKind: outcome.unit,
      unitId: outcome.unitId,
      ...(outcome.unit === 'person' && served.profile ? { profile: served.profile } : {}),
      ...(outcome.unit === 'person' ? { byCustomer: served.byCustomer } : {}),
      channel: served.channel,
      locale: served.locale,
      segment: served.segment ?? 'none',
      ...(served.store ? { store: served.store } : outcome.unit === 'store' ? { store: outcome.unitId } : {}),
      at: served.at,
    })
  }
  return exposures
}
