/**
 * What the origin hands an edge renderer (GET /api/delivery/manifest): the
 * live manifest, the public keys that verify our tokens, and the render
 * settings that shape the bytes. Page bundles come one by one, by hash
 * (GET /api/delivery/bundles/{hash}), and never change.
 */
import { z } from 'zod'

import { DeliveryManifestSchema, PageBundleSchema } from '../engine'
import { RenderSettingsSchema } from './settings'
import { PublicKeySetSchema } from './tokenVerification'

export const DistributedManifestSchema = z
  .object({
    manifest: DeliveryManifestSchema,
    /** The public keys of every signing key in use: an edge verifies cookies and links with them, and can sign nothing. */
    keys: PublicKeySetSchema,
    /** The origin's settings that shape a render's bytes: an edge renders with them. */
    settings: RenderSettingsSchema,
  })
  .meta({ id: 'DistributedManifest' })
export type DistributedManifest = z.infer<typeof DistributedManifestSchema>

export const DistributedBundleSchema = PageBundleSchema.meta({ id: 'PageBundle' })

/** A bundle never changes under its hash: a year, immutable, never in a shared cache (it holds every variant of its page). */
export const BUNDLE_CACHE_CONTROL = 'private, max-age=31536000, immutable'

export const MANIFEST_PATH = '/api/delivery/manifest'
export const bundlePath = (hash: string) => `/api/delivery/bundles/${hash}`
