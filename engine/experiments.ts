/**
 * A/B/n experiments as the delivery snapshot holds them, and the assignment
 * of a unit (a person or a store) to an arm.
 *
 * Assignment is deterministic and GrowthBook-compatible (experimentBuckets.ts):
 * the experiment's seed, arm weights and coverage decide, so a unit keeps its
 * arm for as long as they do. Changing arms, weights or coverage therefore
 * starts a new phase (`startsNewPhase`), and a new phase hashes with a new seed
 * (`phaseSeed`): units are randomized afresh instead of carrying the last
 * phase's split into the next (GrowthBook's "re-randomize" on a new phase,
 * which avoids carry-over bias). Results are read per phase.
 *
 * A site-wide holdout keeps a share of people out of every experiment. It
 * hashes under its own seed, so who is held out is independent of every
 * experiment's split; and it holds out people, never stores.
 */
import { z } from 'zod'

import { CHANNELS, type Channel } from './axes'
import { armAt, bucketOf, bucketRanges, hashSeed, type BucketRanges, type HashSeed } from './experimentBuckets'

export const EXPERIMENT_STATUSES = ['running', 'paused', 'stopped', 'shipped'] as const
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number]

/** What is randomized: a person (visitor, customer) or a store (its screens). */
export const EXPERIMENT_UNITS = ['person', 'store'] as const
export type ExperimentUnit = (typeof EXPERIMENT_UNITS)[number]

/** The site-wide holdout's seed; no experiment may hash under it. */
export const HOLDOUT_SEED = 'tessera:site-holdout'

/** Weights must add up to 1 this closely; the compiler normalizes editors' percentages. */
const WEIGHT_TOLERANCE = 1e-9

export const ExperimentArmSchema = z.object({
  id: z.string().min(1),
  /** Share of enrolled units, in [0, 1]; the arms' weights add up to 1. */
  weight: z.number().min(0).max(1),
})
export type ExperimentArm = z.infer<typeof ExperimentArmSchema>

export const CompiledExperimentSchema = z
  .object({
    key: z.string().min(1),
    /** 1 for the first phase; each change of arms, weights or coverage adds one. */
    phase: z.number().int().min(1),
    /** The hash seed (GrowthBook's `seed`): `phaseSeed(key, phase)`, or a seed carried over from GrowthBook. */
    seed: z
      .string()
      .min(1)
      .refine((seed) => seed !== HOLDOUT_SEED, 'This seed is the site holdout’s.'),
    status: z.enum(EXPERIMENT_STATUSES),
    unit: z.enum(EXPERIMENT_UNITS),
    /** The first arm is the control: what units outside the experiment see. */
    arms: z.array(ExperimentArmSchema).min(2),
    /** Share of eligible units enrolled, in [0, 1]. */
    coverage: z.number().min(0).max(1),
    /** Segment ids; a unit must be in one of them. Empty: everyone. */
    audience: z.array(z.string()),
    /** Empty: every channel. */
    channels: z.array(z.enum(CHANNELS)),
    /** The arm everyone in the audience sees once the experiment is shipped. */
    shippedArm: z.string().optional(),
  })
  .superRefine((experiment, context) => {
    const ids = experiment.arms.map((arm) => arm.id)
    if (new Set(ids).size !== ids.length) context.addIssue({ code: 'custom', path: ['arms'], message: 'Arm ids must be unique.' })
    const total = experiment.arms.reduce((sum, arm) => sum + arm.weight, 0)
    if (Math.abs(total - 1) > WEIGHT_TOLERANCE) {
      context.addIssue({ code: 'custom', path: ['arms'], message: `Arm weights must add up to 1 (they add up to ${total}).` })
    }
    if (experiment.status === 'shipped' && experiment.shippedArm === undefined) {
      context.addIssue({ code: 'custom', path: ['shippedArm'], message: 'A shipped experiment names the arm it shipped.' })
    }
    if (experiment.shippedArm !== undefined && !ids.includes(experiment.shippedArm)) {
      context.addIssue({ code: 'custom', path: ['shippedArm'], message: `The shipped arm "${experiment.shippedArm}" is not one of the arms.` })
    }
  })
export type CompiledExperiment = z.infer<typeof CompiledExperimentSchema>

/**
 * The seed of a phase: the key itself in phase 1 (GrowthBook's default seed,
 * so an SDK given only the key agrees), a new seed for each later phase.
 */
export const phaseSeed = (key: string, phase: number): string => (phase === 1 ? key : `${key}:phase-${phase}`)

