/**
 * An email for one recipient: the layout compiled once per decision (cached),
 * filled with the recipient's values from the trusted context, with
 * unsubscribe and preference links signed for that recipient and list.
 */
import { compileEmail } from '../../channels/email/compileEmail'
import { compiledEmailFor } from '../../channels/email/emailLayoutCache'
import { personalizeEmail, type RenderedEmail } from '../../channels/email/personalizeEmail'
import { recipientLinks, signAnswerToken } from '../trust'
import type { Decision } from './decide'

export const EMAIL_BRAND = {
  name: process.env.TESSERA_BRAND_NAME || 'Maison Lumen',
  postalAddress: process.env.TESSERA_BRAND_ADDRESS || '12 rue de Rivoli, 75004 Paris, France',
}

export type EmailForRecipient = RenderedEmail & { list?: string }

/** A marketing email for someone who left its list: refused, never rendered. */
export class RecipientUnsubscribedError extends Error {
  constructor(readonly list: string) {
    super(`This recipient unsubscribed from “${list}”: the email is not rendered for them.`)
    this.name = 'RecipientUnsubscribedError'
  }
}

/**
 * `base` is the public origin links and images are made absolute with.
 * `remember: false` for a bundle that is not the live one (a draft, a form,
 * a publish being checked): its layout is compiled for this call only, never
 * kept under the live decision's key, where a send would find it.
 */
export async function renderEmail(decision: Decision, base: string, { remember = true }: { remember?: boolean } = {}): Promise<EmailForRecipient> {
  const { resolved, manifest, bundle, request, profile } = decision
  const context = request.context
  const options = { mediaBase: base, defaultLocale: manifest.defaultLocale, brand: EMAIL_BRAND }
  const compiled = remember ? await compiledEmailFor(resolved, options) : await compileEmail(resolved, options)
  const recipient = { ...decision.tokens, email: decision.email }
  const list = bundle.email?.list
  if (list && profile?.subscriptions[list]?.status === 'unsubscribed') throw new RecipientUnsubscribedError(list)
  const identity = { customer: context.customer, visitor: context.visitor, email: decision.email }
  // Links that act for a recipient (their lists, their site visits) are signed for a keyed caller only: the email platform.
  const addressed = request.caller.kind === 'api-key' && Boolean(identity.customer || identity.visitor || identity.email)
  const links = addressed
    ? await recipientLinks(base, { ...identity, ...(list ? { list } : {}) })
    : // Not addressed to anyone (a preview, a template fetch): the links lead to the generic pages.
      { unsubscribeUrl: `${base}/api/unsubscribe`, preferencesUrl: `${base}/preferences` }
  const asked = resolved.blocks.flatMap((block) => block.questions ?? []).map((question) => question.id)
  // One-click answers: a token of their own kind, for the questions this email asks this recipient.
  const answerToken =
    addressed && asked.length > 0 ? await signAnswerToken({ ...identity, questions: asked.slice(0, 10), page: bundle.slug, locale: resolved.page.locale }) : undefined
  return { ...personalizeEmail(compiled, recipient, { ...links, ...(answerToken ? { answerToken } : {}) }), ...(list ? { list } : {}) }
}
