/**
 * Where answers arrive. POST /api/answers: the website's own form (works
 * without JavaScript: a form post answered with 303 back to the page, which
 * then shows the next question; or JSON for scripts), from this site's pages
 * only, the visitor named by our signed cookie, stored only with consent to
 * the question's purpose and to personalization. GET /api/answers/email: a
 * one-click answer from an email, its signed answer token naming the
 * recipient; recorded once per link and value (retries and forwarded copies
 * are duplicates), then a thank-you page in the recipient's language.
 */
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

import { askedQuestion, decisionContext, type DeliveryManifest, evaluateSegments, type Locale, PERSONALIZATION } from '../../engine'
import { errorResponse, isSameOrigin, publicOrigin, readFormBody, readJsonBody } from '../http'
import { rateLimit, requestClient } from '../limits'
import { liveManifest } from '../snapshot'
import { localeFromAcceptLanguage, readAnswerToken, recipientLinkId, visitorCookies, type AnswerClaims } from '../trust'
import { type Answer, answerEvent, AnswerSchema, answerTraits, checkAnswerValue, findQuestion } from './answers'
import { recordEvents, type EventOutcome } from './events'
import { profileContext } from './profileContext'
import { findProfile, profileKey, type Profile } from './profiles'

const MAX_ANSWER_BYTES = 8 * 1024

const TEXT = {
  en: {
    back: 'Back to the page',
    thanks: 'Thank you for your answer!',
    notStored: 'Your answer was not stored.',
    title: 'Your answer',
    saved: 'Your answer is saved.',
    optional: 'optional',
    send: 'Send',
    home: 'Visit the shop',
    answerFirst: 'This answer was not recorded; open the link in the email again.',
  },
  fr: {
    back: 'Revenir à la page',
    thanks: 'Merci pour votre réponse !',
    notStored: 'Votre réponse n’a pas été enregistrée.',
    title: 'Votre réponse',
    saved: 'Votre réponse est enregistrée.',
    optional: 'facultatif',
    send: 'Envoyer',
    home: 'Visiter la boutique',
    answerFirst: 'Cette réponse n’a pas été enregistrée ; rouvrez le lien de l’email.',
  },
} as const

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** A page for a person who posted a form without JavaScript: the message, and the way back. */
function answerPage(status: number, locale: Locale, message: string, back: string): Response {
  const text = TEXT[locale]
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text.title}</title></head><body><main><h1>${text.title}</h1><p role="alert">${escape(message)}</p><p><a href="${escape(back)}">${text.back}</a></p></main></body></html>`
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } })
}

/** Only a path on this site: never another origin (`//evil`, `/\evil`, a scheme). */
function returnPath(value: string | null | undefined): string {
  return value && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 512 ? value : '/'
}

/** The slugs of the segments the person is in as they answer (for the survey's breakdowns). */
function segmentsAtAnswer(manifest: DeliveryManifest, profile: Profile | undefined, answer: Answer, consents: readonly string[]): string[] {
  const known = profile ? profileContext(profile, manifest.scores ?? []) : {}
  const context = decisionContext(
    { ...known, consents: [...consents], channel: answer.channel, ...(answer.store ? { store: answer.store } : {}) },
    { channel: answer.channel, locale: manifest.defaultLocale, timezone: 'UTC', now: Date.now(), stores: manifest.stores },
  )
  return evaluateSegments(manifest.segments, context, false).members.map((segment) => segment.slug)
}

type Failure = { status: number; code: string; message: string; issues?: { path: string; message: string }[] }
type Recorded = { ok: true; outcome: EventOutcome; answer: Answer } | { ok: false; failure: Failure }

