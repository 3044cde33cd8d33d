'use client'
/**
 * Issues an API key in the browser (Web Crypto), shows it once with a copy
 * button, and submits it with the form; the server stores only its digest.
 */
import { Button, useDocumentInfo, useField } from '@payloadcms/ui'
import React, { useCallback, useEffect, useState } from 'react'

import { useTesseraTranslation } from '../../admin/useTesseraTranslation'

function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return 'tsk_' + btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export const ApiKeySecretField: React.FC<{ path: string }> = ({ path }) => {
  const { id } = useDocumentInfo()
  const { t } = useTesseraTranslation()
  const { value, setValue } = useField<string>({ path })
  const [copied, setCopied] = useState(false)

  const generate = useCallback(() => {
    setValue(newSecret())
    setCopied(false)
  }, [setValue])

  // A new key document always gets a secret; an existing one only when rotated. Not from
  // this effect itself: the form replaces its state in its own effect, which runs after this
  // one and dropped the key (the create form showed none); a task later, the key stays.
  useEffect(() => {
    if (id || value) return
    const timer = setTimeout(() => setValue(newSecret()))
    return () => clearTimeout(timer)
  }, [id, value, setValue])

  return (
    <div className="field-type" style={{ marginBottom: 'var(--base)' }} data-testid="api-key-field">
      <label className="field-label">{t('tessera:secretKey')}</label>
      {value ? (
        <>
          <code data-testid="api-key-secret" style={{ display: 'block', padding: '8px', wordBreak: 'break-all', background: 'var(--theme-elevation-50)' }}>
            {value}
          </code>
          <p style={{ margin: '6px 0' }}>
            {t('tessera:secretShownOnce')}
          </p>
          <Button
            buttonStyle="secondary"
            size="small"
            onClick={() => {
              void navigator.clipboard?.writeText(value).then(() => setCopied(true))
            }}
          >
            {copied ? t('tessera:copied') : t('tessera:copyKey')}
          </Button>
        </>
      ) : (
        <>
          <p style={{ margin: '6px 0' }}>{t('tessera:secretStoredAsDigest')}</p>
          <Button buttonStyle="secondary" size="small" onClick={generate}>
            {t('tessera:rotateKey')}
          </Button>
        </>
      )}
    </div>
  )
}
