/**
 * One unit of work on the database: a transaction where the adapter has one
 * (PostgreSQL; MongoDB on a replica set), else the same calls one by one.
 * Every Payload call inside passes `req`, which carries the transaction.
 *
 * SQLite runs without: Payload leaves its transactions off, and with them on,
 * libsql gives a transaction the connection and opens a new one (without a
 * busy timeout) for everything else, so any other write in the process fails
 * with SQLITE_BUSY until it commits. Work that must survive a crash there
 * relies on its own repair (eventReplay.ts).
 */
import { commitTransaction, createLocalReq, killTransaction, type Payload, type PayloadRequest } from 'payload'

export type Unit = { req: PayloadRequest; transactional: boolean }

export async function inUnitOfWork<T>(payload: Payload, work: (unit: Unit) => Promise<T>): Promise<T> {
  const req = await createLocalReq({}, payload)
  const transactionID = await payload.db.beginTransaction()
  if (transactionID) req.transactionID = transactionID
  try {
    const result = await work({ req, transactional: Boolean(transactionID) })
    if (req.transactionID) await commitTransaction(req)
    return result
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

/** A write that lost a race with another one (a unique key, a deadlock, a merge): run it again. */
export function isRaceLost(error: unknown): boolean {
  if (error instanceof RaceLost) return true
  const failure = error as { message?: string; code?: unknown; cause?: { code?: unknown }; data?: { errors?: { message?: string }[] } } | undefined
  // Payload reports a unique index violation as a ValidationError ("Value must be unique").
  if (failure?.data?.errors?.some((issue) => /unique/i.test(issue.message ?? ''))) return true
  const code = String(failure?.cause?.code ?? failure?.code ?? '')
  // 23505 unique, 40P01 deadlock, 40001 serialization (PostgreSQL).
  return ['23505', '40P01', '40001', 'SQLITE_CONSTRAINT_UNIQUE'].includes(code) || /duplicate key|E11000|deadlock detected/i.test(failure?.message ?? '')
}

export class RaceLost extends Error {
  constructor(what: string) {
    super(`Another write changed ${what} meanwhile`)
    this.name = 'RaceLost'
  }
}