/** Reads a JSON body or a form (several `value` fields for multiple choice). */
async function readAnswer(request: Request): Promise<{ ok: true; value: unknown; back: string } | { ok: false; response: Response }> {
  if ((request.headers.get('content-type') ?? '').includes('application/json')) {
    const body = await readJsonBody(request, MAX_ANSWER_BYTES)
    return body.ok ? { ok: true, value: body.value, back: '/' } : body
  }
  const body = await readFormBody(request, MAX_ANSWER_BYTES)
  if (!body.ok) return body
  const form = body.value
  const values = form.getAll('value').filter((value) => value !== '')
  const entries = Object.fromEntries(['question', 'action', 'followUp', 'page', 'store', 'channel', 'locale'].map((name) => [name, form.get(name) || undefined]).filter(([, value]) => value !== undefined))
  return { ok: true, value: { ...entries, ...(values.length > 1 ? { value: values } : values.length === 1 ? { value: values[0] } : {}) }, back: returnPath(form.get('return')) }
}

export async function handleAnswerPost(payload: Payload, request: Request): Promise<Response> {
  const throttled = await rateLimit('answers', requestClient(request))
  if (throttled) return throttled
  const json = (request.headers.get('content-type') ?? '').includes('application/json') || (request.headers.get('accept') ?? '').includes('application/json')
  const locale = localeFromAcceptLanguage(request.headers.get('accept-language')) ?? 'en'
  if (!isSameOrigin(request)) return errorResponse(403, 'cross_site', 'Answers without a signed link are accepted from this site’s own pages only.')
  const read = await readAnswer(request)
  if (!read.ok) return read.response
  const fail = (failure: Failure) =>
    json ? errorResponse(failure.status, failure.code, failure.message, failure.issues ?? []) : answerPage(failure.status, locale, failure.message, read.back)
  const parsed = AnswerSchema.safeParse(read.value)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
    return fail({ status: 400, code: 'invalid_answer', message: `Invalid answer: ${issues[0]?.path}: ${issues[0]?.message}`, issues })
  }
  const cookies = await visitorCookies(request)
  if (!cookies.visitor || !cookies.consent) return fail({ status: 403, code: 'consent_required', message: 'Without your consent nothing is stored.' })
  const consents = cookies.consent.purposes
  const visitor = cookies.visitor
  const recorded = await recordAnswer(payload, parsed.data, consents, randomUUID(), async (manifest, question) => {
    const profile = await findProfile(payload, profileKey.visitor(visitor))
    return {
      outcomes: (event) => recordEvents(payload, [event], { kind: 'site', visitor, consents, answerable: new Set(answerTraits(question)) }, manifest.purposes),
      segments: segmentsAtAnswer(manifest, profile, parsed.data, consents),
      arms: profile?.experiments ?? {},
    }
  })
  if (!recorded.ok) return fail(recorded.failure)
  if (json) return Response.json({ recorded: recorded.outcome.status === 'accepted', outcome: OUTCOME_NAME[parsed.data.action], duplicate: recorded.outcome.status === 'duplicate' }, { headers: { 'Cache-Control': 'no-store' } })
  // Back to the page it was posted from, which now asks the next question (no JavaScript needed).
  return new Response(null, { status: 303, headers: { Location: new URL(read.back, publicOrigin(request)).toString(), 'Cache-Control': 'no-store' } })
}

const OUTCOME_NAME = { answer: 'answered', decline: 'declined', skip: 'skipped' } as const

type Recorder = (
  manifest: DeliveryManifest,
  question: NonNullable<ReturnType<typeof findQuestion>>,
) => Promise<{ outcomes: (event: ReturnType<typeof answerEvent>) => Promise<EventOutcome[]>; segments: string[]; arms?: Record<string, string> }>

