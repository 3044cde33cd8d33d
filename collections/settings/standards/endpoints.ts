/**
 * The standards' endpoints for the admin: the report (every violation in
 * published content, and the weekly trend), a count now, and what the
 * standards find in one published block or page (the editor's panel).
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { LOCALES, type Locale } from '../../../engine'
import { errorResponse } from '../../../delivery/http'
import { activeStandards, blockFindings, pageFindings, recordViolationCount, standardsReport, weeklyViolationTrend } from '../../../delivery/standards'
import { roleOf } from '../../access'

const noStore = { 'Cache-Control': 'no-store' }
const staffOnly = (req: PayloadRequest) => (roleOf(req.user) ? undefined : errorResponse(403, 'forbidden', 'Sign in to the admin to see the standards report.'))

export const standardsEndpoints: Endpoint[] = [
  {
    path: '/report',
    method: 'get',
    handler: async (req) => {
      const refused = staffOnly(req)
      if (refused) return refused
      const [report, trend] = await Promise.all([standardsReport(req.payload), weeklyViolationTrend(req.payload)])
      return Response.json({ ...report, trend }, { headers: noStore })
    },
  },
  {
    path: '/count',
    method: 'post',
    handler: async (req) => {
      const role = roleOf(req.user)
      if (role !== 'admin' && role !== 'editor') return errorResponse(403, 'forbidden', 'Only editors and admins can count violations.')
      return Response.json(await recordViolationCount(req.payload), { headers: noStore })
    },
  },
  {
    path: '/findings/:target/:id',
    method: 'get',
    handler: async (req) => {
      const refused = staffOnly(req)
      if (refused) return refused
      // Not :collection: Payload's router fills that parameter with this collection's own slug.
      const collection = String(req.routeParams?.target ?? '')
      if (collection !== 'blocks' && collection !== 'pages') {
        return errorResponse(400, 'invalid_collection', 'Standards apply to blocks and pages.', [{ path: 'collection', message: 'Expected blocks or pages' }])
      }
      const asked = new URL(req.url ?? 'http://localhost').searchParams.get('locale') ?? 'en'
      if (!(LOCALES as readonly string[]).includes(asked)) {
        return errorResponse(400, 'invalid_locale', `Unknown locale “${asked}”.`, [{ path: 'locale', message: `Expected one of ${LOCALES.join(', ')}` }])
      }
      const locale = asked as Locale
      const doc = await req.payload.findByID({ collection, id: String(req.routeParams?.id), locale, depth: 0, draft: false, overrideAccess: true, disableErrors: true })
      if (!doc) return errorResponse(404, 'not_found', `No such ${collection === 'blocks' ? 'block' : 'page'}.`)
      if (doc._status !== 'published') return Response.json({ published: false, findings: [] }, { headers: noStore })
      const standards = await activeStandards(req.payload)
      const found = collection === 'blocks' ? await blockFindings(req.payload, doc as never, standards) : pageFindings(doc as never, standards)
      const findings = found.map(({ standard, finding, content }) => ({ standard: { id: standard.id, name: standard.name, level: standard.level }, finding, path: content.path, variant: content.variant }))
      return Response.json({ published: true, findings }, { headers: noStore })
    },
  },
]
