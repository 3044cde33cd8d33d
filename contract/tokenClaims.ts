/**
 * What each kind of token we sign says, and for which use (its audience): a
 * token made for one use is refused for another. The origin signs them; the
 * origin and an edge verify them.
 */
import { z } from 'zod'

import { PurposeKeySchema, RenderContextSchema } from '../engine'

export const TOKEN_AUDIENCE = {
  profile: 'tessera:profile',
  consent: 'tessera:consent',
  recipient: 'tessera:recipient',
  visit: 'tessera:visit',
} as const

export const ProfileClaimsSchema = z.object({
  visitor: RenderContextSchema.shape.visitor,
  segments: RenderContextSchema.shape.segments,
  traits: RenderContextSchema.shape.traits,
})
export type ProfileClaims = z.infer<typeof ProfileClaimsSchema>

export const ConsentClaimsSchema = z.object({
  purposes: z.array(PurposeKeySchema).max(50),
  /** When the choice was made (ISO 8601). */
  at: z.string(),
})
export type ConsentClaims = z.infer<typeof ConsentClaimsSchema>

export const RecipientClaimsSchema = z
  .object({
    customer: z.string().min(1).max(128).optional(),
    visitor: z.string().min(1).max(128).optional(),
    email: z.string().email().max(320).optional(),
    /** The marketing list (consent purpose slug) the email belongs to. */
    list: PurposeKeySchema.optional(),
  })
  .refine((claims) => Boolean(claims.customer || claims.visitor || claims.email), 'A recipient needs a customer id, a visitor id or an email address')
export type RecipientClaims = z.infer<typeof RecipientClaimsSchema>