/** The checks every channel shares: the question exists, consent to its purpose, a valid value; then one event. */
async function recordAnswer(payload: Payload, answer: Answer, consents: readonly string[], idempotencyKey: string, recorder: Recorder): Promise<Recorded> {
  const manifest = await liveManifest(payload)
  const question = findQuestion(manifest, answer.question)
  if (!manifest || !question) return { ok: false, failure: { status: 404, code: 'question_not_found', message: 'This question is not asked any more.' } }
  if (!consents.includes(question.purpose) || !consents.includes(PERSONALIZATION)) {
    return { ok: false, failure: { status: 403, code: 'consent_required', message: `Without your ${question.purpose} consent your answer is not stored.` } }
  }
  const checked = answer.action === 'answer' ? checkAnswerValue(question, answer.value) : undefined
  if (checked && !checked.ok) return { ok: false, failure: { status: 400, code: 'invalid_answer', message: checked.message, issues: [{ path: 'value', message: checked.message }] } }
  const { outcomes, segments, arms } = await recorder(manifest, question)
  const [outcome] = await outcomes(answerEvent(question, answer, checked?.ok ? checked : undefined, idempotencyKey, segments, arms))
  if (!outcome || outcome.status === 'rejected') {
    return { ok: false, failure: { status: 403, code: outcome?.code ?? 'not_stored', message: outcome?.message ?? 'The answer was not stored.' } }
  }
  return { ok: true, outcome, answer }
}

type AnswerLink = { ok: true; token: string; claims: AnswerClaims; locale: Locale; question: string } | { ok: false; response: Response }

/** An email's answer link (its signed token and one of the questions that email asked), checked and limited per link; else the page that says why. */
async function readAnswerLink(request: Request, token: string | null | undefined, question: string | null | undefined): Promise<AnswerLink> {
  const claims = await readAnswerToken(token)
  if (!token || !claims) {
    const locale = localeFromAcceptLanguage(request.headers.get('accept-language')) ?? 'en'
    return { ok: false, response: answerPage(403, locale, locale === 'fr' ? 'Ce lien n’est plus valable (modifié ou expiré).' : 'This link is not valid any more (altered or expired).', '/') }
  }
  const throttled = await rateLimit('answersPerLink', recipientLinkId(token))
  if (throttled) return { ok: false, response: throttled }
  const locale = claims.locale
  if (!question || !claims.questions.includes(question)) return { ok: false, response: answerPage(400, locale, locale === 'fr' ? 'Cette question n’était pas dans cet email.' : 'This question was not in that email.', '/') }
  return { ok: true, token, claims, locale, question }
}

/** GET /api/answers/email?token=…&question=…&value=…: one click in an email. */
export async function handleEmailAnswer(payload: Payload, request: Request): Promise<Response> {
  const throttled = await rateLimit('answers', requestClient(request))
  if (throttled) return throttled
  const url = new URL(request.url)
  const link = await readAnswerLink(request, url.searchParams.get('token'), url.searchParams.get('question'))
  if (!link.ok) return link.response
  const { token, claims, locale, question } = link
  const parsed = AnswerSchema.safeParse({ question, value: url.searchParams.get('value') ?? undefined, channel: 'email', locale, ...(claims.page ? { page: claims.page } : {}) })
  if (!parsed.success) return answerPage(400, locale, parsed.error.issues[0]?.message ?? 'Invalid answer', '/')
  const key = claims.customer ? profileKey.customer(claims.customer) : claims.visitor ? profileKey.visitor(claims.visitor) : profileKey.email(claims.email!)
  const profile = await findProfile(payload, key)
  const consents = profile ? Object.entries(profile.consents).filter(([, record]) => record.granted).map(([purpose]) => purpose) : []
  // One answer per link and value: a retry, a mail scanner or a forwarded copy clicking it again is a duplicate; another value is a later choice, and wins.
  const idempotencyKey = emailAnswerKey(token, question, parsed.data.value as string | undefined)
  const recorded = await recordAnswer(payload, parsed.data, consents, idempotencyKey, async (manifest) => ({
    outcomes: (event) =>
      recordEvents(payload, [{ ...event, ...(claims.customer ? { customer: claims.customer } : claims.visitor ? { visitor: claims.visitor } : { email: claims.email }) }], { kind: 'link', name: 'email-answer' }, manifest.purposes),
    segments: segmentsAtAnswer(manifest, profile, parsed.data, consents),
    arms: profile?.experiments ?? {},
  }))
  if (!recorded.ok) return answerPage(recorded.failure.status, locale, `${TEXT[locale].notStored} ${recorded.failure.message}`, '/')
  // A question with an open follow-up asks it on the thank-you page itself, under the same link.
  const manifest = await liveManifest(payload)
  const compiled = findQuestion(manifest, question)
  const prompt = manifest && compiled?.followUp ? askedQuestion(compiled, locale, manifest.defaultLocale).followUp : undefined
  if (prompt) return followUpPage(locale, prompt, { token, question, value: parsed.data.value as string | undefined })
  return thanksRedirect(request, locale)
}

