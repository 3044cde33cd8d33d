/**
 * The website's consent banner talks to GET/POST /api/consent. Before any
 * choice nothing is stored. A choice is recorded in a signed cookie; a visitor
 * id (and a profile, with the choice, its time and source) exists only while
 * personalization or analytics is granted. Withdrawing takes effect on the
 * next request: the visitor id cookie is dropped and events stop.
 */
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { z } from 'zod'

import { type ConsentPurpose, type Locale, LOCALES, PurposeKeySchema } from '../../engine'
import { errorResponse, isSameOrigin, readJsonBody, zodIssues } from '../http'
import { rateLimit, requestClient } from '../limits'
import { liveManifest } from '../snapshot'
import { clearVisitorCookie, consentCookie, localeFromAcceptLanguage, visitorCookie, visitorCookies } from '../trust'
import { newIdempotencyKey, recordEvents } from './events'

export const ChoiceSchema = z.object({ purposes: z.array(PurposeKeySchema).max(50) }).strict()

/** Purposes a website visitor chooses in the banner (lists live in the preference center). */
const bannerPurposes = (purposes: readonly ConsentPurpose[]) => purposes.filter((purpose) => purpose.kind !== 'marketing')

const IDENTIFYING = new Set(['personalization', 'analytics'])

/** What the banner shows: the purposes in the visitor's language, and their current choice (null before any). */
export const ConsentStateSchema = z.object({
  purposes: z.array(z.object({ slug: z.string(), kind: z.string(), required: z.boolean(), name: z.string(), description: z.string() })),
  choice: z.object({ purposes: z.array(z.string()), at: z.string() }).nullable(),
})
/** A choice saved: the purposes granted (necessary always), when, and whether the visitor is now remembered. */
export const ConsentSavedSchema = z.object({ purposes: z.array(z.string()), at: z.string(), identified: z.boolean() })

export async function handleConsentGet(payload: Payload, request: Request): Promise<Response> {
  const manifest = await liveManifest(payload)
  const url = new URL(request.url)
  const asked = url.searchParams.get('locale')
  const locale: Locale = (LOCALES as readonly string[]).includes(asked ?? '') ? (asked as Locale) : (localeFromAcceptLanguage(request.headers.get('accept-language')) ?? 'en')
  const { consent } = await visitorCookies(request)
  return Response.json(
    {
      purposes: bannerPurposes(manifest?.purposes ?? []).map((purpose) => ({
        slug: purpose.slug,
        kind: purpose.kind,
        required: purpose.kind === 'necessary',
        name: purpose.name[locale] ?? purpose.name.en ?? purpose.slug,
        description: purpose.description[locale] ?? purpose.description.en ?? '',
      })),
      choice: consent ?? null,
    },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}

export async function handleConsentPost(payload: Payload, request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return errorResponse(403, 'cross_site', 'Consent is given on this site’s own pages.')
  // A choice may create a profile: strangers get few per address.
  const throttled = await rateLimit('consent', requestClient(request))
  if (throttled) return throttled
  const body = await readJsonBody(request, 8 * 1024)
  if (!body.ok) return body.response
  const parsed = ChoiceSchema.safeParse(body.value)
  if (!parsed.success) {
    return errorResponse(400, 'invalid_choice', 'Send { "purposes": [...] } with the purposes granted.', zodIssues(parsed.error))
  }
  const manifest = await liveManifest(payload)
  const known = bannerPurposes(manifest?.purposes ?? [])
  const unknown = parsed.data.purposes.filter((slug) => !known.some((purpose) => purpose.slug === slug))
  if (unknown.length > 0) {
    return errorResponse(400, 'unknown_purpose', `Unknown purpose: ${unknown.join(', ')}`, unknown.map((slug) => ({ path: 'purposes', message: `Unknown purpose ${slug}` })))
  }
  const granted = [...new Set(['necessary', ...parsed.data.purposes])]
  const at = new Date().toISOString()
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  headers.append('Set-Cookie', await consentCookie(request, { purposes: granted, at }))

  const { visitor: knownVisitor } = await visitorCookies(request)
  const identifies = granted.some((purpose) => IDENTIFYING.has(purpose))
  const visitor = identifies ? (knownVisitor ?? randomUUID()) : knownVisitor
  if (visitor) {
    // The choice, with its time and source, on the visitor's profile (a withdrawal too).
    const consents = Object.fromEntries(known.filter((purpose) => purpose.kind !== 'necessary').map((purpose) => [purpose.slug, granted.includes(purpose.slug)]))
    await recordEvents(
      payload,
      [{ idempotencyKey: newIdempotencyKey(), type: 'consent_change', consents, occurredAt: at, name: 'consent banner' }],
      { kind: 'site', visitor, consents: granted },
      manifest?.purposes ?? [],
    )
  }
  headers.append('Set-Cookie', identifies ? await visitorCookie(request, visitor!) : clearVisitorCookie(request))
  return Response.json({ purposes: granted, at, identified: identifies }, { headers })
}
