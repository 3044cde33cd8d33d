/**
 * Payload's live preview for pages and blocks: beside the edit form, the
 * real output updates as the editor types (app/preview/live, which posts the
 * form to the render room's live preview). Payload checks the messages'
 * origin against this URL, so it is absolute: the site's public URL, else
 * the origin the admin was reached at.
 */
import type { LivePreviewConfig } from 'payload'

const originOf = (req: { payload: { config: { serverURL?: string } }; headers: Headers }): string => {
  if (req.payload.config.serverURL) return req.payload.config.serverURL.replace(/\/$/, '')
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host') ?? 'localhost:3000'
  const proto = req.headers.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https')
  return `${proto}://${host}`
}

export const livePreview: LivePreviewConfig = {
  url: ({ data, collectionConfig, locale, req }) => {
    if (!data?.id || !collectionConfig) return null
    const query = new URLSearchParams({ collection: collectionConfig.slug, id: String(data.id), locale: locale?.code ?? 'en' })
    return `${originOf(req)}/preview/live?${query}`
  },
  breakpoints: [
    { label: 'Phone', name: 'phone', width: 390, height: 844 },
    { label: 'Tablet', name: 'tablet', width: 820, height: 1180 },
    { label: 'Desktop', name: 'desktop', width: 1280, height: 900 },
  ],
}
