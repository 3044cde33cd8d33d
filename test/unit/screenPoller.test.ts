// @vitest-environment happy-dom
/**
 * The screen document's own script, run in a DOM against a stand-in server:
 * it rotates the slides, asks its own URL whether the decision changed, swaps
 * new slides in without a reload, and keeps the last good slides up (with a
 * discreet offline marker) while the server cannot be reached.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { renderScreenDocument } from '../../channels/screen/html'
import { SCREEN_SLIDES_ID } from '../../channels/screen/poller'
import type { ResolvedPage } from '../../engine'

const SCREEN_URL = 'https://shop.example/api/render/store-screen?format=screen&store=paris-rivoli'
const REFRESH = 30_000
const SLIDE = 10_000

function storeScreen(welcome: string): ResolvedPage {
  return {
    page: { slug: 'store-screen', title: 'Store screen', channel: 'screen', locale: 'en' },
    version: 'v1',
    personalized: false,
    blocks: [
      { slot: 0, kind: 'hero', block: 'screen-welcome', variant: null, tone: 'playful', length: 'short', content: { headline: welcome, image: 'store-front' } },
      {
        slot: 1,
        kind: 'offer',
        block: 'autumn-offer',
        variant: null,
        tone: 'friendly',
        length: 'medium',
        content: { headline: '−20 % on every candle', offer: { code: 'AUTUMN20', discount: '−20 %' } },
      },
    ],
    media: {
      'store-front': {
        id: 'store-front',
        alt: { en: 'The shop front' },
        original: { url: '/media/store-front.jpg', width: 1920, height: 1080, mimeType: 'image/jpeg' },
        sizes: { screen1920: { url: '/media/store-front-1920.jpg', width: 1920, height: 1080, mimeType: 'image/jpeg' } },
      },
    },
    attributesRead: [],
    decisionKey: 'screen|en|0:default;1:default;',
  }
}

const screenDocument = (welcome: string, etag: string, updatesUrl?: string) =>
  renderScreenDocument(storeScreen(welcome), {
    mediaBase: 'https://shop.example',
    defaultLocale: 'en',
    width: 1920,
    height: 1080,
    refreshSeconds: REFRESH / 1000,
    slideSeconds: SLIDE / 1000,
    etag,
    updatesUrl,
  })

/** Loads a document the way a browser would, running its inline script. */
function open(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html')
  for (const attribute of [...parsed.documentElement.attributes]) document.documentElement.setAttribute(attribute.name, attribute.value)
  document.head.innerHTML = parsed.head.innerHTML
  document.body.innerHTML = parsed.body.innerHTML
  const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!
  new Function(script)()
}

type Answer = Response | Error | 'hang'
let answers: Answer[]
let requests: { url: string; headers: Record<string, string>; cache?: RequestCache }[]

function serve(...next: Answer[]) {
  answers.push(...next)
}

const slides = () => document.getElementById(SCREEN_SLIDES_ID)!
const welcome = () => slides().querySelector('[data-tessera-block="screen-welcome"] h2')!.textContent
const active = () => slides().querySelector('.is-active')!.getAttribute('data-tessera-block')
const offline = () => !document.getElementById('tessera-offline')!.hidden

