/**
 * What an event adds to a profile beyond counts and traits: the ask log
 * (a form_answer event names its question and what the person did) and the
 * interest scores its points feed. Part of the one fold (profileFold.ts), so
 * recording and rebuilding agree.
 */
import { addPoints, AskRecordSchema, type AskLog, type CompiledScore, pointsFor, type ScoreState } from '../../engine'

/** What these folds read of an event (a FoldedEvent, profileFold.ts). */
type FoldedEvent = { type: string; category?: string | null; properties?: Record<string, unknown> | null; occurredAt: string }

/** The ask log entry an answer event carries, if any. */
function askRecordOf(event: FoldedEvent) {
  const question = event.properties?.question
  if (event.type !== 'form_answer' || typeof question !== 'string') return undefined
  const record = AskRecordSchema.safeParse({ outcome: event.properties?.outcome ?? 'answered', at: event.occurredAt, channel: event.properties?.channel })
  return record.success ? { question, record: record.data } : undefined
}

export function foldAnswer(asks: AskLog, event: FoldedEvent): void {
  const found = askRecordOf(event)
  if (!found) return
  const current = asks[found.question]
  // A later choice of the person wins over an earlier one.
  if (!current || current.at <= found.record.at) asks[found.question] = found.record
}

export function foldScores(states: Record<string, ScoreState>, event: FoldedEvent, scores: readonly CompiledScore[]): void {
  for (const score of scores) {
    const points = pointsFor(score, event.type, event.category)
    if (points !== 0) states[score.key] = addPoints(states[score.key], score, points, event.occurredAt)
  }
}
