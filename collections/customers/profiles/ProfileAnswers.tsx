'use client'
/** What a person answered, declined or skipped (the ask log), and their interest scores, in the admin's language. */
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

import { Table } from './ProfileInsight'

type Insight = {
  profile: { asks: Record<string, { outcome: string; at: string; channel?: string }>; traits: Record<string, { value: unknown; source: string; at: string }> }
  scores: { key: string; value: number }[]
}

const TEXT = {
  en: { answers: 'Questions asked (answered, declined, skipped)', question: 'Question', outcome: 'Outcome', channel: 'Channel', when: 'When', scores: 'Interest scores (decayed to now)', score: 'Score', value: 'Value', loading: 'Loading answers…' },
  fr: { answers: 'Questions posées (répondues, refusées, passées)', question: 'Question', outcome: 'Résultat', channel: 'Canal', when: 'Quand', scores: 'Scores d’intérêt (à ce jour)', score: 'Score', value: 'Valeur', loading: 'Chargement des réponses…' },
} as const

export const ProfileAnswers: React.FC = () => {
  const { id } = useDocumentInfo()
  const { i18n } = useTranslation()
  const text = TEXT[i18n.language === 'fr' ? 'fr' : 'en']
  const [insight, setInsight] = useState<Insight>()
  const [questions, setQuestions] = useState<Record<string, string>>({})

  useEffect(() => {
    if (!id) return
    let cancelled = false
    void fetch(`/api/profiles/${id}/insight`, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<Insight>) : undefined))
      .then((data) => !cancelled && data && setInsight(data))
    void fetch('/api/questions?limit=200&depth=0', { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<{ docs: { id: number | string; trait: string }[] }>) : undefined))
      .then((data) => !cancelled && data && setQuestions(Object.fromEntries(data.docs.map((doc) => [String(doc.id), doc.trait]))))
    return () => {
      cancelled = true
    }
  }, [id])

  if (!id) return null
  if (!insight) return <p>{text.loading}</p>
  const asks = Object.entries(insight.profile.asks ?? {}).sort(([, a], [, b]) => (a.at < b.at ? 1 : -1))
  return (
    <div className="profile-answers">
      <Table
        caption={text.answers}
        head={[text.question, text.outcome, text.channel, text.when]}
        rows={asks.map(([question, record]) => {
          const trait = questions[question]
          const value = trait ? insight.profile.traits[trait]?.value : undefined
          return [trait ?? question, `${record.outcome}${value !== undefined ? `: ${JSON.stringify(value)}` : ''}`, record.channel ?? '', new Date(record.at).toLocaleString(i18n.language)]
        })}
      />
      <Table caption={text.scores} head={[text.score, text.value]} rows={insight.scores.map((score) => [score.key, score.value.toFixed(2)])} />
    </div>
  )
}
