/**
 * The origin's settings that shape a render's bytes. The origin reads them
 * from its environment; an edge receives the origin's own with the manifest,
 * so both decide and cache alike without a second place to configure them.
 */
import { z } from 'zod'

export const RenderSettingsSchema = z
  .object({
    /** Time zone of decisions when the request names none (TESSERA_TIMEZONE). */
    timezone: z.string(),
    /** s-maxage of a public response, in seconds (TESSERA_PUBLIC_MAX_AGE). */
    publicMaxAge: z.number().int().min(0),
    /** Whether the hosting platform's geo headers count (TESSERA_GEO_HEADERS=off turns them off). */
    geoHeaders: z.boolean(),
    /** The public origin links and media URLs are built from (TESSERA_PUBLIC_URL), else the request's own. */
    publicUrl: z.string().optional(),
  })
  .meta({ id: 'RenderSettings' })
export type RenderSettings = z.infer<typeof RenderSettingsSchema>

/** The settings from an environment (the origin's `process.env`). */
export function renderSettingsFrom(env: Record<string, string | undefined>): RenderSettings {
  return {
    timezone: env.TESSERA_TIMEZONE || 'UTC',
    publicMaxAge: Number(env.TESSERA_PUBLIC_MAX_AGE ?? 60),
    geoHeaders: env.TESSERA_GEO_HEADERS !== 'off',
    ...(env.TESSERA_PUBLIC_URL ? { publicUrl: env.TESSERA_PUBLIC_URL } : {}),
  }
}

/** The public origin absolute links and media URLs are built from: the configured one, else the request's own. */
export function publicOriginOf(request: Request, settings: Pick<RenderSettings, 'publicUrl'>): string {
  return (settings.publicUrl || new URL(request.url).origin).replace(/\/$/, '')
}
