/**
 * Everything a decision may use, as a zod schema (the single source of truth
 * for what the render API accepts), and its derivation into the normalized
 * context the engine evaluates: time split into date, clock, daypart and
 * weekday in the right time zone; text lower-cased; sets for lookups.
 */
import { z } from 'zod'

import { CHANNELS, DEVICES, LENGTHS, LOCALES, PURPOSE_KEY, SLUG, type Channel, type Daypart, type Device, type Length, type Locale, type StoreFormat, type Weekday } from './axes'
import { AskLogSchema, type AskLog } from './askLog'
import { TRAIT_KEY } from './segmentRules'
import type { Store } from './snapshot'


const knownTimeZones = new Map<string, boolean>()

/** Whether Intl knows the zone (remembered: building a formatter to find out is slow). */
export function isTimeZone(value: string): boolean {
  let known = knownTimeZones.get(value)
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value })
      known = true
    } catch {
      known = false
    }
    if (knownTimeZones.size < 1000) knownTimeZones.set(value, known)
  }
  return known
}

/** A consent purpose's key, wherever one crosses a boundary (contexts, cookies, events, tokens). */
export const PurposeKeySchema = z.string().regex(PURPOSE_KEY, 'A consent purpose is a lowercase key such as personalization')

const TraitValueSchema = z.union([
  z.string().max(512),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(512)).max(50),
])
export type TraitValue = z.infer<typeof TraitValueSchema>

export const RenderContextSchema = z
  .object({
    channel: z.enum(CHANNELS).optional(),
    locale: z.enum(LOCALES).optional(),
    /** Time travel: decide as if it were this instant (ISO 8601 with offset). */
    at: z.iso.datetime({ offset: true, error: 'Use an ISO 8601 date-time with a time zone, e.g. 2026-12-24T18:30:00+01:00' }).optional(),
    timezone: z.string().refine(isTimeZone, 'Unknown time zone; use an IANA name such as Europe/Paris').optional(),
    geo: z
      .object({
        country: z.string().regex(/^[A-Za-z]{2}$/, 'Use a two-letter ISO country code such as FR').optional(),
        region: z.string().min(1).max(64).optional(),
        city: z.string().min(1).max(128).optional(),
      })
      .strict()
      .optional(),
    store: z.string().max(64).regex(SLUG, 'A store id is lowercase letters, digits and dashes').optional(),
    device: z.enum(DEVICES).optional(),
    referrer: z.string().max(2048).optional(),
    utm: z
      .object({ source: z.string().max(128).optional(), medium: z.string().max(128).optional(), campaign: z.string().max(128).optional() })
      .strict()
      .optional(),
    visitor: z.string().min(1).max(128).optional(),
    /** The customer id a CRM or email platform knows the visitor by. */
    customer: z.string().min(1).max(128).optional(),
    traits: z
      .record(z.string().regex(TRAIT_KEY, 'A trait name starts with a letter: letters, digits, “_”, “-”, “.”'), TraitValueSchema)
      .refine((traits) => Object.keys(traits).length <= 100, 'At most 100 traits')
      .optional(),
    segments: z.array(z.string().regex(SLUG, 'A segment is named by its slug, e.g. loyal-gold')).max(50).optional(),
    /** Daily event counts per series (`page_view:shoes` → { "2026-11-24": 3 }), from the visitor's profile. */
    behaviour: z.record(z.string().max(96), z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.number().int().min(0))).optional(),
    consents: z.array(PurposeKeySchema).max(50).optional(),
    /** What the person did with each question (progressive profiling), from their profile. */
    asks: AskLogSchema.optional(),
    tone: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'A tone is a lowercase key such as formal').optional(),
    length: z.enum(LENGTHS).optional(),
    preview: z.boolean().optional(),
  })
  .strict()
export type RenderContext = z.infer<typeof RenderContextSchema>

/** The purpose under which visitor data may select content. */
export const PERSONALIZATION = 'personalization'

/** The normalized context the engine decides with. */
export type DecisionContext = {
  channel: Channel
  locale: Locale
  /** Epoch milliseconds. */
  now: number
  timezone: string
  /** YYYY-MM-DD in `timezone`. */
  date: string
  /** Minutes since midnight in `timezone`. */
  minutes: number
  daypart: Daypart
  weekday: Weekday
  country?: string
  region?: string
  city?: string
  store?: string
  storeFormat?: StoreFormat
  device?: Device
  referrer?: string
  utmSource?: string
  utmMedium?: string
  utmCampaign?: string
  visitor?: string
  customer?: string
  /** Keys as given; string values lower-cased. */
  traits: Record<string, TraitValue>
  /** Daily counts per event series. */
  behaviour: Readonly<Record<string, Readonly<Record<string, number>>>>
  assertedSegments: ReadonlySet<string>
  consents: ReadonlySet<string>
  /** The person's ask log (empty without personalization consent). */
  asks: AskLog
  /** Visitor data (traits, asserted segments, visitor id) may be used. */
  personalization: boolean
  tone?: string
  length?: Length
  preview: boolean
}

