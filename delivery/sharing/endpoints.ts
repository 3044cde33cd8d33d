/**
 * The webhook endpoints admins configured, read at most every few seconds
 * (the dispatcher and every unit of work that writes behaviour ask often).
 */
import type { Payload } from 'payload'

import { processWide, timedMemory } from '../http'
import { isBehaviour } from './changeTypes'
import { streamConfigured } from './natsStream'

/** `createdAt`: an endpoint receives the changes written from its creation on, never older ones still waiting to be fanned out (a seed, a backlog). */
export type WebhookEndpoint = { id: string; url: string; secret: string; types: string[]; behaviour: boolean; createdAt: string }

const REMEMBER_MS = 5_000
const memory = processWide('webhookEndpoints', () => timedMemory<Payload, WebhookEndpoint[]>(16, REMEMBER_MS))

/** The enabled endpoints, remembered for a few seconds; `fresh` reads them now (the fan-out: a new endpoint gets every message written after it). */
export async function enabledEndpoints(payload: Payload, { fresh = false } = {}): Promise<WebhookEndpoint[]> {
  const known = fresh ? undefined : memory.get(payload)
  if (known) return known
  const { docs } = await payload.find({ collection: 'webhook-endpoints', where: { enabled: { equals: true } }, pagination: false, depth: 0, overrideAccess: true })
  const endpoints = docs.map((doc) => ({ id: String(doc.id), url: doc.url, secret: doc.secret ?? '', types: (doc.types ?? []) as string[], behaviour: Boolean(doc.behaviour), createdAt: String(doc.createdAt) }))
  memory.set(payload, endpoints)
  return endpoints
}

/** An endpoint changed: read them again now. */
export function forgetEndpoints(payload: Payload): void {
  memory.delete(payload)
}

export const endpointWants = (endpoint: WebhookEndpoint, type: string) => (isBehaviour(type) ? endpoint.behaviour : endpoint.types.includes(type))

/** Written since the endpoint exists (timestamps compared as instants). */
export const endpointSaw = (endpoint: WebhookEndpoint, writtenAt: string | undefined) =>
  !writtenAt || Number.isNaN(Date.parse(endpoint.createdAt)) || Date.parse(writtenAt) >= Date.parse(endpoint.createdAt)

/** Whether behaviour events are wanted by anyone: the stream, or an endpoint that opted in. */
export async function wantsBehaviour(payload: Payload): Promise<boolean> {
  return streamConfigured() || (await enabledEndpoints(payload)).some((endpoint) => endpoint.behaviour)
}
