/**
 * An email page as the live snapshot renders it for a recipient nobody has
 * described (the default content in one locale): what a standard on the
 * email's size measures. No profile is read, nothing is recorded.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { DeliveryManifest, Locale, PageBundle } from '../../engine'
import { bundleOfPageSave, liveManifest } from '../snapshot'
import { decideFor, loadPage } from './decide'
import { renderEmail } from './email'

const BASE = (process.env.TESSERA_PUBLIC_URL || 'http://localhost:3000').replace(/\/$/, '')

/** The HTML size of an email page for a recipient nobody has described, in one locale; `remember: false` for a bundle that is not the live one. */
async function emailBytes(manifest: DeliveryManifest, bundle: PageBundle, locale: Locale, remember: boolean): Promise<number> {
  const request = { context: { channel: 'email' as const, locale }, caller: { kind: 'public' as const }, ignored: [], debug: false, trusted: false }
  const email = await renderEmail(decideFor(manifest, bundle, { request }), BASE, { remember })
  return new TextEncoder().encode(email.html).byteLength
}

/** The email's HTML size in bytes, or undefined when the page is not a published email. */
export async function publishedEmailBytes(payload: Payload, slug: string, locale: Locale): Promise<number | undefined> {
  const page = await loadPage(payload, slug)
  if (!page.ok || page.bundle.channel !== 'email') return undefined
  return emailBytes(page.manifest, page.bundle, locale, true)
}

/**
 * The HTML size of the email a publish is about to store (the page's data in
 * the locale saved, its blocks as published, decided on the live snapshot),
 * or undefined when it is not an email or nothing is live yet.
 */
export async function emailBytesAtPublish(payload: Payload, data: Record<string, unknown>, locale: Locale, id: string | number | undefined, req?: PayloadRequest): Promise<number | undefined> {
  if (data.channel !== 'email') return undefined
  const manifest = await liveManifest(payload)
  if (!manifest) return undefined
  // The page as it would be published is not the live one: compiled for this check only.
  return emailBytes(manifest, await bundleOfPageSave(payload, data, locale, id, req), locale, false)
}
