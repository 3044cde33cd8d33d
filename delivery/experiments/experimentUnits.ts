/**
 * Who a decision's experiment unit is, from the trusted context and the
 * person's profile: a person is hashed on their customer id when it is known
 * (stated by a keyed caller, or on their profile), else on their visitor id
 * (our signed cookie, or a keyed caller's); a store on the store the request
 * names. Ids are hashed as GrowthBook's SDK hashes them (UTF-16 code units of
 * the id as given), so its SDK agrees on every arm.
 */
import type { ExperimentRequest, RenderContext } from '../../engine'
import type { Profile } from '../customers'
import { pendingArms } from './exposureRecorder'

export function experimentRequestOf(context: RenderContext, profile: Profile | undefined): ExperimentRequest {
  const person = context.customer ?? profile?.customerId ?? context.visitor
  const pending = profile ? pendingArms(profile.id) : undefined
  const sticky = pending ? { ...pending, ...profile?.experiments } : profile?.experiments
  return {
    ...(person ? { person } : {}),
    ...(context.store ? { store: context.store } : {}),
    consents: new Set(context.consents ?? []),
    ...(sticky ? { sticky } : {}),
  }
}
