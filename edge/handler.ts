/**
 * The edge renderer: a Web-standard `fetch(request) → Response` handler with
 * the render API's contract (same URLs, context parameters, trust rules,
 * errors, cache headers and ETags: all of it is `contract/`, which the origin
 * answers with too). It decides at the edge what it can verify by itself:
 * the request's own context, the platform's geo headers, language, client
 * hints, the clock, and our signed consent cookie (public key only). What
 * needs more is the origin's to answer, and is forwarded there unchanged:
 * an API key or an editor session (their digests and sessions live in the
 * origin's database), a visitor who brings our profile cookie or an email's
 * visit link (their decision reads the profile: traits, behaviour, later
 * experiment assignments), a decision that enrols a unit in an experiment
 * (the origin records the exposure when it serves it), emails and screen
 * PNGs. Every response says which
 * in `X-Tessera-Edge: decided | forwarded`.
 */
import { LRUCache } from 'lru-cache'

import {
  CONSENT_COOKIE,
  channelFormatProblem,
  decisionStableUntil,
  errorResponse,
  onlyOnTheSite,
  readCookie,
  readRenderContext,
  renderFormatOf,
  cachePolicy,
  resolveDecision,
  screenHtmlResponse,
  visitorTokensVerifiedBy,
  webResponse,
} from '../contract'
import { EventQueue, type EdgeEvent } from './eventQueue'
import { type HeaderReader, type RememberedAnswer, ResponseMemory } from './responseMemory'
import { type LiveSnapshot, SnapshotSource } from './snapshotSource'

export type EdgeOptions = {
  /** The origin's base URL. */
  origin: string
  /** An API key with the delivery scope (manifest and bundles), and the events scope if events are sent. */
  apiKey: string
  revalidateSeconds?: number
  /** The name of the origin's admin session cookie (Payload's `<cookiePrefix>-token`). */
  sessionCookie?: string
}

/** Hands work that outlives the response to the platform (workerd's and Vercel's `waitUntil`); elsewhere it simply runs. */
export type WaitUntil = (work: Promise<unknown>) => void

const RENDER_PATH = /^\/api\/render\/([^/]+)$/

export type EdgeRenderer = {
  fetch: (request: Request, waitUntil?: WaitUntil) => Promise<Response>
  /**
   * The answer to a GET or HEAD that the edge decided before and a shared
   * cache could have stored, without building a Request (what `fetch` answers
   * such a request with, too): an adapter whose platform makes Requests
   * costly (Node) asks this first. `url` is the request's full URL.
   */
  recall: (method: string, url: string, header: HeaderReader, waitUntil?: WaitUntil) => RememberedAnswer | undefined
  /** Records an event for the origin's events API (sent in batches after responses). */
  record: (event: EdgeEvent) => void
  source: SnapshotSource
  events: EventQueue
}

