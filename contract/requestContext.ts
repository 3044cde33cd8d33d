/**
 * The trust boundary: turns an HTTP request into a decision context.
 *
 * Everyone may state non-personal context: channel, locale, store, geo,
 * device, UTM parameters, referrer, time zone. Visitor data and overrides
 * (segment, trait.*, visitor, consent, at, tone, length, debug) count only
 * from an authenticated caller (render API key, editor session); from anyone
 * else they are ignored, and the response lists them. A public visitor is
 * recognised only through cookies this server signed, request headers the
 * platform sets (geo, Accept-Language, client hints) and the clock.
 */
import Bowser from 'bowser'
import Negotiator from 'negotiator'
import type { z } from 'zod'

import { isTimeZone, type Locale, LOCALES, type RenderContext, RenderContextSchema } from '../engine'
import { readJsonBody } from './body'
import { CONTEXT_HEADERS } from './contextHeaders'
import { CONSENT_COOKIE, PROFILE_COOKIE, readCookie } from './cookies'
import { errorResponse, invalidInput, zodIssues, type ErrorIssue } from './errors'
import type { VisitorTokens } from './visitorTokens'

/** Who is calling, as far as the trust rules care: the origin knows API keys and editors, an edge only the public. */
export type CallerKind = { kind: 'public' } | { kind: 'api-key' } | { kind: 'editor' }

export type RequestContext<Caller extends CallerKind = CallerKind> = {
  context: RenderContext
  caller: Caller
  /** Inputs stated by the request but not honoured (not trusted). */
  ignored: string[]
  /** Whether debug traces were asked for and allowed. */
  debug: boolean
  trusted: boolean
  /**
   * How a public visitor identified themselves: our signed profile cookie, or
   * the visit link of one of their emails (`?tessera=`). Either personalizes
   * the website for them, and nothing else.
   */
  broughtBy?: ('cookie' | 'visit-link')[]
}

const MAX_BODY_BYTES = 64 * 1024

/** Inputs only a trusted caller may state. */
const RESTRICTED = ['segments', 'traits', 'behaviour', 'visitor', 'customer', 'consents', 'asks', 'at', 'tone', 'length', 'preview'] as const

/** Query parameter names, for messages and the `ignored` list. */
const QUERY_NAME: Record<string, string> = {
  segments: 'segment',
  traits: 'trait',
  consents: 'consent',
  'geo.country': 'country',
  'geo.region': 'region',
  'geo.city': 'city',
  'utm.source': 'utm_source',
  'utm.medium': 'utm_medium',
  'utm.campaign': 'utm_campaign',
  timezone: 'tz',
}

const list = (values: string[]) =>
  values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean)

/** Reads the query string into the context's shape (validation comes later). */
export function contextFromQuery(params: URLSearchParams): { input: Record<string, unknown>; debug: boolean } {
  const input: Record<string, unknown> = {}
  const one = (name: string) => params.get(name) ?? undefined
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== '') input[key] = value
  }
  set('channel', one('channel'))
  set('locale', one('locale'))
  set('at', one('at'))
  set('timezone', one('tz') ?? one('timezone'))
  set('store', one('store'))
  set('device', one('device'))
  set('referrer', one('referrer'))
  set('visitor', one('visitor'))
  set('customer', one('customer'))
  set('tone', one('tone'))
  set('length', one('length'))
  if (params.has('preview')) input.preview = params.get('preview') === '1' || params.get('preview') === 'true'

  const geo = Object.fromEntries(['country', 'region', 'city'].flatMap((key) => (params.get(key) ? [[key, params.get(key)]] : [])))
  if (Object.keys(geo).length > 0) input.geo = geo
  const utm = Object.fromEntries(['source', 'medium', 'campaign'].flatMap((key) => (params.get(`utm_${key}`) ? [[key, params.get(`utm_${key}`)]] : [])))
  if (Object.keys(utm).length > 0) input.utm = utm

  if (params.has('segment')) input.segments = list(params.getAll('segment'))
  if (params.has('consent')) input.consents = list(params.getAll('consent')).filter((purpose) => purpose !== 'none')
  const traits: Record<string, string> = {}
  for (const [name, value] of params) {
    if (name.startsWith('trait.')) traits[name.slice('trait.'.length)] = value
  }
  if (Object.keys(traits).length > 0) input.traits = traits
  const debug = params.get('debug') === '1' || params.get('debug') === 'true'
  return { input, debug }
}

