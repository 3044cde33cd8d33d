/**
 * Experiments in a decision: which arm of which experiment a request's unit
 * sees, and why it is or is not enrolled. The snapshot carries each running,
 * paused or shipped experiment with its scope (a block, or an email page's
 * subject line); resolvePage asks here per slot and for the subject.
 *
 * A unit not enrolled gets the normal decision (segments, preferences), not
 * the control: an experiment changes nothing for people it does not measure.
 * A shipped experiment serves its arm to everyone in scope. A person's first
 * arm in a phase, kept on their profile (`sticky`), wins over the hash, so an
 * anonymous visitor who identifies later (and is hashed on a customer id from
 * then on) keeps what they were first shown.
 */
import { z } from 'zod'

import type { Channel } from './axes'
import { assign, CompiledExperimentSchema, prepareExperiment, type ExperimentUnit, type NotEnrolledReason, type PreparedExperiment } from './experiments'

export const ExperimentScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('block'), block: z.string() }),
  z.object({ kind: z.literal('subject'), page: z.string() }),
])
export type ExperimentScope = z.infer<typeof ExperimentScopeSchema>

/** An experiment as the manifest holds it: assignment settings, scope, consent purpose, dates. */
export const ScopedExperimentSchema = z.object({
  experiment: CompiledExperimentSchema,
  scope: ExperimentScopeSchema,
  /** People are enrolled only with consent to this purpose (stores need none: no one is identified). */
  purpose: z.string(),
  /** Epoch ms; before it, nobody is enrolled. */
  startAt: z.number().optional(),
  /** Epoch ms, exclusive; from it on, nobody is enrolled. */
  endAt: z.number().optional(),
})
export type ScopedExperiment = z.infer<typeof ScopedExperimentSchema>

/** Who the request's unit is, from the trusted context (the render room fills it in). */
export type ExperimentRequest = {
  /** The person's id to hash: their customer id when known, else their visitor id. */
  person?: string
  /** The store of a screen (or any request naming one). */
  store?: string
  consents: ReadonlySet<string>
  /** Arms this person was first served, `key:phase` → arm (from their profile). */
  sticky?: Readonly<Record<string, string>>
  /** An editor's preview only: experiment key → the arm to show, whatever the assignment (never from a visitor or an API key). */
  forced?: Readonly<Record<string, string>>
}

export type ExperimentNotEnrolled = NotEnrolledReason | 'no-consent' | 'not-started' | 'ended' | 'arm-not-eligible'

/** What one experiment did in a decision: the arm served (or none: the normal decision), and why. */
export type ExperimentOutcome = {
  key: string
  phase: number
  unit: ExperimentUnit
  /** The id hashed (a customer, visitor or store id); absent when there was none. */
  unitId?: string
  scope: ExperimentScope
  /** The arm whose content was served; undefined: the normal decision. */
  arm?: string
  enrolled: boolean
  reason?: ExperimentNotEnrolled
  /** The arm came from the profile (first served earlier), not from the hash. */
  sticky?: boolean
  /** The arm was picked in an editor's preview. */
  forced?: boolean
}

const REASON_TEXT: Record<ExperimentNotEnrolled, string> = {
  paused: 'paused: nobody is enrolled',
  stopped: 'stopped',
  shipped: 'shipped: everyone in scope sees the shipped arm',
  'other-channel': 'not run on this channel',
  'outside-audience': 'not in the experiment’s audience',
  'missing-unit-id': 'no id to assign (no visitor, customer or store)',
  holdout: 'in the site-wide holdout',
  'outside-coverage': 'hashed outside the coverage',
  'no-consent': 'no consent to the experiment’s purpose',
  'not-started': 'not started yet',
  ended: 'ended',
  'arm-not-eligible': 'its arm has no content for this channel or locale',
}

/** Why an outcome is what it is, in words (the decision trace). */
export function explainOutcome(outcome: ExperimentOutcome): string {
  if (outcome.forced) return `arm ${outcome.arm}, picked in the preview`
  if (outcome.enrolled) return `enrolled in arm ${outcome.arm}${outcome.sticky ? ' (first served earlier, kept on the profile)' : ''}`
  return REASON_TEXT[outcome.reason!]
}

