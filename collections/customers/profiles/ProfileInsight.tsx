'use client'
/** A profile as the engine sees it: traits, consents, lists, segments with reasons, recent events. */
import { useDocumentInfo } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

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
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', marginBottom: 'var(--base)' }}>
      <caption style={{ textAlign: 'left', fontWeight: 600, padding: '8px 0' }}>{caption}</caption>
      <thead>
        <tr>{head.map((label) => <th key={label} style={cell} scope="col">{label}</th>)}</tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr><td style={cell} colSpan={head.length}>None yet</td></tr>
        ) : (
          rows.map((row, index) => <tr key={index}>{row.map((value, column) => <td key={column} style={cell}>{value}</td>)}</tr>)
        )}
      </tbody>
    </table>
  )
}

export const ProfileInsight: React.FC = () => {
  const { id } = useDocumentInfo()
  const [insight, setInsight] = useState<Insight>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    if (!id) return
    let cancelled = false
    fetch(`/api/profiles/${id}/insight`, { credentials: 'include' })
      .then(async (response) => {
        if (!response.ok) throw new Error(`The profile could not be read (${response.status})`)
        return (await response.json()) as Insight
      })
      .then((data) => !cancelled && setInsight(data))
      .catch((reason: Error) => !cancelled && setError(reason.message))
    return () => {
      cancelled = true
    }
  }, [id])

  if (!id) return null
  if (error) return <p role="alert">{error}</p>
  if (!insight) return <p>Loading the profile…</p>
  const { profile } = insight
  return (
    <div style={{ marginTop: 'var(--base)' }}>
      <Table
        caption="Consents"
        head={['Purpose', 'Granted', 'Source', 'When']}
        rows={Object.entries(profile.consents).map(([purpose, record]) => [purpose, record.granted ? 'Yes' : 'No', record.source, when(record.at)])}
      />
      <Table
        caption="Lists"
        head={['List', 'Status', 'Source', 'When']}
        rows={Object.entries(profile.subscriptions).map(([list, record]) => [list, record.status, record.source, when(record.at)])}
      />
      <Table
        caption="Traits"
        head={['Trait', 'Value', 'Source', 'When']}
        rows={Object.entries(profile.traits).map(([trait, record]) => [trait, JSON.stringify(record.value), record.source, when(record.at)])}
      />
      <Table
        caption={insight.personalization ? 'Segments now' : 'Segments now (no personalization consent: visitor-data segments are not evaluated)'}
        head={['Segment', 'Member', 'Why']}
        rows={insight.segments.map((segment) => [segment.slug, segment.member ? 'Yes' : 'No', segment.reasons.join('; ')])}
      />
      <Table
        caption="Recent events"
        head={['When', 'Type', 'Category', 'Name', 'Source']}
        rows={insight.events.map((event) => [when(event.occurredAt), event.type, event.category ?? '', event.name ?? '', event.source ?? ''])}
      />
    </div>
  )
}
