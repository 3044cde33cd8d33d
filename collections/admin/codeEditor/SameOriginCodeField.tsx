'use client'
import { CodeField, JSONField, ShimmerEffect } from '@payloadcms/ui'
import type { CodeFieldClientProps, JSONFieldClientProps } from 'payload'
import { useEffect, useState } from 'react'

import { useTesseraTranslation } from '../useTesseraTranslation'
import { loadSameOriginMonaco } from './sameOriginMonaco'

type Props = ((JSONFieldClientProps & { kind: 'json' }) | (CodeFieldClientProps & { kind: 'code' })) & { vs: string }

/**
 * Payload's JSON or code field, rendered once monaco is loaded from this
 * origin (so that Payload's editor finds it and asks no CDN). Set on every
 * such field by `withSameOriginCodeEditor`.
 */
export function SameOriginCodeField({ vs, ...props }: Props) {
  const { t } = useTesseraTranslation()
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading')
  useEffect(() => {
    let current = true
    loadSameOriginMonaco(vs).then(
      () => current && setState('ready'),
      (error: unknown) => {
        console.error(error)
        if (current) setState('failed')
      },
    )
    return () => {
      current = false
    }
  }, [vs])

  if (state === 'failed') return <p className="field-type">{t('tessera:codeEditorUnavailable')}</p>
  if (state === 'loading') return <ShimmerEffect height={56} />
  if (props.kind === 'code') {
    const { kind: _kind, ...codeProps } = props
    return <CodeField {...codeProps} />
  }
  const { kind: _kind, ...jsonProps } = props
  return <JSONField {...jsonProps} />
}
