'use client'
/** Export (right of access), erase (right to be forgotten) and rebuild a profile from its events, from its page. */
import { Button, useDocumentInfo } from '@payloadcms/ui'
import { useRouter, useSearchParams } from 'next/navigation'
import React, { useState } from 'react'

import { useTesseraTranslation } from '../../admin/useTesseraTranslation'

export const ProfileActions: React.FC = () => {
  const { id } = useDocumentInfo()
  const { t } = useTesseraTranslation()
  // A rebuild shows the page anew (the form and the insight hold the old values) and says so there.
  const rebuiltFrom = useSearchParams().get('rebuilt')
  const [status, setStatus] = useState<string | undefined>(rebuiltFrom ? t('tessera:rebuiltFrom', { count: rebuiltFrom }) : undefined)
  const router = useRouter()
  if (!id) return null

  const erase = async () => {
    if (!window.confirm(t('tessera:eraseConfirm'))) return
    setStatus(t('tessera:erasing'))
    const response = await fetch(`/api/profiles/${id}/erase`, { method: 'POST', credentials: 'include' })
    if (response.ok) {
      router.push('/admin/collections/profiles')
    } else {
      const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined
      setStatus(body?.error?.message ?? t('tessera:eraseFailed', { status: response.status }))
    }
  }

  const rebuild = async () => {
    setStatus(t('tessera:rebuilding'))
    const response = await fetch(`/api/profiles/${id}/rebuild`, { method: 'POST', credentials: 'include' })
    const body = (await response.json().catch(() => undefined)) as { events?: number; error?: { message?: string } } | undefined
    if (response.ok) {
      const url = new URL(window.location.href)
      url.searchParams.set('rebuilt', String(body?.events ?? 0))
      window.location.assign(url)
    } else {
      setStatus(body?.error?.message ?? t('tessera:rebuildFailed', { status: response.status }))
    }
  }

  return (
    <div style={{ display: 'flex', gap: 'calc(var(--base) / 2)', alignItems: 'center' }} data-testid="profile-actions">
      <Button buttonStyle="secondary" size="small" el="anchor" url={`/api/profiles/${id}/export`} newTab>
        {t('tessera:exportJson')}
      </Button>
      <Button buttonStyle="secondary" size="small" onClick={() => void rebuild()}>
        {t('tessera:rebuild')}
      </Button>
      <Button buttonStyle="error" size="small" onClick={() => void erase()}>
        {t('tessera:erase')}
      </Button>
      {status ? <span role="status">{status}</span> : null}
    </div>
  )
}
