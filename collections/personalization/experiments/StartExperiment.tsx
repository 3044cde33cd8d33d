'use client'
/**
 * On a block's page: start an experiment on it. Pick the arms among its
 * variants (and the default content), their weights, the coverage, an
 * audience, channels and the primary metric; the experiment is created
 * running (the lifecycle hook checks it) and opened.
 */
import { Button, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useRouter } from 'next/navigation'
import React, { useEffect, useState } from 'react'

import { labelsFor } from './labels'

type Variant = { id: string; label: string }
type Segment = { id: number | string; name: string }
const CHANNELS = ['web', 'email', 'screen'] as const

const slugOf = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

export const StartExperiment: React.FC = () => {
  const { id, title } = useDocumentInfo()
  const { i18n } = useTranslation()
  const t = labelsFor(i18n.language)
  const [open, setOpen] = useState(false)
  const [variants, setVariants] = useState<Variant[]>([])
  const [segments, setSegments] = useState<Segment[]>([])
  const [name, setName] = useState('')
  const [key, setKey] = useState('')
  const [arms, setArms] = useState<Record<string, number>>({})
  const [coverage, setCoverage] = useState(100)
  const [audience, setAudience] = useState<string[]>([])
  const [channels, setChannels] = useState<string[]>([])
  const [metric, setMetric] = useState({ kind: 'binomial', eventType: 'conversion', eventName: 'purchase', windowDays: 7 })
  // A survey metric reads its survey's answers: no event to pick.
  const survey = ['nps', 'ces', 'csat'].includes(metric.kind)
  const [error, setError] = useState<string>()
  const router = useRouter()

  useEffect(() => {
    if (!open || !id) return
    void (async () => {
      const block = (await (await fetch(`/api/blocks/${id}?depth=0&draft=true`, { credentials: 'include' })).json()) as { name?: string; variants?: { id: string; label: string }[] }
      setVariants([{ id: 'default', label: t.defaultContent }, ...(block.variants ?? []).map((variant) => ({ id: variant.id, label: variant.label }))])
      const list = (await (await fetch('/api/segments?limit=100&depth=0', { credentials: 'include' })).json()) as { docs?: Segment[] }
      setSegments(list.docs ?? [])
      const base = block.name ?? String(title ?? 'block')
      setName((current) => current || `${base} test`)
      setKey((current) => current || `${slugOf(base)}-${new Date().toISOString().slice(0, 10)}`)
    })()
  }, [open, id, title, t.defaultContent])

  if (!id) return null

  const toggleArm = (variant: string) =>
    setArms((current) => {
      const next = { ...current }
      if (variant in next) delete next[variant]
      else next[variant] = 50
      return next
    })
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value])

  const start = async () => {
    const chosen = variants.filter((variant) => variant.id in arms)
    if (chosen.length < 2) return setError(t.twoArms)
    setError(undefined)
    const response = await fetch('/api/experiments', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        key,
        scope: 'block',
        block: id,
        status: 'running',
        arms: chosen.map((variant) => ({ variant: variant.id, label: variant.label, weight: arms[variant.id] })),
        coverage,
        audience,
        channels,
        primaryMetric: survey
          ? { label: t.kinds[metric.kind as keyof typeof t.kinds], kind: metric.kind, eventType: 'form_answer', windowDays: metric.windowDays }
          : { label: metric.eventName || metric.eventType, kind: metric.kind, eventType: metric.eventType, ...(metric.eventName ? { eventName: metric.eventName } : {}), windowDays: metric.windowDays },
      }),
    })
    const body = (await response.json().catch(() => ({}))) as { doc?: { id: string }; errors?: { message?: string; data?: { errors?: { message: string }[] } }[] }
    if (response.ok && body.doc) router.push(`/admin/collections/experiments/${body.doc.id}`)
    else setError(body.errors?.flatMap((item) => item.data?.errors?.map((issue) => issue.message) ?? [item.message ?? '']).join(' ') || `Error ${response.status}`)
  }

  const field = { display: 'flex', flexDirection: 'column', gap: 4 } as const
  return (
    <div>
      <Button buttonStyle="secondary" size="small" onClick={() => setOpen(!open)}>
        {t.start}
      </Button>
      {open ? (
        <div role="dialog" aria-label={t.startTitle} style={{ position: 'absolute', zIndex: 50, right: 0, marginTop: 8, width: 520, maxHeight: '80vh', overflow: 'auto', padding: 16, background: 'var(--theme-elevation-0)', border: '1px solid var(--theme-elevation-150)', borderRadius: 4, display: 'grid', gap: 12 }}>
          <strong>{t.startTitle}</strong>
          <label style={field}>
            {t.name}
            <input value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <label style={field}>
            {t.key}
            <input value={key} onChange={(event) => setKey(event.target.value)} />
          </label>
          <fieldset>
            <legend>{t.arms}</legend>
            {variants.map((variant) => (
              <div key={variant.id} style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                <label>
                  <input type="checkbox" checked={variant.id in arms} onChange={() => toggleArm(variant.id)} /> {variant.label}
                </label>
                {variant.id in arms ? (
                  <label>
                    {t.weight}{' '}
                    <input
                      aria-label={`${t.weight} ${variant.label}`}
                      type="number"
                      min={0}
                      max={100}
                      style={{ width: 64 }}
                      value={arms[variant.id]}
                      onChange={(event) => setArms({ ...arms, [variant.id]: Number(event.target.value) })}
                    />
                  </label>
                ) : null}
              </div>
            ))}
          </fieldset>
          <label style={field}>
            {t.coverage}
            <input type="number" min={0} max={100} value={coverage} onChange={(event) => setCoverage(Number(event.target.value))} />
          </label>
          <fieldset>
            <legend>{t.audience}</legend>
            {segments.map((segment) => (
              <label key={segment.id} style={{ marginRight: 12 }}>
                <input type="checkbox" checked={audience.includes(String(segment.id))} onChange={() => setAudience(toggle(audience, String(segment.id)))} /> {segment.name}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t.channels}</legend>
            {CHANNELS.map((channel) => (
              <label key={channel} style={{ marginRight: 12 }}>
                <input type="checkbox" checked={channels.includes(channel)} onChange={() => setChannels(toggle(channels, channel))} /> {channel}
              </label>
            ))}
          </fieldset>
          <fieldset style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 8 }}>
            <legend>{t.metric}</legend>
            <label style={field}>
              {t.metricKind}
              <select value={metric.kind} onChange={(event) => setMetric({ ...metric, kind: event.target.value })}>
                {Object.entries(t.kinds).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            {survey ? null : (
              <>
                <label style={field}>
                  {t.eventType}
              <select value={metric.eventType} onChange={(event) => setMetric({ ...metric, eventType: event.target.value })}>
                {['conversion', 'click', 'page_view', 'custom'].map((value) => (
                  <option key={value}>{value}</option>
                ))}
              </select>
            </label>
            <label style={field}>
              {t.eventName}
                  <input value={metric.eventName} onChange={(event) => setMetric({ ...metric, eventName: event.target.value })} />
                </label>
              </>
            )}
            <label style={field}>
              {t.windowDays}
              <input type="number" min={1} max={90} value={metric.windowDays} onChange={(event) => setMetric({ ...metric, windowDays: Number(event.target.value) })} />
            </label>
          </fieldset>
          {error ? <div role="alert">{error}</div> : null}
          <div style={{ display: 'flex', gap: 8 }}>
            <Button size="small" onClick={() => void start()}>
              {t.create}
            </Button>
            <Button buttonStyle="secondary" size="small" onClick={() => setOpen(false)}>
              {t.cancel}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
