/**
 * One-click answers in emails: a signed, expiring token of its own kind
 * (audience `tessera:answer`) naming the recipient, the questions that email
 * asked, its page and language. It records an answer to one of those
 * questions and nothing else: it is not a recipient token (no lists, no
 * preferences), not a visit token (the site does not learn who opens it),
 * and never exchanged for a cookie or a session.
 */
import { z } from 'zod'

import { LOCALES, SLUG } from '../../engine'
import { signToken, verifyToken } from './signedTokens'

const ANSWER_AUDIENCE = 'tessera:answer'
/** An email is answered within days; a month covers a late reader and ages the link out. */
export const ANSWER_TOKEN_DAYS = 30

export const AnswerClaimsSchema = z
  .object({
    customer: z.string().min(1).max(128).optional(),
    visitor: z.string().min(1).max(128).optional(),
    email: z.string().email().max(320).optional(),
    /** The question ids this email asked. */
    questions: z.array(z.string().min(1).max(64)).min(1).max(10),
    page: z.string().regex(SLUG).optional(),
    locale: z.enum(LOCALES),
  })
  .refine((claims) => Boolean(claims.customer || claims.visitor || claims.email), 'An answer link names its recipient')
export type AnswerClaims = z.infer<typeof AnswerClaimsSchema>

export const signAnswerToken = (claims: AnswerClaims) => signToken(claims, ANSWER_AUDIENCE, ANSWER_TOKEN_DAYS * 24 * 3600)
export const readAnswerToken = (token: string | null | undefined) => verifyToken(token, ANSWER_AUDIENCE, AnswerClaimsSchema)
