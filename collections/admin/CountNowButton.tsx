'use client'
/** Counts today's violations now (the daily job does it otherwise) and shows the page anew. */
import { Button } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import { useTesseraTranslation } from './useTesseraTranslation'

export const CountNowButton: React.FC = () => {
  const { t } = useTesseraTranslation()
  const router = useRouter()
  const [status, setStatus] = useState<string>()
  const count = async () => {
    const response = await fetch('/api/standards/count', { method: 'POST', credentials: 'include' })
    if (response.ok) router.refresh()
    else setStatus(`${response.status}`)
  }
  return (
    <>
      <Button buttonStyle="secondary" size="small" onClick={() => void count()}>
        {t('tessera:countNow')}
      </Button>
      {status ? <span role="alert">{status}</span> : null}
    </>
  )
}
