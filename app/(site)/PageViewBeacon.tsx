'use client'
/** Reports a page view, once per page load, only when the visitor allowed analytics (the server decides whether to render this). */
import { useEffect } from 'react'

export function PageViewBeacon({ category, path }: { category: string; path: string }) {
  useEffect(() => {
    const event = { idempotencyKey: crypto.randomUUID(), type: 'page_view', category, name: path }
    void fetch('/api/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      keepalive: true,
      body: JSON.stringify({ events: [event] }),
    }).catch(() => {})
  }, [category, path])
  return null
}
