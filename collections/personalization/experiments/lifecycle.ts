/**
 * An experiment's lifecycle, enforced on every save (admin, REST, Local API):
 * which status may follow which, arms that exist in the scope, one live
 * experiment per scope (refused naming both), a new phase when arms, weights
 * or coverage change while it runs, and a history of who changed what, when.
 */
import { type CollectionAfterChangeHook, type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { emitChange } from '../../../delivery/sharing'

/** draft → running ⇄ paused → stopped or shipped (ship and stop are reversible: run again, or unship). */
export const EXPERIMENT_LIFECYCLE = ['draft', 'running', 'paused', 'stopped', 'shipped'] as const
export type ExperimentLifecycle = (typeof EXPERIMENT_LIFECYCLE)[number]

/** Statuses in which an experiment decides what its scope serves. */
const LIVE: readonly string[] = ['running', 'paused', 'shipped']
/** Statuses in which units are enrolled or keep their arm: a change of split then starts a phase. */
const ENROLLING: readonly string[] = ['running', 'paused']

type ArmDoc = { variant?: string | null; label?: string | null; weight?: number | null }
type Relation = number | string | { id: number | string } | null | undefined
type ExperimentDraft = {
  id?: number | string
  name?: string
  key?: string
  status?: string
  shippedArm?: string | null
  scope?: string
  block?: Relation
  page?: Relation
  arms?: ArmDoc[] | null
  coverage?: number | null
  phase?: number | null
  phases?: { phase?: number | null; startedAt?: string | null; coverage?: number | null; arms?: string | null }[] | null
  history?: { at?: string | null; by?: string | null; change?: string | null }[] | null
}

const idOf = (relation: Relation): string | undefined =>
  relation === null || relation === undefined ? undefined : String(typeof relation === 'object' ? relation.id : relation)

/** The split as one comparable line: `default:50,v2:50@100`. */
const splitOf = (doc: ExperimentDraft) => `${(doc.arms ?? []).map((arm) => `${arm.variant}:${arm.weight}`).join(',')}@${doc.coverage ?? 100}`

const fail = (path: string, message: string): never => {
  throw new ValidationError({ collection: 'experiments', errors: [{ path, message }] })
}

async function variantIdsOfScope(req: Parameters<CollectionBeforeChangeHook>[0]['req'], doc: ExperimentDraft): Promise<string[]> {
  const collection = doc.scope === 'subject' ? 'pages' : 'blocks'
  const id = idOf(doc.scope === 'subject' ? doc.page : doc.block)
  if (!id) return fail(doc.scope === 'subject' ? 'page' : 'block', doc.scope === 'subject' ? 'Choose the email page whose subject line is tested.' : 'Choose the block whose variants are tested.')
  const found = (await req.payload.findByID({ collection, id: id!, depth: 0, draft: true, overrideAccess: true, disableErrors: true, req })) as
    | { variants?: { id?: string | null }[] | null; email?: { variants?: { id?: string | null }[] | null } | null; channel?: string }
    | null
  if (!found) return fail(collection === 'pages' ? 'page' : 'block', 'That document does not exist.')
  const variants = collection === 'pages' ? (found!.email?.variants ?? []) : (found!.variants ?? [])
  return ['default', ...variants.map((variant) => String(variant.id ?? ''))]
}

async function liveRival(req: Parameters<CollectionBeforeChangeHook>[0]['req'], doc: ExperimentDraft): Promise<{ name: string; key: string } | undefined> {
  const field = doc.scope === 'subject' ? 'page' : 'block'
  const scopeId = idOf(doc[field])
  if (!scopeId) return undefined
  const { docs } = await req.payload.find({
    collection: 'experiments',
    where: {
      and: [{ scope: { equals: doc.scope ?? 'block' } }, { [field]: { equals: scopeId } }, { status: { in: [...LIVE] } }, ...(doc.id !== undefined ? [{ id: { not_equals: doc.id } }] : [])],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const rival = docs[0] as { name?: string; key?: string } | undefined
  return rival ? { name: String(rival.name), key: String(rival.key) } : undefined
}

function describeChange(before: ExperimentDraft | undefined, after: ExperimentDraft, newPhase: boolean): string {
  if (!before) return `created (${after.status})`
  const changes: string[] = []
  if (before.status !== after.status) changes.push(after.status === 'shipped' ? `shipped arm ${after.shippedArm}` : `${before.status} → ${after.status}`)
  if (splitOf(before) !== splitOf(after)) changes.push(`split ${splitOf(before)} → ${splitOf(after)}`)
  if (newPhase) changes.push(`phase ${after.phase} started`)
  return changes.join('; ') || 'edited'
}

export const experimentLifecycle: CollectionBeforeChangeHook = async ({ data, originalDoc, req, operation }) => {
  const before = operation === 'update' ? (originalDoc as ExperimentDraft) : undefined
  const doc = { ...(before ?? {}), ...(data as ExperimentDraft) }
  const status = doc.status ?? 'draft'

  if (before && before.status !== 'draft' && status === 'draft') fail('status', 'An experiment that has started cannot go back to draft: stop it, or run it again.')

  const arms = doc.arms ?? []
  if (LIVE.includes(status)) {
    if (arms.length < 2) fail('arms', 'An experiment needs at least two arms.')
    const known = await variantIdsOfScope(req, doc)
    const seen = new Set<string>()
    arms.forEach((arm, i) => {
      const variant = String(arm.variant ?? '')
      if (!known.includes(variant)) fail(`arms.${i}.variant`, `“${variant}” is not a variant of this ${doc.scope === 'subject' ? 'page’s subject line' : 'block'}; use one of ${known.join(', ')}.`)
      if (seen.has(variant)) fail(`arms.${i}.variant`, `“${variant}” is already an arm.`)
      seen.add(variant)
    })
    if (arms.reduce((sum, arm) => sum + (arm.weight ?? 0), 0) <= 0) fail('arms', 'The weights add up to nothing: give at least one arm a weight.')
    if (status === 'shipped' && !arms.some((arm) => arm.variant === doc.shippedArm)) fail('shippedArm', 'Name the arm to ship: one of the arms’ variants.')
    const rival = await liveRival(req, doc)
    if (rival) fail('status', `“${doc.name}” (${doc.key}) cannot be ${status}: “${rival.name}” (${rival.key}) is already live on the same ${doc.scope === 'subject' ? 'subject line' : 'block'}. Stop one of them first.`)
  }

  const at = new Date().toISOString()
  const phases = [...(doc.phases ?? [])]
  let phase = doc.phase ?? 1
  let newPhase = false
  const startsEnrolling = ENROLLING.includes(status) && phases.length === 0
  if (startsEnrolling) phases.push({ phase, startedAt: at, coverage: doc.coverage ?? 100, arms: splitOf(doc).split('@')[0] })
  else if (before && ENROLLING.includes(before.status ?? '') && ENROLLING.includes(status) && splitOf(before) !== splitOf(doc)) {
    phase += 1
    newPhase = true
    phases.push({ phase, startedAt: at, coverage: doc.coverage ?? 100, arms: splitOf(doc).split('@')[0] })
  }
  const by = req.user ? String((req.user as { email?: string }).email ?? req.user.id) : 'system'
  const history = [...(doc.history ?? []), { at, by, change: describeChange(before, { ...doc, status, phase }, newPhase) }]
  return { ...data, status, phase, phases, history }
}

/** What other systems hear of an experiment (webhooks, the NATS stream): starting, stopping and shipping, in the save's unit of work. */
export const experimentChanges: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  const after = doc as ExperimentDraft
  const before = operation === 'update' ? (previousDoc as ExperimentDraft | undefined) : undefined
  const status = after.status ?? 'draft'
  if (before?.status === status) return doc
  const type = status === 'running' && before?.status !== 'paused' ? 'experiment.started' : status === 'stopped' ? 'experiment.stopped' : status === 'shipped' ? 'experiment.shipped' : undefined
  if (!type) return doc
  const at = after.history?.at(-1)?.at ?? new Date().toISOString()
  await emitChange(
    req.payload,
    type,
    { key: after.key, name: after.name, phase: after.phase ?? 1, status, ...(status === 'shipped' ? { shippedArm: after.shippedArm } : {}), at },
    { req, unique: [String(after.key), status, at], key: `experiment:${after.key}` },
  )
  return doc
}
