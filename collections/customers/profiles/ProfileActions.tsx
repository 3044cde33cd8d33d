'use client'
/** Export (right of access) and erase (right to be forgotten) a profile, from its page. */
import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

export const ProfileActions: React.FC = () => {
  const { id } = useDocumentInfo()
  const [status, setStatus] = useState<string>()
  const router = useRouter()
  if (!id) return null

  const erase = async () => {
    if (!window.confirm('Erase this profile and all its events? This cannot be undone.')) return
    setStatus('Erasing…')
    const response = await fetch(`/api/profiles/${id}/erase`, { method: 'POST', credentials: 'include' })
    if (response.ok) {
      router.push('/admin/collections/profiles')
    } else {
      const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined
      setStatus(body?.error?.message ?? `Erasure failed (${response.status})`)
    }
  }

  return (
    <div style={{ display: 'flex', gap: 'calc(var(--base) / 2)', alignItems: 'center' }}>
      <Button buttonStyle="secondary" size="small" el="anchor" url={`/api/profiles/${id}/export`} newTab>
        Export (JSON)
      </Button>
      <Button buttonStyle="error" size="small" onClick={() => void erase()}>
        Erase profile and events
      </Button>
      {status ? <span role="status">{status}</span> : null}
    </div>
  )
}
