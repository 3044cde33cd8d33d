'use client'
/** One survey's results on its page: the score with its 95 % interval, the trend, breakdowns, response rate and open answers. */
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { Table } from '../../customers/profiles/ProfileInsight'

type Score = { n: number; score: number; low: number; high: number }
type Breakdown = { key: string; result: Score }[]
type Results = {
  kind: 'nps' | 'ces' | 'csat'
  overall?: Score
  trend: { period: string; result: Score }[]
  breakdowns: { segment: Breakdown; channel: Breakdown; store: Breakdown; arm: Breakdown }
  responseRate?: number
  openAnswers: { at: string; score: number; text: string }[]
}

export const TEXT = {
  en: {
    title: 'Results', score: 'Score', interval: '95 % interval', responses: 'Responses', period: 'Period', byWeek: 'By week', byMonth: 'By month', trend: 'Trend',
    segment: 'By segment', channel: 'By channel', store: 'By store', arm: 'By experiment arm', rate: 'Response rate', open: 'Open answers', when: 'When', answer: 'Answer', none: 'No answers yet.', loading: 'Loading results…',
  },
  fr: {
    title: 'Résultats', score: 'Score', interval: 'Intervalle à 95 %', responses: 'Réponses', period: 'Période', byWeek: 'Par semaine', byMonth: 'Par mois', trend: 'Tendance',
    segment: 'Par segment', channel: 'Par canal', store: 'Par boutique', arm: 'Par bras d’expérience', rate: 'Taux de réponse', open: 'Réponses libres', when: 'Quand', answer: 'Réponse', none: 'Pas encore de réponses.', loading: 'Chargement des résultats…',
  },
} as const

export const formatScore = (kind: string, value: number) => (kind === 'ces' ? value.toFixed(2) : value.toFixed(1))
export const formatInterval = (kind: string, score: Score) => `[${formatScore(kind, score.low)} ; ${formatScore(kind, score.high)}]`

export const SurveyDashboard: React.FC = () => {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const text = TEXT[i18n.language === 'fr' ? 'fr' : 'en']
  const [period, setPeriod] = useState<'week' | 'month'>('month')
  const [results, setResults] = useState<Results>()

  useEffect(() => {
    if (!id) return
    let cancelled = false
    void fetch(`/api/questions/${id}/results?period=${period}`, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<Results>) : undefined))
      .then((data) => !cancelled && data && setResults(data))
    return () => {
      cancelled = true
    }
  }, [id, period])

  if (!id) return null
  if (!results) return <p>{text.loading}</p>
  const kind = results.kind
  const rows = (breakdown: Breakdown) => breakdown.map(({ key, result }) => [key, formatScore(kind, result.score), formatInterval(kind, result), String(result.n)])
  return (
    <section className="survey-dashboard" aria-labelledby="survey-dashboard-title">
      <h2 id="survey-dashboard-title">{text.title}</h2>
      {results.overall ? (
        <p className="survey-score">
          <strong>
            {kind.toUpperCase()} {formatScore(kind, results.overall.score)}
          </strong>{' '}
          <span className="survey-interval">
            {text.interval} {formatInterval(kind, results.overall)}
          </span>{' '}
          · {text.responses}: {results.overall.n}
          {results.responseRate !== undefined ? ` · ${text.rate}: ${(results.responseRate * 100).toFixed(0)} %` : ''}
        </p>
      ) : (
        <p>{text.none}</p>
      )}
      <p>
        <button type="button" className="btn btn--style-secondary btn--size-small" aria-pressed={period === 'month'} onClick={() => setPeriod('month')}>
          {text.byMonth}
        </button>{' '}
        <button type="button" className="btn btn--style-secondary btn--size-small" aria-pressed={period === 'week'} onClick={() => setPeriod('week')}>
          {text.byWeek}
        </button>
      </p>
      <Table caption={text.trend} head={[text.period, text.score, text.interval, text.responses]} rows={results.trend.map(({ period: key, result }) => [key, formatScore(kind, result.score), formatInterval(kind, result), String(result.n)])} />
      <Table caption={text.segment} head={[text.segment, text.score, text.interval, text.responses]} rows={rows(results.breakdowns.segment)} />
      <Table caption={text.channel} head={[text.channel, text.score, text.interval, text.responses]} rows={rows(results.breakdowns.channel)} />
      <Table caption={text.store} head={[text.store, text.score, text.interval, text.responses]} rows={rows(results.breakdowns.store)} />
      <Table caption={text.arm} head={[text.arm, text.score, text.interval, text.responses]} rows={rows(results.breakdowns.arm)} />
      <Table caption={text.open} head={[text.when, text.score, text.answer]} rows={results.openAnswers.map((answer) => [new Date(answer.at).toLocaleDateString(i18n.language), String(answer.score), answer.text])} />
    </section>
  )
}
