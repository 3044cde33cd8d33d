/**
 * The survey dashboards' data, for signed-in staff: one survey's results
 * (GET /api/questions/:id/results?period=week|month) and the monthly CX
 * board (GET /api/questions/board).
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { cxBoard, surveyResults } from '../../../delivery/customers'
import { errorResponse } from '../../../delivery/http'
import { roleOf } from '../../access'

const noStore = { 'Cache-Control': 'no-store' }

export const questionEndpoints: Endpoint[] = [
  {
    path: '/board',
    method: 'get',
    handler: async (req: PayloadRequest) => {
      if (!roleOf(req.user)) return errorResponse(403, 'forbidden', 'Sign in to the admin to see survey results.')
      return Response.json(await cxBoard(req.payload), { headers: noStore })
    },
  },
  {
    path: '/:id/results',
    method: 'get',
    handler: async (req: PayloadRequest) => {
      if (!roleOf(req.user)) return errorResponse(403, 'forbidden', 'Sign in to the admin to see survey results.')
      const period = new URL(req.url ?? 'http://x/').searchParams.get('period') ?? 'month'
      if (period !== 'week' && period !== 'month') return errorResponse(400, 'invalid_period', 'Group the trend by week or month.', [{ path: 'period', message: 'week or month' }])
      const results = await surveyResults(req.payload, String(req.routeParams?.id ?? ''), period)
      if (!results) return errorResponse(404, 'survey_not_found', 'No such survey question (NPS, CES or CSAT).')
      return Response.json(results, { headers: noStore })
    },
  },
]