function thanksRedirect(request: Request, locale: Locale): Response {
  const thanks = new URL('/answers/thanks', publicOrigin(request))
  thanks.searchParams.set('lang', locale)
  return new Response(null, { status: 303, headers: { Location: thanks.toString(), 'Cache-Control': 'no-store' } })
}

/**
 * The thank-you page of a one-click answer whose question has an open
 * follow-up: the answer is saved, and a form (no JavaScript needed) sends the
 * text with the same signed link, which names the recipient and the answer.
 * The link stays out of referrers and caches.
 */
function followUpPage(locale: Locale, prompt: string, fields: { token: string; question: string; value?: string }): Response {
  const text = TEXT[locale]
  const hidden = Object.entries(fields)
    .map(([name, value]) => (value === undefined ? '' : `<input type="hidden" name="${name}" value="${escape(value)}">`))
    .join('')
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${text.title}</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f1a17;line-height:1.5}textarea{width:100%;font:inherit;box-sizing:border-box}button{font:inherit;padding:.5rem 1.25rem;margin-top:.75rem}</style></head><body><main id="main"><h1>${text.thanks}</h1><p role="status">${text.saved}</p><form method="post" action="/api/answers/email">${hidden}<label for="follow-up">${escape(prompt)} <span>(${text.optional})</span></label><textarea id="follow-up" name="followUp" maxlength="2000" rows="4"></textarea><button type="submit">${text.send}</button></form><p><a href="/">${text.home}</a></p></main></body></html>`
  return new Response(html, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' } })
}

const emailAnswerKey = (token: string, question: string, value: string | undefined) => `email-answer:${recipientLinkId(token)}:${question}:${value ?? ''}`.slice(0, 128)

/**
 * POST /api/answers/email (a form: token, question, value, followUp): the open
 * follow-up of a one-click answer. It joins the answer that link and value
 * recorded (the same response on the dashboards, not a second one); a later
 * text replaces an earlier one. The link's token is the only credential.
 */
export async function handleEmailFollowUp(payload: Payload, request: Request): Promise<Response> {
  const throttled = await rateLimit('answers', requestClient(request))
  if (throttled) return throttled
  const body = await readFormBody(request, MAX_ANSWER_BYTES)
  if (!body.ok) return body.response
  const form = body.value
  const field = (name: string) => {
    const value = form.get(name)
    return typeof value === 'string' ? value : undefined
  }
  const link = await readAnswerLink(request, field('token'), field('question'))
  if (!link.ok) return link.response
  const { token, locale, question } = link
  const followUp = (field('followUp') ?? '').trim()
  if (followUp.length > 2000) return answerPage(400, locale, locale === 'fr' ? 'Au plus 2 000 caractères.' : 'At most 2,000 characters.', '/')
  // Nothing written: nothing to add (the answer itself is saved).
  if (!followUp) return thanksRedirect(request, locale)
  const { docs } = await payload.find({ collection: 'profile-events', where: { idempotencyKey: { equals: emailAnswerKey(token, question, field('value')) } }, limit: 1, depth: 0, overrideAccess: true })
  const answer = docs[0]
  const properties = (answer?.properties ?? {}) as Record<string, unknown>
  if (!answer || properties.outcome !== 'answered') return answerPage(404, locale, TEXT[locale].answerFirst, '/')
  await payload.update({ collection: 'profile-events', id: answer.id, data: { properties: { ...properties, followUp } }, overrideAccess: true })
  return thanksRedirect(request, locale)
}
