'use client'
/** Sends a webhook delivery again, from its page in the delivery log. */
import { Button, useDocumentInfo } from '@payloadcms/ui'
import React, { useState } from 'react'

export const ReplayButton: React.FC = () => {
  const { id } = useDocumentInfo()
  const [status, setStatus] = useState<string | undefined>()
  if (!id) return null
  const replay = async () => {
    setStatus('Replaying…')
    const response = await fetch(`/api/webhook-deliveries/${id}/replay`, { method: 'POST', credentials: 'include' })
    const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined
    setStatus(response.ok ? 'Queued: it is sent again within a second' : (body?.error?.message ?? `Replay failed (${response.status})`))
  }
  return (
    <div style={{ display: 'flex', gap: 'calc(var(--base) / 2)', alignItems: 'center' }}>
      <Button buttonStyle="secondary" size="small" onClick={() => void replay()}>
        Replay
      </Button>
      {status ? <span role="status">{status}</span> : null}
    </div>
  )
}
