'use client'
/**
 * The sidebar of a block or a page: its coverage matrix and its preview. On
 * a block opened from a matrix cell (?newVariant=<segment>~<channel>), adds
 * the missing variant with the cell's audience and channel (the locale is the
 * one the form opened in).
 */
import { useDocumentInfo, useForm, useFormFields, useFormInitializing } from '@payloadcms/ui'
import { useSearchParams } from 'next/navigation'
import React, { useEffect, useRef } from 'react'

import { useTesseraTranslation } from './useTesseraTranslation'

const CHANNELS = new Set(['web', 'email', 'screen'])

export const WorkbenchLinks: React.FC = () => {
  const { id, collectionSlug } = useDocumentInfo()
  const { t } = useTesseraTranslation()
  const slug = useFormFields(([fields]) => fields.slug?.value as string | undefined)
  const variantRows = useFormFields(([fields]) => (fields.variants?.rows?.length ?? 0) as number)
  const { addFieldRow } = useForm()
  const initializing = useFormInitializing()
  const searchParams = useSearchParams()
  const added = useRef(false)

  const asked = searchParams.get('newVariant')
  useEffect(() => {
    if (collectionSlug !== 'blocks' || !asked || added.current || initializing) return
    const [segment, channel] = asked.split('~')
    if (!channel || !CHANNELS.has(channel)) return
    added.current = true
    const locale = searchParams.get('locale') ?? 'en'
    const field = (value: unknown) => ({ initialValue: value, value, valid: true })
    addFieldRow({
      path: 'variants',
      schemaPath: 'variants',
      rowIndex: variantRows,
      subFieldState: {
        label: field(`${channel} · ${locale}`),
        channels: field([channel]),
        ...(segment ? { audience: field([Number.isNaN(Number(segment)) ? segment : Number(segment)]) } : {}),
      },
    })
  }, [asked, collectionSlug, initializing, addFieldRow, variantRows, searchParams])

  if (!id) return null
  const announce = collectionSlug === 'blocks' && Boolean(asked)
  const coverage = collectionSlug === 'blocks' ? `/admin/coverage?block=${id}` : slug ? `/admin/coverage?page=${encodeURIComponent(slug)}` : undefined
  const preview = collectionSlug === 'blocks' ? `/admin/preview?block=${id}` : slug ? `/admin/preview?page=${encodeURIComponent(slug)}&draft=${id}` : undefined
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6, marginBottom: 'var(--base)' }}>
      {preview ? <a href={preview}>{t('tessera:openPreview')}</a> : null}
      {coverage ? <a href={coverage}>{t('tessera:openCoverage')}</a> : null}
      {announce ? (
        <p role="status" data-testid="new-variant-added">
          {t('tessera:newVariantAdded')}
        </p>
      ) : null}
    </div>
  )
}