/** Whether going from `running` to `next` changes who lands where, so that `next` must be a new phase. */
export function startsNewPhase(running: CompiledExperiment, next: CompiledExperiment): boolean {
  if (running.coverage !== next.coverage || running.arms.length !== next.arms.length) return true
  return running.arms.some((arm, i) => arm.id !== next.arms[i]!.id || arm.weight !== next.arms[i]!.weight)
}

// ─── Assignment ────────────────────────────────────────────────────────────

export type NotEnrolledReason =
  | 'paused'
  | 'stopped'
  /** Shipped: the unit sees the shipped arm, and nothing is measured. */
  | 'shipped'
  | 'other-channel'
  | 'outside-audience'
  /** No id to hash (an anonymous request without a visitor id). */
  | 'missing-unit-id'
  | 'holdout'
  /** Hashed outside every arm's range (coverage below 1). */
  | 'outside-coverage'

/**
 * Which arm a unit sees, and whether it is enrolled (only an enrolled unit's
 * exposure is recorded). A unit that is not enrolled sees the control, or the
 * shipped arm of a shipped experiment.
 */
export type Assignment =
  | { readonly enrolled: true; readonly arm: ExperimentArm; readonly armIndex: number }
  | { readonly enrolled: false; readonly arm: ExperimentArm; readonly reason: NotEnrolledReason }

/** An experiment ready to assign: seeds hashed and bucket ranges computed once, every answer made in advance. */
export type PreparedExperiment = {
  readonly experiment: CompiledExperiment
  readonly seed: HashSeed
  readonly ranges: BucketRanges
  readonly enrolledIn: readonly Assignment[]
  readonly notEnrolled: Readonly<Record<NotEnrolledReason, Assignment>>
}

/** What the request knows that an experiment's audience asks about. */
export type AssignmentContext = {
  readonly channel: Channel
  /** Segments the unit is a member of (the engine's segment evaluation). */
  readonly memberIds: ReadonlySet<string>
}

const holdoutSeed = hashSeed(HOLDOUT_SEED)

/** Whether a person is in the site-wide holdout of `holdoutPercent` % (0–100). Raising the percentage only adds people. */
export const inHoldout = (personId: string, holdoutPercent: number): boolean => bucketOf(holdoutSeed, personId) < holdoutPercent / 100

export function prepareExperiment(experiment: CompiledExperiment): PreparedExperiment {
  const control = experiment.arms[0]!
  const shipped = experiment.arms.find((arm) => arm.id === experiment.shippedArm) ?? control
  const reasons: NotEnrolledReason[] = ['paused', 'stopped', 'shipped', 'other-channel', 'outside-audience', 'missing-unit-id', 'holdout', 'outside-coverage']
  const notEnrolled = Object.fromEntries(
    reasons.map((reason) => [reason, Object.freeze({ enrolled: false, reason, arm: reason === 'shipped' ? shipped : control })]),
  ) as Record<NotEnrolledReason, Assignment>
  return {
    experiment,
    seed: hashSeed(experiment.seed),
    ranges: bucketRanges(
      experiment.arms.map((arm) => arm.weight),
      experiment.coverage,
    ),
    enrolledIn: experiment.arms.map((arm, armIndex) => Object.freeze({ enrolled: true, arm, armIndex })),
    notEnrolled,
  }
}

function inAudience(audience: readonly string[], memberIds: ReadonlySet<string>): boolean {
  if (audience.length === 0) return true
  for (const id of audience) if (memberIds.has(id)) return true
  return false
}

/**
 * The arm a unit sees. Checks run from the cheapest and most general down to
 * the hash: status, channel, audience, holdout (people only), then the bucket.
 * Held-out people see the control even of a shipped experiment: the holdout
 * measures what all experiments together changed.
 */
export function assign(prepared: PreparedExperiment, unitId: string, holdoutPercent: number, context: AssignmentContext): Assignment {
  const { experiment, notEnrolled } = prepared
  if (experiment.status === 'paused' || experiment.status === 'stopped') return notEnrolled[experiment.status]
  if (experiment.channels.length > 0 && !experiment.channels.includes(context.channel)) return notEnrolled['other-channel']
  if (!inAudience(experiment.audience, context.memberIds)) return notEnrolled['outside-audience']
  if (unitId === '') return notEnrolled[experiment.status === 'shipped' ? 'shipped' : 'missing-unit-id']
  if (experiment.unit === 'person' && holdoutPercent > 0 && inHoldout(unitId, holdoutPercent)) return notEnrolled.holdout
  if (experiment.status === 'shipped') return notEnrolled.shipped
  const armIndex = armAt(bucketOf(prepared.seed, unitId), prepared.ranges)
  return armIndex < 0 ? notEnrolled['outside-coverage'] : prepared.enrolledIn[armIndex]!
}
