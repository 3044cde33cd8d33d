/**
 * The profile page's actions: what the profile looks like to the engine now
 * (insight), everything stored about it (export, the right of access),
 * erasure of the profile with its events (the right to be forgotten), and a
 * rebuild of its aggregates from its events.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { eraseProfile, exportProfile, profileById, rebuildProfile } from '../../../delivery/customers'
import { errorResponse } from '../../../delivery/http'
import { profileInsight } from '../../../delivery/render'
import { roleOf } from '../../access'

const idOf = (req: PayloadRequest) => String(req.routeParams?.id ?? '')

/** POST /:id/<action>: a change to a profile, for editors and admins (reviewers only read); `change` answers undefined when there is no such profile. */
function profileChange(action: string, change: (payload: PayloadRequest['payload'], id: string) => Promise<object | undefined>): Endpoint {
  return {
    path: `/:id/${action}`,
    method: 'post',
    handler: async (req) => {
      const role = roleOf(req.user)
      if (role !== 'admin' && role !== 'editor') return errorResponse(403, 'forbidden', `Only editors and admins can ${action} a profile.`)
      const result = await change(req.payload, idOf(req))
      if (!result) return errorResponse(404, 'profile_not_found', 'No such profile.')
      return Response.json(result, { headers: { 'Cache-Control': 'no-store' } })
    },
  }
}

export const profileEndpoints: Endpoint[] = [
  {
    path: '/:id/insight',
    method: 'get',
    handler: async (req) => {
      if (!roleOf(req.user)) return errorResponse(403, 'forbidden', 'Sign in to the admin to see profiles.')
      const profile = await profileById(req.payload, idOf(req))
      if (!profile) return errorResponse(404, 'profile_not_found', 'No such profile.')
      return Response.json(await profileInsight(req.payload, profile), { headers: { 'Cache-Control': 'no-store' } })
    },
  },
  {
    path: '/:id/export',
    method: 'get',
    handler: async (req) => {
      if (!roleOf(req.user)) return errorResponse(403, 'forbidden', 'Sign in to the admin to export profiles.')
      const exported = await exportProfile(req.payload, idOf(req))
      if (!exported) return errorResponse(404, 'profile_not_found', 'No such profile.')
      return new Response(JSON.stringify(exported, null, 2), {
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Disposition': `attachment; filename="profile-${exported.profile.id}.json"`,
          'Cache-Control': 'no-store',
        },
      })
    },
  },
  profileChange('erase', async (payload, id) => ((await eraseProfile(payload, id)) ? { erased: true } : undefined)),
  profileChange('rebuild', async (payload, id) => {
    const rebuilt = await rebuildProfile(payload, id)
    return rebuilt && { rebuilt: true, events: rebuilt.events, profile: rebuilt.profile }
  }),
]
