/**
 * Whether quality improves: the number of violations counted once a day
 * (a Payload job, or on demand), and its weekly trend (the last count of each
 * ISO week).
 */
import type { Payload } from 'payload'

import { standardsReport } from './report'

export type WeeklyCount = { week: string; total: number; blocking: number; warnings: number }

const day = (at: Date) => at.toISOString().slice(0, 10)

/** ISO 8601 week of a UTC date, e.g. "2026-W49" (the week with the year's first Thursday is week 1). */
export function isoWeek(at: Date): string {
  const date = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
  const weekday = date.getUTCDay() || 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday)
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1)
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7)
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`
}

/** Counts today's violations and stores them (one count per day: a later count of the same day replaces it). */
export async function recordViolationCount(payload: Payload, at = new Date()): Promise<WeeklyCount & { day: string }> {
  const report = await standardsReport(payload)
  const data = { day: day(at), countedAt: at.toISOString(), total: report.violations.length, blocking: report.blocking, warnings: report.warnings }
  const { docs } = await payload.find({ collection: 'standard-counts', where: { day: { equals: data.day } }, limit: 1, depth: 0, overrideAccess: true })
  if (docs[0]) await payload.update({ collection: 'standard-counts', id: docs[0].id, data, overrideAccess: true })
  else await payload.create({ collection: 'standard-counts', data, overrideAccess: true })
  return { ...data, week: isoWeek(at) }
}

/** The last count of each of the latest `weeks` ISO weeks that have one, oldest first. */
export async function weeklyViolationTrend(payload: Payload, weeks = 12): Promise<WeeklyCount[]> {
  const { docs } = await payload.find({ collection: 'standard-counts', sort: '-day', limit: weeks * 7, depth: 0, overrideAccess: true })
  const byWeek = new Map<string, WeeklyCount>()
  for (const doc of docs as { day: string; total: number; blocking: number; warnings: number }[]) {
    const week = isoWeek(new Date(`${doc.day}T00:00:00Z`))
    if (!byWeek.has(week)) byWeek.set(week, { week, total: doc.total, blocking: doc.blocking, warnings: doc.warnings })
  }
  return [...byWeek.values()].slice(0, weeks).reverse()
}
