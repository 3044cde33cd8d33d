/**
 * What the survey dashboards show, read from the stored survey answers
 * (form_answer events named `survey:<kind>`, each with its score and the
 * context at answer time): the score with its 95 % interval, its trend by
 * week or month (an interval per point), breakdowns by segment, channel,
 * store and experiment arm, the response rate, and the open answers; and the
 * monthly CX board (NPS and CES trends, volumes, the three biggest movers).
 */
import type { Payload } from 'payload'

import { isSurvey, type SurveyKind } from '../../engine'
import { surveyScore, type SurveyScore } from './surveyStatistics'

type Answer = { score: number; at: string; channel?: string; store?: string; segments: string[]; arms: Record<string, string>; followUp?: string }
type Declined = { at: string }

export type Breakdown = { key: string; result: SurveyScore }[]
export type SurveyResults = {
  kind: SurveyKind
  overall?: SurveyScore
  trend: { period: string; result: SurveyScore }[]
  breakdowns: { segment: Breakdown; channel: Breakdown; store: Breakdown; arm: Breakdown }
  /** Answered ÷ (answered + declined + skipped): how often asking got an answer. */
  responseRate?: number
  openAnswers: { at: string; score: number; text: string }[]
}

const MAX_ANSWERS = 20_000

async function answersOf(payload: Payload, question: string, kind: SurveyKind): Promise<{ answers: Answer[]; declined: Declined[] }> {
  const { docs } = await payload.find({
    collection: 'profile-events',
    where: { type: { equals: 'form_answer' }, name: { equals: `survey:${kind}` } },
    select: { properties: true, occurredAt: true },
    sort: '-occurredAt',
    limit: MAX_ANSWERS,
    depth: 0,
    overrideAccess: true,
  })
  const answers: Answer[] = []
  const declined: Declined[] = []
  for (const doc of docs) {
    const properties = (doc.properties ?? {}) as Record<string, unknown>
    if (properties.question !== question) continue
    const at = new Date(doc.occurredAt).toISOString()
    if (properties.outcome !== 'answered' || typeof properties.score !== 'number') {
      declined.push({ at })
      continue
    }
    answers.push({
      score: properties.score,
      at,
      channel: typeof properties.channel === 'string' ? properties.channel : undefined,
      store: typeof properties.store === 'string' ? properties.store : undefined,
      segments: Array.isArray(properties.segments) ? properties.segments.filter((value): value is string => typeof value === 'string') : [],
      arms: properties.arms && typeof properties.arms === 'object' ? (properties.arms as Record<string, string>) : {},
      followUp: typeof properties.followUp === 'string' ? properties.followUp : undefined,
    })
  }
  return { answers, declined }
}