export type PreparedScoped = { readonly scoped: ScopedExperiment; readonly prepared: PreparedExperiment; readonly stickyKey: string; readonly armIds: ReadonlySet<string> }
export type ExperimentIndex = {
  readonly byBlock: ReadonlyMap<string, PreparedScoped>
  readonly bySubject: ReadonlyMap<string, PreparedScoped>
  readonly holdoutPercent: number
}

const EMPTY: ExperimentIndex = { byBlock: new Map(), bySubject: new Map(), holdoutPercent: 0 }
const indexes = new WeakMap<object, ExperimentIndex>()

/** The manifest's experiments by scope, prepared once per snapshot. */
export function indexExperiments(manifest: { experiments?: ScopedExperiment[]; holdoutPercent?: number }): ExperimentIndex {
  if (!manifest.experiments?.length) return EMPTY
  let index = indexes.get(manifest)
  if (!index) {
    const byBlock = new Map<string, PreparedScoped>()
    const bySubject = new Map<string, PreparedScoped>()
    for (const scoped of manifest.experiments) {
      const { experiment } = scoped
      const entry = { scoped, prepared: prepareExperiment(experiment), stickyKey: `${experiment.key}:${experiment.phase}`, armIds: new Set(experiment.arms.map((arm) => arm.id)) }
      if (scoped.scope.kind === 'block') byBlock.set(scoped.scope.block, entry)
      else bySubject.set(scoped.scope.page, entry)
    }
    index = { byBlock, bySubject, holdoutPercent: manifest.holdoutPercent ?? 0 }
    indexes.set(manifest, index)
  }
  return index
}

/**
 * The arm one experiment gives this request. Order: status and dates, the
 * channel, consent (nothing about a person is read without it), then the
 * engine's assignment (audience, holdout, hash), where a sticky arm wins over
 * the hash.
 */
export function experimentOutcome(
  entry: PreparedScoped,
  request: ExperimentRequest,
  context: { channel: Channel; memberIds: ReadonlySet<string>; now: number },
  holdoutPercent: number,
): ExperimentOutcome {
  const { scoped, prepared } = entry
  const { experiment } = scoped
  const unitId = experiment.unit === 'store' ? request.store : request.person
  // Built field by field (no spreads): this runs for every experiment slot of every decision.
  const outcome = (enrolled: boolean, arm: string | undefined, reason?: ExperimentNotEnrolled, sticky?: boolean): ExperimentOutcome => {
    const result: ExperimentOutcome = { key: experiment.key, phase: experiment.phase, unit: experiment.unit, scope: scoped.scope, enrolled }
    if (unitId) result.unitId = unitId
    if (arm !== undefined) result.arm = arm
    if (reason !== undefined) result.reason = reason
    if (sticky) result.sticky = true
    return result
  }
  if (request.forced) {
    const forced = request.forced[experiment.key]
    if (forced !== undefined && entry.armIds.has(forced)) {
      const shown = outcome(true, forced)
      shown.forced = true
      return shown
    }
  }
  if (experiment.status === 'running' || experiment.status === 'paused') {
    if (scoped.startAt !== undefined && context.now < scoped.startAt) return outcome(false, undefined, 'not-started')
    if (scoped.endAt !== undefined && context.now >= scoped.endAt) return outcome(false, undefined, 'ended')
  }
  if (experiment.status === 'running' && experiment.unit === 'person' && !request.consents.has(scoped.purpose)) {
    if (experiment.channels.length > 0 && !experiment.channels.includes(context.channel)) return outcome(false, undefined, 'other-channel')
    return outcome(false, undefined, 'no-consent')
  }
  const assignment = assign(prepared, unitId ?? '', holdoutPercent, { channel: context.channel, memberIds: context.memberIds })
  if ((assignment.enrolled || assignment.reason === 'outside-coverage') && unitId && experiment.unit === 'person' && request.sticky) {
    const sticky = request.sticky[entry.stickyKey]
    if (sticky !== undefined && entry.armIds.has(sticky)) return outcome(true, sticky, undefined, true)
  }
  if (assignment.enrolled) return outcome(true, assignment.arm.id)
  return outcome(false, assignment.reason === 'shipped' ? assignment.arm.id : undefined, assignment.reason)
}
