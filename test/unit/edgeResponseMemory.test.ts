/**
 * What an edge may serve again without deciding again: a public answer, for
 * the same snapshot, URL and Vary headers, until the clock could change the
 * decision (the next minute for a page reading the clock, a variant's start
 * or end); a new snapshot forgets everything.
 */
import { describe, expect, it } from 'vitest'

import { decisionStableUntil } from '../../contract'
import { ResponseMemory } from '../../edge/responseMemory'
import { block, manifest, page, segment, variant } from '../support/snapshotBuilders'

const NOW = Date.parse('2026-11-24T10:00:30Z')
const evening = segment('evening', 10, [{ attribute: 'daypart', operator: 'equals', operands: ['evening'] }])
const french = segment('fr', 5, [{ attribute: 'country', operator: 'equals', operands: ['FR'] }])

describe('how long a decision stays the same', () => {
  it('never ends for a page that reads no clock and has no schedule', () => {
    const snapshot = manifest([french])
    expect(decisionStableUntil(snapshot, page([block('b', [variant('v', { audience: ['fr'] })])]), NOW)).toBe(Number.POSITIVE_INFINITY)
  })

  it('ends at the next minute when a targeted segment reads the clock', () => {
    const snapshot = manifest([evening])
    expect(decisionStableUntil(snapshot, page([block('b', [variant('v', { audience: ['evening'] })])]), NOW)).toBe(Date.parse('2026-11-24T10:01:00Z'))
  })

  it('ends when a variant starts or stops', () => {
    const starts = Date.parse('2026-11-24T10:00:45Z')
    const stops = Date.parse('2026-11-24T10:00:50Z')
    const bundle = page([block('b', [variant('later', { activeFrom: starts }), variant('past', { activeTo: NOW - 1000 }), variant('ending', { activeTo: stops })])])
    expect(decisionStableUntil(manifest([]), bundle, NOW)).toBe(starts)
    expect(decisionStableUntil(manifest([]), bundle, starts)).toBe(stops)
  })
})

describe('the edge’s memory of shared responses', () => {
  const headers = { 'content-type': 'application/json', etag: '"v1-abc"', vary: 'Accept-Language, Cookie', 'cache-control': 'public, s-maxage=60' }
  const body = new TextEncoder().encode('{"ok":true}')
  const url = 'https://edge.example/api/render/home'
  const owner = {}
  const reader = (values: Record<string, string>) => (name: string) => values[name]

  it('answers the same URL with the same Vary headers, and only those', () => {
    const memory = new ResponseMemory()
    memory.remember(owner, url, reader({ 'accept-language': 'fr', 'user-agent': 'A' }), headers, body, NOW + 60_000)
    const hit = memory.recall(owner, 'GET', url, reader({ 'accept-language': 'fr', 'user-agent': 'B' }), NOW)
    expect(hit?.status).toBe(200)
    expect(new TextDecoder().decode(hit!.body!)).toBe('{"ok":true}')
    expect(hit!.headers['content-length']).toBe(String(body.byteLength))
    expect(memory.recall(owner, 'GET', url, reader({ 'accept-language': 'en' }), NOW)).toBeUndefined()
    expect(memory.recall(owner, 'GET', url, reader({ 'accept-language': 'fr', cookie: 'tessera_consent=x' }), NOW)).toBeUndefined()
    expect(memory.recall(owner, 'GET', `${url}?locale=fr`, reader({ 'accept-language': 'fr' }), NOW)).toBeUndefined()
    expect(memory.recall(owner, 'POST', url, reader({ 'accept-language': 'fr' }), NOW)).toBeUndefined()
  })

  it('answers HEAD without a body and a matching If-None-Match with a 304', () => {
    const memory = new ResponseMemory()
    memory.remember(owner, url, reader({}), headers, body, NOW + 60_000)
    expect(memory.recall(owner, 'HEAD', url, reader({}), NOW)).toMatchObject({ status: 200, body: null })
    const notModified = memory.recall(owner, 'GET', url, reader({ 'if-none-match': 'W/"v1-abc"' }), NOW)
    expect(notModified).toMatchObject({ status: 304, body: null })
    expect(notModified!.headers['content-type']).toBeUndefined()
    expect(notModified!.headers.etag).toBe('"v1-abc"')
  })

  it('forgets an answer once the decision could have changed, and everything on a new snapshot', () => {
    const memory = new ResponseMemory()
    memory.remember(owner, url, reader({}), headers, body, NOW + 1000)
    expect(memory.recall(owner, 'GET', url, reader({}), NOW + 999)).toBeDefined()
    expect(memory.recall(owner, 'GET', url, reader({}), NOW + 1000)).toBeUndefined()
    memory.remember(owner, url, reader({}), headers, body, NOW + 60_000)
    const next = {}
    expect(memory.recall(next, 'GET', url, reader({}), NOW)).toBeUndefined()
    memory.remember(next, `${url}?format=html`, reader({}), headers, body, NOW + 60_000)
    expect(memory.recall(owner, 'GET', url, reader({}), NOW)).toBeUndefined()
  })
})