/** Daypart boundaries, in local time: morning 05–12, afternoon 12–17, evening 17–22, night 22–05. */
export function daypartAt(minutes: number): Daypart {
  if (minutes >= 5 * 60 && minutes < 12 * 60) return 'morning'
  if (minutes >= 12 * 60 && minutes < 17 * 60) return 'afternoon'
  if (minutes >= 17 * 60 && minutes < 22 * 60) return 'evening'
  return 'night'
}

const WEEKDAY_BY_SHORT_NAME: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' }
const clockFormats = new Map<string, Intl.DateTimeFormat>()
type LocalTime = { date: string; minutes: number; weekday: Weekday }
/** The last minute computed per zone: requests in the same minute share it. */
const lastMinute = new Map<string, { minute: number; time: LocalTime }>()

/** Local calendar date, clock time and weekday of an instant in a time zone. */
export function localTime(now: number, timezone: string): LocalTime {
  const minute = Math.floor(now / 60_000)
  const last = lastMinute.get(timezone)
  if (last && last.minute === minute) return last.time
  const time = formatLocalTime(now, timezone)
  if (lastMinute.size < 1000 || last) lastMinute.set(timezone, { minute, time })
  return time
}

function formatLocalTime(now: number, timezone: string): LocalTime {
  let format = clockFormats.get(timezone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    })
    // Bounded like the other per-zone memories (zone names are caller input).
    if (clockFormats.size < 1000) clockFormats.set(timezone, format)
  }
  const parts: Record<string, string> = {}
  for (const part of format.formatToParts(new Date(now))) parts[part.type] = part.value
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: WEEKDAY_BY_SHORT_NAME[parts.weekday ?? 'Mon'] ?? 'mon',
  }
}

const lower = (value: string | undefined) => (value === undefined ? undefined : value.trim().toLowerCase())

function normalizedTraits(traits: RenderContext['traits']): Record<string, TraitValue> {
  const result: Record<string, TraitValue> = {}
  for (const [key, value] of Object.entries(traits ?? {})) {
    result[key] = typeof value === 'string' ? value.trim().toLowerCase() : Array.isArray(value) ? value.map((item) => item.trim().toLowerCase()) : value
  }
  return result
}

export type DecisionDefaults = {
  channel: Channel
  locale: Locale
  timezone: string
  /** The current instant, when the context does not time-travel. */
  now: number
  /** Known stores: a context naming one takes its city, region, country, time zone and format (unless stated). */
  stores?: Readonly<Record<string, Store>>
}

/** Derives the normalized decision context. Pure: the clock is an argument. */
export function decisionContext(input: RenderContext, defaults: DecisionDefaults): DecisionContext {
  const store = input.store && defaults.stores && Object.hasOwn(defaults.stores, input.store) ? defaults.stores[input.store] : undefined
  const now = input.at ? Date.parse(input.at) : defaults.now
  const timezone = input.timezone ?? store?.timezone ?? defaults.timezone
  const { date, minutes, weekday } = localTime(now, timezone)
  const consents = new Set(input.consents ?? [])
  const personalization = consents.has(PERSONALIZATION)
  return {
    channel: input.channel ?? defaults.channel,
    locale: input.locale ?? defaults.locale,
    now,
    timezone,
    date,
    minutes,
    daypart: daypartAt(minutes),
    weekday,
    country: (input.geo?.country ?? store?.country)?.toUpperCase(),
    region: lower(input.geo?.region ?? store?.region),
    city: lower(input.geo?.city ?? store?.city),
    store: lower(input.store),
    storeFormat: store?.format,
    device: input.device,
    referrer: lower(input.referrer),
    utmSource: lower(input.utm?.source),
    utmMedium: lower(input.utm?.medium),
    utmCampaign: lower(input.utm?.campaign),
    visitor: personalization ? input.visitor : undefined,
    customer: personalization ? input.customer : undefined,
    traits: personalization ? normalizedTraits(input.traits) : {},
    behaviour: personalization ? (input.behaviour ?? {}) : {},
    assertedSegments: personalization ? new Set(input.segments ?? []) : new Set(),
    consents,
    asks: personalization ? (input.asks ?? {}) : {},
    personalization,
    tone: input.tone,
    length: input.length,
    preview: input.preview ?? false,
  }
}
