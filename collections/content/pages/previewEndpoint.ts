/**
 * GET /api/pages/workbench/preview: an editor's preview as anyone, on any channel;
 * POST /api/pages/workbench/live: the admin's live preview of the form being typed
 * (both the render room's preview handlers).
 */
import type { Endpoint } from 'payload'

import { handleLivePreviewRequest, handlePreviewRequest } from '../../../delivery/render'

export const previewEndpoint: Endpoint = {
  path: '/workbench/preview',
  method: 'get',
  handler: (req) => handlePreviewRequest(req.payload, new Request(req.url ?? 'http://localhost/', { headers: req.headers })),
}

export const livePreviewEndpoint: Endpoint = {
  path: '/workbench/live',
  method: 'post',
  handler: async (req) => handleLivePreviewRequest(req.payload, new Request(req.url ?? 'http://localhost/', { method: 'POST', headers: req.headers, body: (await req.text?.()) ?? '' })),
}