beforeEach(() => {
  vi.useFakeTimers()
  const { happyDOM } = window as unknown as { happyDOM: { setURL(url: string): void } }
  happyDOM.setURL(SCREEN_URL)
  answers = []
  requests = []
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit) => {
      requests.push({ url, headers: { ...(init.headers as Record<string, string>) }, cache: init.cache })
      const answer = answers.shift() ?? new Error('no answer prepared')
      if (answer === 'hang') {
        return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))
      }
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer)
    }),
  )
  // Images "load" at once (the DOM stand-in loads none), so swaps are not held back.
  vi.stubGlobal(
    'Image',
    class {
      onload: (() => void) | null = null
      onerror: (() => void) | null = null
      set src(_: string) {
        queueMicrotask(() => this.onload?.())
      }
    },
  )
  open(screenDocument('Welcome to Maison Lumen', '"e1"'))
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('screen script', () => {
  it('shows one slide at a time and moves to the next every slideSeconds', async () => {
    expect(active()).toBe('screen-welcome')
    await vi.advanceTimersByTimeAsync(SLIDE)
    expect(active()).toBe('autumn-offer')
    expect(slides().querySelectorAll('[aria-hidden="false"]')).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(SLIDE)
    expect(active()).toBe('screen-welcome')
  })

  it('asks its own URL every refreshSeconds, with If-None-Match and the current ETag, past the HTTP cache', async () => {
    serve(new Response(null, { status: 304 }), new Response(null, { status: 304 }))
    await vi.advanceTimersByTimeAsync(REFRESH - 1)
    expect(requests).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(requests).toEqual([{ url: SCREEN_URL, headers: { Accept: 'text/html', 'If-None-Match': '"e1"' }, cache: 'no-store' }])
    await vi.advanceTimersByTimeAsync(REFRESH)
    expect(requests).toHaveLength(2)
  })

  it('changes nothing on 304 Not Modified', async () => {
    const before = slides()
    serve(new Response(null, { status: 304 }))
    await vi.advanceTimersByTimeAsync(REFRESH)
    expect(slides()).toBe(before)
    expect(welcome()).toBe('Welcome to Maison Lumen')
    expect(offline()).toBe(false)
  })

  it('on 200 swaps the new slides in place, without reloading, and sends the new ETag from then on', async () => {
    const before = slides()
    const page = window as unknown as { loadedOnce?: boolean }
    page.loadedOnce = true
    await vi.advanceTimersByTimeAsync(SLIDE)
    expect(active()).toBe('autumn-offer')

    serve(new Response(screenDocument('Open until 9 pm: last call for candles', '"e2"'), { status: 200, headers: { ETag: '"e2"' } }), new Response(null, { status: 304 }))
    await vi.advanceTimersByTimeAsync(REFRESH - SLIDE)
    expect(welcome()).toBe('Open until 9 pm: last call for candles')
    expect(before.isConnected).toBe(false)
    expect(document.querySelectorAll(`#${SCREEN_SLIDES_ID}`)).toHaveLength(1)
    // Same window: no reload.
    expect(page.loadedOnce).toBe(true)
    // The new slides start from the first.
    expect(active()).toBe('screen-welcome')

    await vi.advanceTimersByTimeAsync(REFRESH)
    expect(requests[1]!.headers['If-None-Match']).toBe('"e2"')
  })

  it('takes the new ETag from the response header, or from the new document when the header is missing', async () => {
    serve(
      new Response(screenDocument('Second', '"in-document-2"'), { status: 200, headers: { ETag: '"header-2"' } }),
      new Response(screenDocument('Third', '"in-document-3"'), { status: 200 }),
      new Response(null, { status: 304 }),
    )
    await vi.advanceTimersByTimeAsync(REFRESH * 3)
    expect(requests.map((request) => request.headers['If-None-Match'])).toEqual(['"e1"', '"header-2"', '"in-document-3"'])
    expect(welcome()).toBe('Third')
  })

  it('keeps the last good slides and shows the offline marker while the server is unreachable or failing, until it answers again', async () => {
    const before = slides()
    serve(new TypeError('Failed to fetch'), new Response('Bad gateway', { status: 502 }), new Response('Unavailable', { status: 503 }))
    await vi.advanceTimersByTimeAsync(REFRESH)
    expect(offline()).toBe(true)
    expect(document.documentElement.classList.contains('is-offline')).toBe(true)
    await vi.advanceTimersByTimeAsync(REFRESH * 2)
    expect(offline()).toBe(true)
    expect(slides()).toBe(before)
    expect(welcome()).toBe('Welcome to Maison Lumen')
    // It keeps asking with the ETag of what it shows.
    expect(requests.map((request) => request.headers['If-None-Match'])).toEqual(['"e1"', '"e1"', '"e1"'])

    serve(new Response(null, { status: 304 }))
    await vi.advanceTimersByTimeAsync(REFRESH)
    expect(offline()).toBe(false)
    expect(document.documentElement.classList.contains('is-offline')).toBe(false)
  })

  it('ignores a 200 that is not a screen document (a captive portal, say)', async () => {
    const before = slides()
    serve(new Response('<!doctype html><title>Wi-Fi login</title><p>Please sign in</p>', { status: 200, headers: { ETag: '"portal"' } }), new Response(null, { status: 304 }))
    await vi.advanceTimersByTimeAsync(REFRESH)
    expect(slides()).toBe(before)
    expect(offline()).toBe(true)
    await vi.advanceTimersByTimeAsync(REFRESH)
    expect(requests[1]!.headers['If-None-Match']).toBe('"e1"')
  })

  it('gives up on a request that hangs after 30 seconds, and goes on polling', async () => {
    serve('hang', new Response(null, { status: 304 }))
    await vi.advanceTimersByTimeAsync(REFRESH)
    expect(requests).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(30_000)
    expect(offline()).toBe(true)
    await vi.advanceTimersByTimeAsync(REFRESH)
    expect(requests).toHaveLength(2)
    expect(offline()).toBe(false)
  })
})

