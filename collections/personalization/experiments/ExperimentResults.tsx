'use client'
/**
 * An experiment's results, in the style of GrowthBook's table: per arm its
 * units, metric value, lift against control with its interval drawn as a
 * bar, and the chance to win (Bayesian) or the p-value; SRM and
 * multiple-exposure banners, sample progress, breakdowns; Stop, Ship (and
 * undo). It reads GET /api/experiments/{key}/results, so it shows the API's
 * very numbers.
 */
import { Button, useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import type { ExperimentResults as Results } from '../../../delivery/experiments'
import { labelsFor, signedOn, type ExperimentLabels } from './labels'

type Doc = { key: string; status: string; phase?: number; arms?: { variant: string; label?: string }[] }
type Statistics = Results['metrics'][number]['statistics']

const percent = (value: number, digits = 1) => `${(value * 100).toFixed(digits)} %`

/** The interval on a shared axis around 0, as GrowthBook draws it: green when it clears 0 upwards, red downwards. */
function IntervalBar({ interval, effect, domain, label }: { interval: readonly [number, number]; effect: number; domain: number; label: string }) {
  const x = (value: number) => 50 + (Math.max(-domain, Math.min(domain, value)) / domain) * 50
  const colour = interval[0] > 0 ? '#2e7d32' : interval[1] < 0 ? '#c62828' : '#757575'
  return (
    <svg width="160" height="18" role="img" aria-label={label}>
      <line x1="80" x2="80" y1="0" y2="18" stroke="var(--theme-elevation-400)" />
      <rect x={(x(interval[0]) / 100) * 160} width={Math.max(2, ((x(interval[1]) - x(interval[0])) / 100) * 160)} y="5" height="8" fill={colour} opacity="0.6" rx="2" />
      <circle cx={(x(effect) / 100) * 160} cy="9" r="3" fill={colour} />
    </svg>
  )
}

function ResultsTable({ statistics, labels, t, valueKind }: { statistics: Statistics; labels: Map<string, string>; t: ExperimentLabels; valueKind: string }) {
  const comparisons = statistics.arms.flatMap((arm) => (arm.comparison?.estimable ? [arm.comparison] : []))
  const read = (comparison: (typeof comparisons)[number]) => (statistics.view === 'sequential' ? comparison.sequential : comparison.fixedHorizon)
  const domain = Math.max(0.05, ...comparisons.flatMap((comparison) => read(comparison).interval.map(Math.abs)))
  const lift = signedOn(statistics.scale)
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse' }}>
      <thead>
        <tr style={{ textAlign: 'left' }}>
          <th>{t.arm}</th>
          <th>{t.units}</th>
          <th>{t.value}</th>
          <th>{t.lift}</th>
          <th>{statistics.view === 'sequential' ? t.chance : t.pValue}</th>
        </tr>
      </thead>
      <tbody>
        {statistics.arms.map((arm, index) => {
          const comparison = arm.comparison
          return (
            <tr key={arm.id} data-arm={arm.id} style={{ borderTop: '1px solid var(--theme-elevation-100)' }}>
              <td>
                {labels.get(arm.id) ?? arm.id}
                {index === 0 ? ` (${t.control})` : ''}
              </td>
              <td>{arm.units.toLocaleString()}</td>
              <td>{valueKind === 'binomial' ? percent(arm.mean) : arm.mean.toFixed(2)}</td>
              <td>
                {comparison?.estimable ? (
                  <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
                    <IntervalBar interval={read(comparison).interval} effect={comparison.effect} domain={domain} label={t.intervalFromTo(lift(read(comparison).interval[0]), lift(read(comparison).interval[1]))} />
                    <span data-lift>{lift(comparison.effect)}</span>
                    <small>
                      [{lift(read(comparison).interval[0])}, {lift(read(comparison).interval[1])}] · {t.verdicts[comparison.verdict]}
                    </small>
                  </span>
                ) : comparison ? (
                  t.verdicts['not-estimable']
                ) : (
                  '—'
                )}
              </td>
              <td>{comparison?.estimable ? (statistics.view === 'sequential' ? percent(comparison.chanceToBeatControl) : read(comparison).adjustedPValue.toFixed(4)) : '—'}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** The experiment (for its key, status and arm labels), then its results in the asked view and breakdown. */
async function fetchResults(id: string, view: string, breakdown: string): Promise<{ doc?: Doc; results?: Results; error?: string }> {
  const doc = (await (await fetch(`/api/experiments/${id}?depth=0`, { credentials: 'include' })).json()) as Doc
  const query = new URLSearchParams({ view, ...(breakdown ? { breakdown } : {}) })
  const response = await fetch(`/api/experiments/${encodeURIComponent(doc.key)}/results?${query}`, { credentials: 'include' })
  const body = (await response.json()) as Results & { error?: { message: string } }
  return response.ok ? { doc, results: body } : { doc, error: body.error?.message ?? `Error ${response.status}` }
}

export const ExperimentResults: React.FC = () => {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const t = labelsFor(i18n.language)
  const [doc, setDoc] = useState<Doc>()
  const [results, setResults] = useState<Results>()
  const [error, setError] = useState<string>()
  const [view, setView] = useState<'sequential' | 'fixed-horizon'>('sequential')
  const [breakdown, setBreakdown] = useState('')

  useEffect(() => {
    if (!id) return
    let cancelled = false
    void fetchResults(String(id), view, breakdown).then((loaded) => {
      if (cancelled) return
      setDoc(loaded.doc)
      setResults(loaded.results)
      setError(loaded.error)
    })
    return () => {
      cancelled = true
    }
  }, [id, view, breakdown])

  if (!id) return null
  const change = async (data: Record<string, unknown>) => {
    const response = await fetch(`/api/experiments/${id}`, { method: 'PATCH', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify(data) })
    if (response.ok) window.location.reload()
    else {
      const body = (await response.json().catch(() => ({}))) as { errors?: { message?: string; data?: { errors?: { message: string }[] } }[] }
      setError(body.errors?.flatMap((item) => item.data?.errors?.map((issue) => issue.message) ?? [item.message ?? '']).join(' ') || `Error ${response.status}`)
    }
  }
  const labels = new Map((doc?.arms ?? []).map((arm) => [arm.variant, arm.label || arm.variant]))
  const primary = results?.metrics[0]
  const health = primary?.statistics.health
  const banner = (text: string, tone: 'error' | 'warning' | 'success') => (
    <div role={tone === 'success' ? 'status' : 'alert'} data-banner={tone} style={{ padding: 8, borderRadius: 4, background: tone === 'error' ? '#fdecea' : tone === 'warning' ? '#fff4e5' : '#edf7ed', color: '#222' }}>
      {text}
    </div>
  )

  return (
    <section aria-label={t.results} data-testid="experiment-results" style={{ display: 'grid', gap: 12, marginTop: 24 }}>
      <h3>{t.results}</h3>
      {doc ? (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
          <span>
            {t.status}: <strong data-status>{doc.status}</strong> · {t.phase} {doc.phase ?? 1}
          </span>
          {doc.status === 'running' || doc.status === 'paused' ? (
            <Button size="small" buttonStyle="secondary" onClick={() => void change({ status: 'stopped' })}>
              {t.stop}
            </Button>
          ) : null}
          {doc.status !== 'draft' && doc.status !== 'shipped'
            ? (doc.arms ?? []).map((arm) => (
                <Button key={arm.variant} size="small" buttonStyle="secondary" onClick={() => void change({ status: 'shipped', shippedArm: arm.variant })}>
                  {t.ship} {arm.label || arm.variant}
                </Button>
              ))
            : null}
          {doc.status === 'shipped' ? (
            <Button size="small" buttonStyle="secondary" onClick={() => void change({ status: 'stopped' })}>
              {t.unship}
            </Button>
          ) : null}
          {doc.status === 'stopped' ? (
            <Button size="small" buttonStyle="secondary" onClick={() => void change({ status: 'running' })}>
              {t.runAgain}
            </Button>
          ) : null}
          <a href={`/api/experiments/${doc.key}/exposures?format=csv`}>{t.exportCsv}</a>
          <a href={`/api/experiments/${doc.key}/exposures?format=ndjson`}>{t.exportNdjson}</a>
        </div>
      ) : null}
      {error ? banner(error, 'error') : null}
      {!results && !error ? <p>{t.loading}</p> : null}
      {results && !primary ? <p data-no-results>{t.noResults}</p> : null}
      {health ? (health.sampleRatio.mismatch ? banner(t.srmBad, 'error') : banner(`${t.srmOk} (p = ${health.sampleRatio.pValue.toFixed(3)})`, 'success')) : null}
      {health?.multipleExposures?.tooMany ? banner(`${t.multipleBad} (${percent(health.multipleExposures.share)})`, 'warning') : null}
      {health?.tooLittleData ? banner(t.tooLittle, 'warning') : null}
      {results ? (
        <label>
          {t.progress}: {results.sampleProgress.smallestArm.toLocaleString()} / {results.sampleProgress.minimumUnitsPerArm.toLocaleString()}{' '}
          <progress max={1} value={results.sampleProgress.share} />
        </label>
      ) : null}
      <div style={{ display: 'flex', gap: 16 }}>
        <label>
          {t.view}{' '}
          <select value={view} onChange={(event) => setView(event.target.value as typeof view)}>
            <option value="sequential">{t.sequential}</option>
            <option value="fixed-horizon">{t.fixedHorizon}</option>
          </select>
        </label>
        <label>
          {t.breakdown}{' '}
          <select value={breakdown} onChange={(event) => setBreakdown(event.target.value)}>
            <option value="">{t.none}</option>
            {Object.entries(t.breakdowns).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {results?.metrics.map(({ metric, statistics }) => (
        <div key={metric.id}>
          <h4>
            {metric.label} <small>({t.roles[metric.role]})</small>
          </h4>
          <ResultsTable statistics={statistics} labels={labels} t={t} valueKind={metric.kind} />
        </div>
      ))}
      {results?.breakdown
        ? results.breakdown.slices.map((slice) =>
            slice.statistics ? (
              <div key={slice.value}>
                <h4>{slice.value}</h4>
                <ResultsTable statistics={slice.statistics} labels={labels} t={t} valueKind={primary?.metric.kind ?? 'binomial'} />
              </div>
            ) : null,
          )
        : null}
    </section>
  )
}