/** A context path as the query string names it (`trait.tier`, `segment`, `tz`…). */
function queryName(path: string[]): string {
  if (path[0] === 'traits') return `trait.${path[1] ?? ''}`
  if (path[0] === 'segments' || path[0] === 'consents') return QUERY_NAME[path[0]]!
  const joined = path.join('.')
  return QUERY_NAME[joined] ?? joined
}

/** Zod issues as `{ path, message }`, with query parameter names for GET requests. */
export function contextIssues(error: z.ZodError, fromQuery: boolean): ErrorIssue[] {
  return fromQuery ? zodIssues(error, queryName) : zodIssues(error)
}

/** The best supported language of an Accept-Language header (RFC 9110 negotiation, by `negotiator`). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined
  return new Negotiator({ headers: { 'accept-language': header } }).language([...LOCALES]) as Locale | undefined
}

/** The device class: the mobile client hint when sent, else the user agent (`bowser`); any other agent is a desktop. */
function deviceFromHeaders(headers: Headers): RenderContext['device'] {
  if (headers.get('sec-ch-ua-mobile') === '?1') return 'mobile'
  const agent = headers.get('user-agent')
  if (!agent) return undefined
  const platform = Bowser.getParser(agent).getPlatformType(true)
  return platform === 'mobile' || platform === 'tablet' ? platform : 'desktop'
}

/** Geo headers set by the hosting platform (Vercel, Cloudflare). Off with TESSERA_GEO_HEADERS=off. */
function geoFromHeaders(headers: Headers, geoHeaders: boolean): { geo: NonNullable<RenderContext['geo']>; timezone?: string } {
  const geo: NonNullable<RenderContext['geo']> = {}
  if (!geoHeaders) return { geo }
  const pick = (names: readonly string[]) => {
    for (const name of names) {
      const value = headers.get(name)
      if (!value) continue
      try {
        return decodeURIComponent(value)
      } catch {
        return value
      }
    }
    return undefined
  }
  const country = pick(CONTEXT_HEADERS.country)
  if (country && /^[A-Za-z]{2}$/.test(country)) geo.country = country
  const region = pick(CONTEXT_HEADERS.region)
  if (region) geo.region = region.slice(0, 64)
  const city = pick(CONTEXT_HEADERS.city)
  if (city) geo.city = city.slice(0, 128)
  const zone = pick(CONTEXT_HEADERS.clock)
  // A header never makes a request invalid: what does not parse is dropped.
  const timezone = zone && isTimeZone(zone) ? zone : undefined
  return { geo, timezone }
}

/** What the rules need besides the request: whether geo headers count, and how to read the tokens we signed. */
export type ContextRules = { geoHeaders: boolean; tokens: VisitorTokens }

/**
 * Builds the decision context of a request. `stated` is what the request says
 * explicitly (query or JSON body), already shaped like a RenderContext.
 */