describe('screen script with an update stream', () => {
  /** The browser's EventSource, as a stand-in the test drives. */
  class StandInEventSource {
    static opened: StandInEventSource[] = []
    listeners = new Map<string, (() => void)[]>()
    constructor(readonly url: string) {
      StandInEventSource.opened.push(this)
    }
    addEventListener(type: string, listener: () => void) {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener])
    }
    emit(type: string) {
      for (const listener of this.listeners.get(type) ?? []) listener()
    }
  }

  beforeEach(() => {
    StandInEventSource.opened = []
    vi.stubGlobal('EventSource', StandInEventSource)
    // The document of the outer beforeEach (no stream) stops: this one replaces it.
    vi.clearAllTimers()
    open(screenDocument('Welcome to Maison Lumen', '"e1"', '/api/updates'))
  })

  it('asks at once when a publish is announced, swaps the new slides in, and keeps its poll', async () => {
    const [stream] = StandInEventSource.opened.slice(-1)
    expect(stream!.url).toBe('/api/updates')
    serve(new Response(screenDocument('Autumn is here', '"e2"'), { status: 200, headers: { ETag: '"e2"' } }))
    stream!.emit('publish')
    await vi.advanceTimersByTimeAsync(0)
    expect(requests).toHaveLength(1)
    expect(welcome()).toBe('Autumn is here')
    // The poll goes on from the push: the next ask is refreshSeconds later, with the new ETag.
    serve(new Response(null, { status: 304 }))
    await vi.advanceTimersByTimeAsync(REFRESH)
    expect(requests.map((request) => request.headers['If-None-Match'])).toEqual(['"e1"', '"e2"'])
  })

  it('asks once more for a publish announced while it is asking', async () => {
    const [stream] = StandInEventSource.opened.slice(-1)
    serve('hang')
    stream!.emit('publish')
    stream!.emit('publish')
    expect(requests).toHaveLength(1)
    serve(new Response(null, { status: 304 }))
    await vi.advanceTimersByTimeAsync(30_000)
    expect(requests).toHaveLength(2)
  })

  it('asks again when the stream comes back after a drop (a publish may have been missed), not when it first opens', async () => {
    const [stream] = StandInEventSource.opened.slice(-1)
    stream!.emit('live')
    await vi.advanceTimersByTimeAsync(0)
    expect(requests).toHaveLength(0)
    serve(new Response(null, { status: 304 }))
    stream!.emit('live')
    await vi.advanceTimersByTimeAsync(0)
    expect(requests).toHaveLength(1)
  })
})
