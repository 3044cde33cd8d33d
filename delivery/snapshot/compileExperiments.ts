/**
 * Experiments into the snapshot: running, paused and shipped ones (drafts and
 * stopped experiments decide nothing), with editors' percentages turned into
 * the engine's shares, and the phase's hash seed.
 */
import type { Payload } from 'payload'

import { CHANNELS, type Channel, EXPERIMENT_UNITS, phaseSeed, type ScopedExperiment, ScopedExperimentSchema } from '../../engine'
import { CompileError } from './compileDocuments'

type Relation = number | string | { id: number | string } | null | undefined
export type ExperimentDoc = {
  key: string
  status?: string | null
  shippedArm?: string | null
  phase?: number | null
  scope?: string | null
  block?: Relation
  page?: Relation
  arms?: { variant?: string | null; weight?: number | null }[] | null
  coverage?: number | null
  unit?: string | null
  purpose?: string | null
  audience?: Relation[] | null
  channels?: string[] | null
  startAt?: string | null
  endAt?: string | null
}

const COMPILED_STATUSES = ['running', 'paused', 'shipped'] as const

const idOf = (relation: Relation): string | undefined =>
  relation === null || relation === undefined ? undefined : String(typeof relation === 'object' ? relation.id : relation)

const epoch = (value: string | null | undefined) => (value ? Date.parse(value) : undefined)

export function compileExperiment(doc: ExperimentDoc): ScopedExperiment | undefined {
  const status = doc.status as (typeof COMPILED_STATUSES)[number]
  if (!COMPILED_STATUSES.includes(status)) return undefined
  const arms = doc.arms ?? []
  const total = arms.reduce((sum, arm) => sum + Math.max(0, arm.weight ?? 0), 0)
  const phase = doc.phase ?? 1
  const scopeId = idOf(doc.scope === 'subject' ? doc.page : doc.block)
  const parsed = ScopedExperimentSchema.safeParse({
    experiment: {
      key: doc.key,
      phase,
      seed: phaseSeed(doc.key, phase),
      status,
      unit: EXPERIMENT_UNITS.find((unit) => unit === doc.unit) ?? 'person',
      arms: arms.map((arm) => ({ id: String(arm.variant), weight: total > 0 ? Math.max(0, arm.weight ?? 0) / total : 0 })),
      coverage: Math.min(100, Math.max(0, doc.coverage ?? 100)) / 100,
      audience: (doc.audience ?? []).map(idOf).filter((id): id is string => id !== undefined),
      channels: (doc.channels ?? []).filter((channel): channel is Channel => (CHANNELS as readonly string[]).includes(channel)),
      ...(status === 'shipped' && doc.shippedArm ? { shippedArm: doc.shippedArm } : {}),
    },
    scope: doc.scope === 'subject' ? { kind: 'subject', page: scopeId } : { kind: 'block', block: scopeId },
    purpose: doc.purpose || 'analytics',
    ...(epoch(doc.startAt) !== undefined ? { startAt: epoch(doc.startAt) } : {}),
    ...(epoch(doc.endAt) !== undefined ? { endAt: epoch(doc.endAt) } : {}),
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new CompileError(`Experiment “${doc.key}”: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  return parsed.data
}

/** The live experiments, sorted by key (the snapshot's hash must not depend on read order), and the holdout. */
export async function readExperiments(payload: Payload): Promise<{ experiments: ScopedExperiment[]; holdoutPercent: number }> {
  const { docs } = await payload.find({ collection: 'experiments', where: { status: { in: [...COMPILED_STATUSES] } }, depth: 0, pagination: false, overrideAccess: true })
  const experiments = (docs as unknown as ExperimentDoc[])
    .map(compileExperiment)
    .filter((experiment): experiment is ScopedExperiment => experiment !== undefined)
    .sort((a, b) => (a.experiment.key < b.experiment.key ? -1 : 1))
  const settings = await payload.findGlobal({ slug: 'experiment-settings', depth: 0, overrideAccess: true })
  return { experiments, holdoutPercent: settings.holdoutPercent ?? 0 }
}
