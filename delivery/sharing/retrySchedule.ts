/**
 * When a failed webhook is tried again: exponential backoff (×~4 from 5 s,
 * capped at 8 h) over about a day, the window Standard Webhooks senders use
 * (Svix: 5 s … 10 h, ~27 h); past the last delay the delivery is dead-lettered.
 * WEBHOOK_RETRY_SCHEDULE (milliseconds, comma-separated) replaces it.
 */
export const DEFAULT_RETRY_SCHEDULE_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 28_800_000]

export function retryScheduleFromEnv(value = process.env.WEBHOOK_RETRY_SCHEDULE): number[] {
  if (!value?.trim()) return DEFAULT_RETRY_SCHEDULE_MS
  const delays = value.split(',').map((entry) => Number(entry.trim()))
  if (delays.some((delay) => !Number.isFinite(delay) || delay < 0)) throw new Error(`WEBHOOK_RETRY_SCHEDULE must list delays in milliseconds, e.g. 5000,30000; got “${value}”`)
  return delays
}

/** The delay before attempt `failed + 1` after `failed` failed attempts, or undefined: dead-letter it. */
export function nextDelay(schedule: readonly number[], failed: number): number | undefined {
  return schedule[failed - 1]
}
