/**
 * Interest scores: points per kind of event, a cap, and exponential decay
 * with a half-life. A score is kept as (value, at): its value at instant `at`,
 * so it updates in O(1) per event and decays to any later instant in closed
 * form, value(t) = value · 2^(−(t − at) / halfLife) (exponential decay with
 * half-life h: N(t) = N₀ · (1/2)^(t/h)).
 */
import { z } from 'zod'

import { EVENT_TYPES, SLUG } from './axes'

export const CompiledScoreSchema = z.object({
  key: z.string().regex(SLUG),
  /** Event type (and category, when stated) → points. */
  rules: z.array(z.object({ event: z.enum(EVENT_TYPES), category: z.string().optional(), points: z.number() })),
  cap: z.number().positive(),
  halfLifeDays: z.number().positive(),
})
export type CompiledScore = z.infer<typeof CompiledScoreSchema>

export type ScoreState = { value: number; at: string }

const DAY_MS = 86_400_000

/** The trait a score is read by in segment rules: `score.candle-interest`. */
export const scoreTrait = (key: string) => `score.${key}`

/** The score's value at `now` (never more than the cap, never negative). */
export function scoreAt(state: ScoreState, halfLifeDays: number, now: number): number {
  const elapsed = now - Date.parse(state.at)
  return state.value * Math.pow(2, -elapsed / (halfLifeDays * DAY_MS))
}

/** The points one event earns under a definition (the most specific rule: category match first). */
export function pointsFor(score: CompiledScore, type: string, category: string | null | undefined): number {
  const specific = score.rules.find((rule) => rule.event === type && rule.category && rule.category === category)
  if (specific) return specific.points
  return score.rules.find((rule) => rule.event === type && !rule.category)?.points ?? 0
}

/**
 * Adds an event's points at `at`. An event older than the state (a late
 * arrival) adds its points decayed to the state's instant, so the order of
 * arrival changes nothing but the cap's effect.
 */
export function addPoints(state: ScoreState | undefined, score: CompiledScore, points: number, at: string): ScoreState {
  if (!state) return { value: Math.min(score.cap, Math.max(0, points)), at }
  if (at >= state.at) {
    const value = scoreAt(state, score.halfLifeDays, Date.parse(at)) + points
    return { value: Math.min(score.cap, Math.max(0, value)), at }
  }
  const late = points * Math.pow(2, -(Date.parse(state.at) - Date.parse(at)) / (score.halfLifeDays * DAY_MS))
  return { value: Math.min(score.cap, Math.max(0, state.value + late)), at: state.at }
}