/** ISO week (2026-W05) or month (2026-01). */
export function periodOf(at: string, period: 'week' | 'month'): string {
  if (period === 'month') return at.slice(0, 7)
  // ISO 8601: a week belongs to the year of its Thursday, and week 1 holds that year's first Thursday.
  const date = new Date(`${at.slice(0, 10)}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) + 3)
  const week = 1 + Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / (7 * 86_400_000))
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

function grouped(kind: SurveyKind, answers: Answer[], keys: (answer: Answer) => string[]): Breakdown {
  const groups = new Map<string, number[]>()
  for (const answer of answers) for (const key of keys(answer)) groups.set(key, [...(groups.get(key) ?? []), answer.score])
  return [...groups]
    .map(([key, scores]) => ({ key, result: surveyScore(kind, scores)! }))
    .sort((a, b) => b.result.n - a.result.n || (a.key < b.key ? -1 : 1))
}

export function surveyResultsOf(kind: SurveyKind, answers: Answer[], declined: Declined[], period: 'week' | 'month'): SurveyResults {
  const trend = grouped(kind, answers, (answer) => [periodOf(answer.at, period)])
    .map(({ key, result }) => ({ period: key, result }))
    .sort((a, b) => (a.period < b.period ? -1 : 1))
  const asked = answers.length + declined.length
  return {
    kind,
    overall: surveyScore(kind, answers.map((answer) => answer.score)),
    trend,
    breakdowns: {
      segment: grouped(kind, answers, (answer) => answer.segments),
      channel: grouped(kind, answers, (answer) => (answer.channel ? [answer.channel] : [])),
      store: grouped(kind, answers, (answer) => (answer.store ? [answer.store] : [])),
      arm: grouped(kind, answers, (answer) => Object.entries(answer.arms).map(([experiment, arm]) => `${experiment}: ${arm}`)),
    },
    ...(asked > 0 ? { responseRate: answers.length / asked } : {}),
    openAnswers: answers.filter((answer) => answer.followUp).slice(0, 50).map((answer) => ({ at: answer.at, score: answer.score, text: answer.followUp! })),
  }
}

export async function surveyResults(payload: Payload, questionId: string, period: 'week' | 'month'): Promise<SurveyResults | undefined> {
  const question = await payload.findByID({ collection: 'questions', id: questionId, depth: 0, overrideAccess: true, disableErrors: true })
  if (!question || !isSurvey(question.type)) return undefined
  const { answers, declined } = await answersOf(payload, String(question.id), question.type)
  return surveyResultsOf(question.type, answers, declined, period)
}

export type Mover = { by: 'segment' | 'store'; key: string; from: number; to: number; change: number }
export type CxBoard = {
  months: string[]
  nps: { period: string; result: SurveyScore }[]
  ces: { period: string; result: SurveyScore }[]
  volume: { period: string; nps: number; ces: number }[]
  /** The three segments or stores whose NPS moved most between the last two months. */
  movers: Mover[]
}

/** The monthly board: the last six months of NPS and CES, volumes, and the biggest movers. */
export async function cxBoard(payload: Payload): Promise<CxBoard> {
  const { docs } = await payload.find({ collection: 'questions', where: { type: { in: ['nps', 'ces'] } }, depth: 0, pagination: false, overrideAccess: true })
  const all = async (kind: 'nps' | 'ces') => (await Promise.all(docs.filter((doc) => doc.type === kind).map(async (doc) => (await answersOf(payload, String(doc.id), kind)).answers))).flat()
  const [nps, ces] = await Promise.all([all('nps'), all('ces')])
  const months = [...new Set([...nps, ...ces].map((answer) => periodOf(answer.at, 'month')))].sort().slice(-6)
  const trend = (kind: 'nps' | 'ces', answers: Answer[]) => surveyResultsOf(kind, answers.filter((answer) => months.includes(periodOf(answer.at, 'month'))), [], 'month').trend
  const [previous, last] = months.slice(-2)
  const movers: Mover[] = []
  if (previous && last) {
    for (const by of ['segment', 'store'] as const) {
      const keys = (answer: Answer) => (by === 'segment' ? answer.segments : answer.store ? [answer.store] : [])
      const before = new Map(grouped('nps', nps.filter((answer) => periodOf(answer.at, 'month') === previous), keys).map(({ key, result }) => [key, result.score]))
      for (const { key, result } of grouped('nps', nps.filter((answer) => periodOf(answer.at, 'month') === last), keys)) {
        const from = before.get(key)
        if (from !== undefined) movers.push({ by, key, from, to: result.score, change: result.score - from })
      }
    }
  }
  movers.sort((a, b) => Math.abs(b.change) - Math.abs(a.change) || (a.key < b.key ? -1 : 1))
  return {
    months,
    nps: trend('nps', nps),
    ces: trend('ces', ces),
    volume: months.map((period) => ({
      period,
      nps: nps.filter((answer) => periodOf(answer.at, 'month') === period).length,
      ces: ces.filter((answer) => periodOf(answer.at, 'month') === period).length,
    })),
    movers: movers.slice(0, 3),
  }
}
