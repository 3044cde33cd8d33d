/**
 * The tones editors can write in. This is the one place to change the set:
 * add an entry, then create a migration (`npm run migrate:create`) so SQL
 * databases learn the new value. Tones are plain strings to the engine.
 */
export const TONES = [
  { value: 'formal', label: 'Formal' },
  { value: 'friendly', label: 'Friendly' },
  { value: 'playful', label: 'Playful' },
  { value: 'urgent', label: 'Urgent' },
] as const

export type Tone = (typeof TONES)[number]['value']
export const DEFAULT_TONE: Tone = 'friendly'
