/** GET /api/pages/workbench/preview: an editor's preview as anyone, on any channel (the render room's handlePreviewRequest). */
import type { Endpoint } from 'payload'

import { handlePreviewRequest } from '../../../delivery/render'

export const previewEndpoint: Endpoint = {
  path: '/workbench/preview',
  method: 'get',
  handler: (req) => handlePreviewRequest(req.payload, new Request(req.url ?? 'http://localhost/', { headers: req.headers })),
}
