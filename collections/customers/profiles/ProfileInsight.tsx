'use client'
/** A profile as the engine sees it: traits, consents, lists, segments with reasons, recent events. */
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { useTesseraTranslation } from '../../admin/useTesseraTranslation'

type Insight = {
  profile: {
    traits: Record<string, { value: unknown; source: string; at: string }>
    consents: Record<string, { granted: boolean; source: string; at: string }>
    subscriptions: Record<string, { status: string; source: string; at: string }>
  }
  personalization: boolean
  segments: { slug: string; member: boolean; reasons: string[] }[]
  events: { type: string; name: string | null; category: string | null; occurredAt: string; source: string | null }[]
}

const cell: React.CSSProperties = { padding: '4px 8px', borderBottom: '1px solid var(--theme-elevation-100)', textAlign: 'left', verticalAlign: 'top' }
const when = (iso: string) => new Date(iso).toLocaleString()

export function Table({ caption, head, rows }: { caption: string; head: string[]; rows: React.ReactNode[][] }) {
  const { t } = useTesseraTranslation()
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', marginBottom: 'var(--base)' }}>
      <caption style={{ textAlign: 'left', fontWeight: 600, padding: '8px 0' }}>{caption}</caption>
      <thead>
        <tr>{head.map((label) => <th key={label} style={cell} scope="col">{label}</th>)}</tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr><td style={cell} colSpan={head.length}>{t('tessera:none')}</td></tr>
        ) : (
          rows.map((row, index) => <tr key={index}>{row.map((value, column) => <td key={column} style={cell}>{value}</td>)}</tr>)
        )}
      </tbody>
    </table>
  )
}

export const ProfileInsight: React.FC = () => {
  const { id } = useDocumentInfo()
  const { t } = useTesseraTranslation()
  const [insight, setInsight] = useState<Insight>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    if (!id) return
    let cancelled = false
    fetch(`/api/profiles/${id}/insight`, { credentials: 'include' })
      .then(async (response) => {
        if (!response.ok) throw new Error(t('tessera:profileUnreadable', { status: response.status }))
        return (await response.json()) as Insight
      })
      .then((data) => !cancelled && setInsight(data))
      .catch((reason: Error) => !cancelled && setError(reason.message))
    return () => {
      cancelled = true
    }
  }, [id, t])

  if (!id) return null
  if (error) return <p role="alert">{error}</p>
  if (!insight) return <p>{t('tessera:loading')}</p>
  const { profile } = insight
  return (
    <div style={{ marginTop: 'var(--base)' }} data-testid="profile-insight">
      <Table
        caption={t('tessera:consents')}
        head={[t('tessera:purpose'), t('tessera:granted'), t('tessera:source'), t('tessera:when')]}
        rows={Object.entries(profile.consents).map(([purpose, record]) => [purpose, record.granted ? t('tessera:yes') : t('tessera:no'), record.source, when(record.at)])}
      />
      <Table
        caption={t('tessera:lists')}
        head={[t('tessera:list'), t('tessera:status'), t('tessera:source'), t('tessera:when')]}
        rows={Object.entries(profile.subscriptions).map(([list, record]) => [list, record.status, record.source, when(record.at)])}
      />
      <Table
        caption={t('tessera:traits')}
        head={[t('tessera:trait'), t('tessera:value'), t('tessera:source'), t('tessera:when')]}
        rows={Object.entries(profile.traits).map(([trait, record]) => [trait, JSON.stringify(record.value), record.source, when(record.at)])}
      />
      <Table
        caption={insight.personalization ? t('tessera:segmentsNow') : t('tessera:segmentsNowNoConsent')}
        head={[t('tessera:segment'), t('tessera:member'), t('tessera:why')]}
        rows={insight.segments.map((segment) => [segment.slug, segment.member ? t('tessera:yes') : t('tessera:no'), segment.reasons.join('; ')])}
      />
      <Table
        caption={t('tessera:recentEvents')}
        head={[t('tessera:when'), t('tessera:type'), t('tessera:category'), t('tessera:name'), t('tessera:source')]}
        rows={insight.events.map((event) => [when(event.occurredAt), event.type, event.category ?? '', event.name ?? '', event.source ?? ''])}
      />
    </div>
  )
}