export function createEdgeRenderer(options: EdgeOptions): EdgeRenderer {
  const origin = options.origin.replace(/\/$/, '')
  const source = new SnapshotSource({ origin, deliveryKey: options.apiKey, revalidateSeconds: options.revalidateSeconds })
  const events = new EventQueue({ origin, eventsKey: options.apiKey })
  /** Bound: 1,000 rendered bodies, least recently used dropped first (as on the origin). */
  const bodies = new LRUCache<string, Uint8Array>({ max: 1000 })
  const answers = new ResponseMemory()
  const sessionCookie = `${options.sessionCookie ?? 'payload-token'}=`
  let tokens: ReturnType<typeof visitorTokensVerifiedBy> | undefined

  const marked = (response: Response, how: 'decided' | 'forwarded') => {
    // Our own responses take the header as they are; a fetched one's headers are immutable, so it is copied.
    if (how === 'decided') {
      response.headers.set('X-Tessera-Edge', how)
      return response
    }
    const headers = new Headers(response.headers)
    headers.set('X-Tessera-Edge', how)
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }

  async function forward(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const headers = new Headers(request.headers)
    headers.delete('host')
    const init: RequestInit & { duplex?: 'half' } = { method: request.method, headers, redirect: 'manual' }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      init.body = await request.arrayBuffer()
    }
    const response = await fetch(`${origin}${url.pathname}${url.search}`, init).catch(() => undefined)
    if (!response) return marked(errorResponse(502, 'origin_unreachable', 'This request needs the origin, which cannot be reached right now.'), 'forwarded')
    return marked(response, 'forwarded')
  }

  async function render(request: Request, slug: string): Promise<Response> {
    const asked = renderFormatOf(new URL(request.url))
    if (!asked.ok) return marked(asked.response, 'decided')
    const { format } = asked
    // API keys and editor sessions are known only to the origin.
    if (request.headers.has('authorization') || (request.headers.get('cookie') ?? '').includes(sessionCookie)) return forward(request)
    if (format === 'png' || format === 'text') return forward(request)

    const live = await source.current()
    if (!live) return forward(request)
    const decidedAt = Date.now()
    tokens ??= visitorTokensVerifiedBy(() => source.keys())
    const original = request.method === 'POST' ? request.clone() : request
    const read = await readRenderContext(request, { kind: 'public' as const }, { geoHeaders: live.settings.geoHeaders, tokens })
    if (!read.ok) return marked(read.response, 'decided')
    // A visitor we signed for: their decision reads their profile, which is the origin's.
    if (read.value.broughtBy) return forward(original)

    const { manifest, settings } = live
    const entry = Object.hasOwn(manifest.pages, slug) ? manifest.pages[slug] : undefined
    if (!entry) return marked(errorResponse(404, 'page_not_found', `No published page has the slug “${slug}”.`), 'decided')
    const bundle = await source.bundle(entry.bundle)
    if (!bundle) return forward(original)
    const channel = read.value.context.channel ?? bundle.channel
    if (channel === 'email') return forward(original)
    const decision = resolveDecision(manifest, bundle, onlyOnTheSite(read.value, channel), settings.timezone)
    // A unit enrolled in an experiment (a store's screen, say): the origin records its exposure as it serves it.
    if (decision.resolved.experiments?.some((outcome) => outcome.enrolled)) return forward(original)
    const problem = channelFormatProblem(decision.channel, format)
    if (problem) return marked(problem, 'decided')
    if (decision.channel === 'screen' && format === 'html') return marked(await screenHtmlResponse(request, decision, settings), 'decided')
    const response = marked(webResponse(request, decision, format as 'json' | 'html', settings, bodies), 'decided')
    return rememberIfShared(request, live, decision, response, decidedAt)
  }

  /**
   * Keeps a 200 answer to a GET that a shared cache may store (public, no
   * trace) for the next identical request, as long as it stays exact. Not
   * when the visitor brought a consent cookie: its verdict can expire while
   * the cookie's bytes stay the same.
   */
  async function rememberIfShared(request: Request, live: LiveSnapshot, decision: ReturnType<typeof resolveDecision>, response: Response, decidedAt: number): Promise<Response> {
    const { settings, manifest } = live
    if (request.method !== 'GET' || response.status !== 200 || decision.request.debug || settings.publicMaxAge <= 0) return response
    if (!cachePolicy(decision, settings).shared || readCookie(request.headers, CONSENT_COOKIE) || new URL(request.url).searchParams.has('tessera')) return response
    const body = new Uint8Array(await response.arrayBuffer())
    const headers: Record<string, string> = {}
    response.headers.forEach((value, name) => {
      headers[name] = value
    })
    const until = Math.min(decisionStableUntil(manifest, decision.bundle, decidedAt), decidedAt + settings.publicMaxAge * 1000)
    answers.remember(live, request.url, (name) => request.headers.get(name), headers, body, until)
    return new Response(body, { status: 200, headers })
  }

  function recall(method: string, url: string, header: HeaderReader, waitUntil: WaitUntil): RememberedAnswer | undefined {
    const live = source.peek()
    const answer = live ? answers.recall(live, method, url, header, Date.now()) : undefined
    if (answer) after(waitUntil)
    return answer
  }

  /** After the response: the manifest's revalidation, if one started, and the events batch. */
  function after(waitUntil: WaitUntil) {
    const revalidating = source.pending()
    if (revalidating) waitUntil(revalidating)
    if (events.size > 0) waitUntil(events.flush())
  }

  const quietly: WaitUntil = (work) => void work.catch(() => {})

  return {
    source,
    events,
    record: (event) => events.add(event),
    recall: (method, url, header, waitUntil = quietly) => recall(method, url, header, waitUntil),
    async fetch(request, waitUntil = quietly) {
      const remembered = recall(request.method, request.url, (name) => request.headers.get(name), waitUntil)
      if (remembered) return new Response(remembered.body as BodyInit | null, { status: remembered.status, headers: remembered.headers })
      const match = RENDER_PATH.exec(new URL(request.url).pathname)
      let response: Response
      if (match && ['GET', 'HEAD', 'POST'].includes(request.method)) {
        let slug: string
        try {
          slug = decodeURIComponent(match[1]!)
        } catch {
          slug = match[1]!
        }
        response = await render(request, slug)
      } else {
        response = await forward(request)
      }
      after(waitUntil)
      return response
    },
  }
}
