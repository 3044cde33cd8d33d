'use client'
/**
 * Keeps the admin preview on the live snapshot: it listens to the update
 * stream (GET /api/updates, server-sent events) and, when a new version is
 * live, re-renders the preview (its trace and its frame) within a second of
 * the publish. While the stream is down it asks /api/health for the live
 * version every 10 s instead, so a dropped connection only slows it down;
 * the preview on screen stays as it is meanwhile.
 */
import { useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useEffect, useRef, useState } from 'react'

const FALLBACK_POLL_MS = 10_000

export function PreviewFollower({ version }: { version: string | null }) {
  const router = useRouter()
  const { t } = useTranslation()
  const known = useRef(version)
  const [pushed, setPushed] = useState(false)

  // The version this render shows (after a refresh, the new one).
  useEffect(() => {
    known.current = version
  }, [version])

  useEffect(() => {
    const follow = (next: unknown) => {
      if (typeof next === 'string' && next !== known.current) {
        known.current = next
        router.refresh()
      }
    }
    const versionOf = (event: MessageEvent) => {
      try {
        return (JSON.parse(String(event.data)) as { version?: unknown }).version
      } catch {
        return undefined
      }
    }
    const source = typeof EventSource === 'function' ? new EventSource('/api/updates') : undefined
    source?.addEventListener('live', (event) => {
      setPushed(true)
      follow(versionOf(event as MessageEvent))
    })
    source?.addEventListener('publish', (event) => follow(versionOf(event as MessageEvent)))
    source?.addEventListener('error', () => setPushed(false))
    const poll = setInterval(() => {
      if (source?.readyState === EventSource.OPEN) return
      fetch('/api/health', { cache: 'no-store' })
        .then((response) => (response.ok ? (response.json() as Promise<{ snapshot?: unknown }>) : undefined))
        .then((health) => follow(health?.snapshot))
        .catch(() => {})
    }, FALLBACK_POLL_MS)
    return () => {
      source?.close()
      clearInterval(poll)
    }
  }, [router])

  return (
    <p data-testid="preview-follower" data-version={version ?? ''} data-pushed={pushed ? 'yes' : 'no'} style={{ color: 'var(--theme-elevation-600)' }}>
      {(t as unknown as (key: string, variables?: Record<string, unknown>) => string)(pushed ? 'tessera:previewFollowing' : 'tessera:previewPolling', { version: version ?? '—' })}
    </p>
  )
}
