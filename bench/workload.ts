/**
 * The benchmark database: the demo content, the synthetic workload (N blocks
 * in English and French, 50-slot pages) and the profiles of the email
 * recipients, written into a template SQLite file; each scenario works on its
 * own copy, so none sees another's writes. Filling 10,000 blocks takes
 * minutes (setup, not what is measured), so templates are kept between runs
 * in the system's temporary folder, named by a hash of everything that shapes
 * them (this file, the generator, the demo seed, the migrations, the
 * collections): a change to any of them fills a new one.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { getPayload, type Payload } from 'payload'

import { seedDemo } from '../migrations/demo/seed'
import { createTesseraConfig } from '../payload.config'
import { fillSyntheticContent } from './fill'

export const BENCH_API_KEY = 'tsk_benchmark_render_and_events_key_0123456789'
export const BENCH_PASSWORD = 'benchmark-password'
export const BENCH_EDITOR = 'editor@bench.test'

/** Email recipients with a stored profile: customer ids `bench-customer-0` … */
export const recipientCustomer = (index: number) => `bench-customer-${index}`
const FIRST_NAMES = ['Ada', 'Louis', 'Camille', 'Noor', 'Jules', 'Inès', 'Maël', 'Zoé']
const TIERS = ['bronze', 'silver', 'gold', 'platinum']

/** One profile per recipient, below the Local API (setup, not what is measured): keys, traits, consent. */
async function fillRecipients(payload: Payload, recipients: number): Promise<void> {
  const transactionID = await payload.db.beginTransaction()
  const req = { transactionID, payload } as never
  const at = '2026-11-01T00:00:00.000Z'
  const record = (value: string | number) => ({ value, source: 'import', at })
  try {
    for (let index = 0; index < recipients; index++) {
      const customerId = recipientCustomer(index)
      const key = `c:${customerId}`
      const profile = await payload.db.create({
        collection: 'profiles',
        data: {
          customerId,
          displayName: customerId,
          keys: [key],
          traits: { firstName: record(FIRST_NAMES[index % FIRST_NAMES.length]!), loyaltyTier: record(TIERS[index % TIERS.length]!), visits: record(index % 13) },
          consents: { personalization: { granted: true, source: 'import', at } },
          subscriptions: {},
          behaviour: {},
          eventCount: 0,
        } as never,
        req,
      })
      await payload.db.create({ collection: 'profile-keys', data: { key, profile: profile.id } as never, req })
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID)
    throw error
  }
}

const root = path.resolve(import.meta.dirname, '..')
const SHAPED_BY = ['bench/workload.ts', 'bench/fill.ts', 'bench/syntheticContent.ts', 'migrations', 'collections', 'payload.config.ts']

function* filesOf(entry: string): Generator<string> {
  const full = path.join(root, entry)
  if (!existsSync(full)) return
  if (statSync(full).isDirectory()) for (const child of readdirSync(full).sort()) yield* filesOf(path.join(entry, child))
  else yield entry
}

/** The folder of templates filled by these sources. */
function templateFolder(): string {
  const hash = createHash('sha256')
  for (const source of SHAPED_BY) for (const file of filesOf(source)) hash.update(file).update('\0').update(readFileSync(path.join(root, file))).update('\0')
  const folder = path.join(tmpdir(), 'tessera-bench-templates', hash.digest('hex').slice(0, 16))
  mkdirSync(folder, { recursive: true })
  return folder
}
const templates = new Map<string, Promise<string>>()

export type WorkloadSize = { blocks: number; recipients: number }

/** Recipient profiles in every benchmark database: the email batches' 10 × 1,000 (a quick run sends 10 × 20). */
export const benchRecipients = (quick: boolean) => (quick ? 200 : 10_000)

async function template({ blocks, recipients }: WorkloadSize): Promise<string> {
  const folder = path.join(templateFolder(), `${blocks}-${recipients}`)
  const file = path.join(folder, 'bench.db')
  if (existsSync(file)) return file
  // Filled beside, then renamed: an interrupted fill never leaves a template behind.
  const scratch = mkdtempSync(`${folder}.filling-`)
  const databaseUri = `file:${path.join(scratch, 'bench.db')}`
  process.env.TESSERA_COMPILE_ON_PUBLISH = 'off'
  const payload = await getPayload({ config: createTesseraConfig({ databaseUri, mediaDir: path.join(scratch, 'media') }), key: databaseUri })
  try {
    await seedDemo(payload, { adminEmail: 'admin@bench.test', editorEmail: BENCH_EDITOR, reviewerEmail: 'reviewer@bench.test', password: BENCH_PASSWORD, apiKey: BENCH_API_KEY })
    await fillSyntheticContent(payload, blocks)
    await fillRecipients(payload, recipients)
  } catch (error) {
    await payload.destroy()
    rmSync(scratch, { recursive: true, force: true })
    throw error
  } finally {
    delete process.env.TESSERA_COMPILE_ON_PUBLISH
  }
  await payload.destroy()
  renameSync(scratch, folder)
  return file
}

/**
 * A fresh copy of the workload database in `directory` (its media folder
 * beside it), nothing compiled yet: `{ databaseUri, mediaDir }`.
 */
export async function workloadDatabase(directory: string, size: WorkloadSize): Promise<{ databaseUri: string; mediaDir: string }> {
  const name = `${size.blocks}-${size.recipients}`
  if (!templates.has(name)) templates.set(name, template(size))
  const source = await templates.get(name)!
  const file = path.join(directory, 'bench.db')
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(source + suffix)) copyFileSync(source + suffix, file + suffix)
  const mediaDir = path.join(directory, 'media')
  const media = path.join(path.dirname(source), 'media')
  if (existsSync(media)) cpSync(media, mediaDir, { recursive: true })
  return { databaseUri: `file:${file}`, mediaDir }
}