export async function requestContext<Caller extends CallerKind>(
  request: Request,
  stated: Record<string, unknown>,
  caller: Caller,
  askedForDebug: boolean,
  rules: ContextRules,
): Promise<{ ok: true; value: RequestContext<Caller> } | { ok: false; issues: z.ZodError }> {
  const trusted = caller.kind !== 'public'
  const ignored: string[] = []
  const input: Record<string, unknown> = { ...stated }

  if (!trusted) {
    for (const key of RESTRICTED) {
      if (!(key in input)) continue
      if (key === 'traits') ignored.push(...Object.keys(input.traits as object).map((trait) => `trait.${trait}`))
      else ignored.push(QUERY_NAME[key] ?? key)
      delete input[key]
    }
    if (askedForDebug) ignored.push('debug')
  }

  // Context the platform's headers provide, unless the request stated it.
  if (!input.locale) {
    const locale = localeFromAcceptLanguage(request.headers.get('accept-language'))
    if (locale) input.locale = locale
  }
  // A request naming a store is about that store: its place and time zone, not the caller's.
  const fromPlatform = input.store ? { geo: {}, timezone: undefined } : geoFromHeaders(request.headers, rules.geoHeaders)
  const statedGeo = (input.geo ?? {}) as Record<string, unknown>
  const geo = { ...fromPlatform.geo, ...statedGeo }
  if (Object.keys(geo).length > 0) input.geo = geo
  if (!input.timezone && fromPlatform.timezone) input.timezone = fromPlatform.timezone
  if (!input.device) {
    const device = deviceFromHeaders(request.headers)
    if (device) input.device = device
  }
  if (!input.referrer && request.headers.get('referer')) {
    input.referrer = request.headers.get('referer')!.slice(0, 2048)
  }

  // A visitor is known to the public site only through what we signed: a link from an email, our cookies.
  const broughtBy: NonNullable<RequestContext['broughtBy']> = []
  const { tokens } = rules
  if (caller.kind !== 'api-key') {
    const recipient = await tokens.readVisitToken(new URL(request.url).searchParams.get('tessera'))
    if (recipient) {
      broughtBy.push('visit-link')
      if (recipient.customer) input.customer = recipient.customer
      if (recipient.visitor) input.visitor = recipient.visitor
      if (recipient.email && !recipient.customer && !recipient.visitor) input.traits = { email: recipient.email, ...((input.traits as object | undefined) ?? {}) }
    }
    const consent = await tokens.readConsentCookie(readCookie(request.headers, CONSENT_COOKIE))
    if (consent && input.consents === undefined) input.consents = consent.purposes
    const profile = await tokens.readProfileCookie(readCookie(request.headers, PROFILE_COOKIE))
    if (profile) {
      broughtBy.push('cookie')
      if (profile.visitor && input.visitor === undefined) input.visitor = profile.visitor
      if (profile.segments && input.segments === undefined) input.segments = profile.segments
      if (profile.traits) input.traits = { ...profile.traits, ...((input.traits as object | undefined) ?? {}) }
    }
  }

  const parsed = RenderContextSchema.safeParse(input)
  if (!parsed.success) return { ok: false, issues: parsed.error }
  return { ok: true, value: { context: parsed.data, caller, ignored, debug: trusted && askedForDebug, trusted, ...(broughtBy.length > 0 ? { broughtBy } : {}) } }
}

/** The context a render request states: the query (GET), merged with the JSON body (POST); a bad body is a 4xx. */
export async function readStatedContext(
  request: Request,
): Promise<{ ok: true; value: { stated: Record<string, unknown>; debug: boolean; fromQuery: boolean } } | { ok: false; response: Response }> {
  const query = contextFromQuery(new URL(request.url).searchParams)
  if (request.method !== 'POST') return { ok: true, value: { stated: query.input, debug: query.debug, fromQuery: true } }
  const body = await readJsonBody(request, MAX_BODY_BYTES)
  if (!body.ok) return body
  if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
    return { ok: false, response: errorResponse(400, 'invalid_context', 'The body must be a JSON object describing the context.', [{ path: '', message: 'Expected an object' }]) }
  }
  const { debug: bodyDebug, ...context } = body.value as Record<string, unknown>
  return { ok: true, value: { stated: { ...query.input, ...context }, debug: query.debug || bodyDebug === true, fromQuery: false } }
}

/**
 * A render request as the trust rules read it, once the caller is known: the
 * context stated in the query or body, and what the platform's headers and our
 * signed cookies and links add. Everything a caller can get wrong is a 4xx
 * naming the parameter.
 */
export async function readRenderContext<Caller extends CallerKind>(
  request: Request,
  caller: Caller,
  rules: ContextRules,
): Promise<{ ok: true; value: RequestContext<Caller> } | { ok: false; response: Response }> {
  const read = await readStatedContext(request)
  if (!read.ok) return read
  const { stated, debug, fromQuery } = read.value
  const built = await requestContext(request, stated, caller, debug, rules)
  if (!built.ok) return { ok: false, response: invalidInput('invalid_context', 'Invalid context', contextIssues(built.issues, fromQuery)) }
  return built
}
