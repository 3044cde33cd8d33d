/**
 * A person's ask log: what they last did with each question (answered,
 * declined, skipped), when, and on which channel. It comes from the profile
 * with the context, so the choice of the next question stays pure.
 */
import { z } from 'zod'

import { CHANNELS } from './axes'

export const ASK_OUTCOMES = ['answered', 'declined', 'skipped'] as const
export type AskOutcome = (typeof ASK_OUTCOMES)[number]

export const AskRecordSchema = z.object({ outcome: z.enum(ASK_OUTCOMES), at: z.iso.datetime({ offset: true }), channel: z.enum(CHANNELS).optional() })
export type AskRecord = z.infer<typeof AskRecordSchema>

/** By question id. */
export const AskLogSchema = z.record(z.string().max(64), AskRecordSchema).refine((log) => Object.keys(log).length <= 500, 'At most 500 questions in an ask log')
export type AskLog = z.infer<typeof AskLogSchema>
