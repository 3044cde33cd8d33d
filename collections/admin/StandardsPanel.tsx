'use client'
/**
 * The sidebar of a block or a page: what the experience standards find in its
 * published version. Blocking standards refuse a publish on the field itself;
 * warnings let it through and are shown here.
 */
import { useDocumentInfo, useLocale } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { Finding, StandardLevel } from '../../delivery/standards'
import { findingMessage } from './findingMessage'
import { useTesseraTranslation } from './useTesseraTranslation'

type Found = { standard: { id: string; name: string; level: StandardLevel }; finding: Finding; path: string; variant?: string }

export const StandardsPanel: React.FC = () => {
  const { id, collectionSlug, lastUpdateTime } = useDocumentInfo()
  const locale = useLocale()
  const { t } = useTesseraTranslation()
  const [state, setState] = useState<{ published: boolean; findings: Found[] }>()

  useEffect(() => {
    if (!id || !collectionSlug) return
    let cancelled = false
    fetch(`/api/standards/findings/${collectionSlug}/${id}?locale=${encodeURIComponent(locale.code)}`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((data) => !cancelled && data && setState(data as { published: boolean; findings: Found[] }))
      .catch(() => undefined)
    return () => {
      cancelled = true
    }
  }, [id, collectionSlug, locale.code, lastUpdateTime])

  if (!id || !state) return null
  const say = t as unknown as (key: string, variables?: Record<string, unknown>) => string
  return (
    <section aria-labelledby="standards-panel-heading" data-testid="standards-panel" style={{ marginBottom: 'var(--base)' }}>
      <h3 id="standards-panel-heading" style={{ fontSize: '1rem', margin: '0 0 6px' }}>
        {t('tessera:standardsPanel')}
      </h3>
      {!state.published ? (
        <p>{t('tessera:standardsNotPublished')}</p>
      ) : state.findings.length === 0 ? (
        <p>{t('tessera:standardsMet')}</p>
      ) : (
        <ul style={{ paddingLeft: '1.1em', margin: 0 }}>
          {state.findings.map((found, index) => (
            <li key={index} data-level={found.standard.level}>
              <strong>{found.standard.level === 'blocking' ? t('tessera:levelBlocking') : t('tessera:levelWarning')}</strong>: {findingMessage(say, found.standard.name, found.finding)}{' '}
              <code>{found.path}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
