/** A served decision's exposures, handed to the experiments room's recorder (written off the request's path). */
import type { Payload } from 'payload'

import { recordExposures, servedExposures } from '../experiments'
import type { Decision } from './decide'

/** `url` is the request's: a keyed caller's `exposure=0` records nothing (its own test renders). */
export async function recordServed(payload: Payload, decision: Decision, url: string): Promise<void> {
  const outcomes = decision.resolved.experiments
  if (!outcomes?.length) return
  const { request, profile } = decision
  const context = request.context
  await recordExposures(
    payload,
    servedExposures({
      outcomes,
      caller: request.caller.kind,
      preview: context.preview === true,
      exposureOff: new URL(url).searchParams.get('exposure') === '0',
      addressed: Boolean(context.customer || context.visitor || decision.email),
      channel: decision.channel,
      locale: decision.resolved.page.locale,
      segment: decision.resolved.topSegment,
      store: context.store,
      profile: profile?.id,
      byCustomer: Boolean(context.customer ?? profile?.customerId),
      at: new Date().toISOString(),
    }),
  )
}
