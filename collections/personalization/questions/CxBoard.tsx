'use client'
/** The monthly CX board above the questions list: NPS and CES trends with intervals, response volume, the three biggest movers. */
import { useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { Table } from '../../customers/profiles/ProfileInsight'
import { formatInterval, formatScore } from './SurveyDashboard'

type Score = { n: number; score: number; low: number; high: number }
type Board = {
  months: string[]
  nps: { period: string; result: Score }[]
  ces: { period: string; result: Score }[]
  volume: { period: string; nps: number; ces: number }[]
  movers: { by: string; key: string; from: number; to: number; change: number }[]
}

const TEXT = {
  en: { title: 'Monthly CX board', nps: 'NPS by month', ces: 'CES by month', volume: 'Response volume', movers: 'Biggest NPS movers (last two months)', month: 'Month', score: 'Score', interval: '95 % interval', responses: 'Responses', who: 'Segment or store', from: 'From', to: 'To', change: 'Change', loading: 'Loading the board…' },
  fr: { title: 'Tableau de bord CX mensuel', nps: 'NPS par mois', ces: 'CES par mois', volume: 'Volume de réponses', movers: 'Plus fortes variations du NPS (deux derniers mois)', month: 'Mois', score: 'Score', interval: 'Intervalle à 95 %', responses: 'Réponses', who: 'Segment ou boutique', from: 'De', to: 'À', change: 'Variation', loading: 'Chargement du tableau…' },
} as const

export const CxBoard: React.FC = () => {
  const { i18n } = useTranslation()
  const text = TEXT[i18n.language === 'fr' ? 'fr' : 'en']
  const [board, setBoard] = useState<Board>()
  useEffect(() => {
    let cancelled = false
    void fetch('/api/questions/board', { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<Board>) : undefined))
      .then((data) => !cancelled && data && setBoard(data))
    return () => {
      cancelled = true
    }
  }, [])
  if (!board) return <p>{text.loading}</p>
  const trend = (kind: string, rows: Board['nps']) => rows.map(({ period, result }) => [period, formatScore(kind, result.score), formatInterval(kind, result), String(result.n)])
  return (
    <section className="cx-board" aria-labelledby="cx-board-title" style={{ padding: '0 var(--gutter-h)' }}>
      <h2 id="cx-board-title">{text.title}</h2>
      <Table caption={text.nps} head={[text.month, text.score, text.interval, text.responses]} rows={trend('nps', board.nps)} />
      <Table caption={text.ces} head={[text.month, text.score, text.interval, text.responses]} rows={trend('ces', board.ces)} />
      <Table caption={text.volume} head={[text.month, 'NPS', 'CES']} rows={board.volume.map((row) => [row.period, String(row.nps), String(row.ces)])} />
      <Table caption={text.movers} head={[text.who, text.from, text.to, text.change]} rows={board.movers.map((mover) => [`${mover.key} (${mover.by})`, mover.from.toFixed(1), mover.to.toFixed(1), `${mover.change > 0 ? '+' : ''}${mover.change.toFixed(1)}`])} />
    </section>
  )
}
