/**
 * Links in emails that identify their recipient without putting a raw id in
 * the URL: a signed, expiring token naming the recipient (customer id, visitor
 * id or address) and the list the email was sent to. The preference center and
 * the one-click unsubscribe endpoint accept nothing else.
 */
import { createHash } from 'node:crypto'

import { type RecipientClaims, RecipientClaimsSchema, TOKEN_AUDIENCE } from '../../contract'
import { signToken, verifyToken } from './signedTokens'

export type { RecipientClaims } from '../../contract'

const RECIPIENT_AUDIENCE = TOKEN_AUDIENCE.recipient
/** Long enough for an email read weeks later; short enough to age out. */
export const RECIPIENT_TOKEN_DAYS = 90

export const signRecipientToken = (claims: RecipientClaims) => signToken(claims, RECIPIENT_AUDIENCE, RECIPIENT_TOKEN_DAYS * 24 * 3600)
export const readRecipientToken = (token: string | null | undefined) => verifyToken(token, RECIPIENT_AUDIENCE, RecipientClaimsSchema)

const VISIT_AUDIENCE = TOKEN_AUDIENCE.visit
const VISIT_TOKEN_DAYS = 30

/** Identifies an email's recipient on the site pages its links open (`?tessera=…`). */
export const signVisitToken = (claims: RecipientClaims) =>
  signToken({ customer: claims.customer, visitor: claims.visitor, email: claims.email }, VISIT_AUDIENCE, VISIT_TOKEN_DAYS * 24 * 3600)
export const readVisitToken = (token: string | null | undefined) => verifyToken(token, VISIT_AUDIENCE, RecipientClaimsSchema)

/** A short, stable name for one signed link: per-link rate limits count by it, and never store the token. */
export const recipientLinkId = (token: string) => createHash('sha256').update(token).digest('base64url').slice(0, 22)

export type RecipientLinks = { unsubscribeUrl: string; preferencesUrl: string; unsubscribeMailto?: string; visitToken?: string }

/** The unsubscribe and preference-center links of one recipient of one list. */
export async function recipientLinks(base: string, claims: RecipientClaims): Promise<RecipientLinks> {
  const token = await signRecipientToken(claims)
  const origin = base.replace(/\/$/, '')
  const mailbox = process.env.TESSERA_UNSUBSCRIBE_MAILTO
  return {
    visitToken: await signVisitToken(claims),
    unsubscribeUrl: `${origin}/api/unsubscribe?token=${encodeURIComponent(token)}`,
    preferencesUrl: `${origin}/preferences?token=${encodeURIComponent(token)}`,
    ...(mailbox ? { unsubscribeMailto: `mailto:${mailbox}?subject=${encodeURIComponent(`unsubscribe ${claims.list ?? ''}`.trim())}` } : {}),
  }
}
