/**
 * One webhook attempt: the message signed per Standard Webhooks (the
 * `standardwebhooks` library: `webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), POSTed through the SSRF guard. Redirects are followed
 * (at most 3) only after the new destination passes the same checks, and
 * only for 307/308, which keep the method and the signed body.
 */
import http from 'node:http'
import https from 'node:https'

import { Webhook } from 'standardwebhooks'

import type { ChangeMessage } from './changeTypes'
import { checkDestinationUrl, DestinationRefused, guardedLookup, type Resolver } from './destinationGuard'

export type AttemptResult = { ok: boolean; status?: number; latencyMs: number; response?: string; error?: string }

const TIMEOUT_MS = 10_000
const MAX_REDIRECTS = 3
/** How much of a receiver's answer the delivery log keeps. */
const RESPONSE_KEPT = 1000

export function signedHeaders(secret: string, message: ChangeMessage, body: string, at = new Date()): Record<string, string> {
  const webhook = new Webhook(secret)
  return {
    'content-type': 'application/json',
    'user-agent': 'Tessera-Webhooks/1',
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': webhook.sign(message.id, at, body),
  }
}

type Answer = { status: number; location?: string; body: string }

function post(url: URL, headers: Record<string, string>, body: string, resolver?: Resolver): Promise<Answer> {
  const client = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const request = client.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, lookup: guardedLookup(resolver), timeout: TIMEOUT_MS }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        if (text.length < RESPONSE_KEPT) text += chunk
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, location: response.headers.location, body: text.slice(0, RESPONSE_KEPT) }))
      response.on('error', reject)
    })
    request.on('timeout', () => request.destroy(new Error(`No answer within ${TIMEOUT_MS / 1000} s`)))
    request.on('error', reject)
    request.end(body)
  })
}

/** Delivers `message` to `destination` once; never throws (a refusal or a network error is a failed attempt). */
export async function attemptDelivery(destination: string, secret: string, message: ChangeMessage, options: { resolver?: Resolver; now?: Date } = {}): Promise<AttemptResult> {
  const body = JSON.stringify(message)
  const headers = signedHeaders(secret, message, body, options.now)
  const started = performance.now()
  const latency = () => Math.round(performance.now() - started)
  try {
    let url = checkDestinationUrl(destination)
    for (let hop = 0; ; hop++) {
      const answer = await post(url, headers, body, options.resolver)
      if (answer.status >= 300 && answer.status < 400 && answer.location) {
        if (answer.status !== 307 && answer.status !== 308) return { ok: false, status: answer.status, latencyMs: latency(), response: answer.body, error: `Redirect ${answer.status} to ${answer.location} not followed: only 307 and 308 keep the signed POST` }
        if (hop >= MAX_REDIRECTS) return { ok: false, status: answer.status, latencyMs: latency(), error: `More than ${MAX_REDIRECTS} redirects` }
        url = checkDestinationUrl(new URL(answer.location, url).toString())
        continue
      }
      return { ok: answer.status >= 200 && answer.status < 300, status: answer.status, latencyMs: latency(), response: answer.body }
    }
  } catch (error) {
    const refused = error instanceof DestinationRefused || (error as { cause?: unknown }).cause instanceof DestinationRefused
    return { ok: false, latencyMs: latency(), error: refused ? (error as Error).message : `Network error: ${(error as Error).message}` }
  }
}
