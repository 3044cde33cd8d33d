/**
 * An email for one recipient: the layout compiled once per decision (cached),
 * filled with the recipient's values from the trusted context, with
 * unsubscribe and preference links signed for that recipient and list.
 */
import { compiledEmailFor } from '../../channels/email/emailLayoutCache'
import { personalizeEmail, type EmailRecipient, type RenderedEmail } from '../../channels/email/personalizeEmail'
import { PERSONALIZATION, type RenderContext } from '../../engine/context'
import { recipientLinks } from '../trust/recipientTokens'
import type { Decided } from './renderRequest'

export const EMAIL_BRAND = {
  name: process.env.TESSERA_BRAND_NAME || 'Maison Lumen',
  postalAddress: process.env.TESSERA_BRAND_ADDRESS || '12 rue de Rivoli, 75004 Paris, France',
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined)

/**
 * Personalization tokens come only from the trusted context (a stranger's query
 * string is never echoed) and, being visitor data, only with personalization consent.
 */
export function emailRecipient(context: RenderContext, storeName: string | undefined): EmailRecipient {
  const traits = context.consents?.includes(PERSONALIZATION) ? (context.traits ?? {}) : {}
  return {
    firstName: text(traits.firstName),
    lastName: text(traits.lastName),
    email: text(traits.email),
    store: storeName,
    offerCode: text(traits.offerCode),
  }
}

export type EmailForRecipient = RenderedEmail & { list?: string }

/** A marketing email for someone who left its list: refused, never rendered. */
export class RecipientUnsubscribedError extends Error {
  constructor(readonly list: string) {
    super(`This recipient unsubscribed from “${list}”: the email is not rendered for them.`)
    this.name = 'RecipientUnsubscribedError'
  }
}

export async function renderEmail(decided: Decided, base: string): Promise<EmailForRecipient> {
  const { resolved, manifest, bundle, request } = decided
  const context = request.context
  const compiled = await compiledEmailFor(resolved, { mediaBase: base, defaultLocale: manifest.defaultLocale, brand: EMAIL_BRAND })
  const recipient = emailRecipient(context, context.store ? manifest.stores[context.store]?.name : undefined)
  const list = bundle.email?.list
  if (list && request.profile?.subscriptions[list]?.status === 'unsubscribed') throw new RecipientUnsubscribedError(list)
  const identity = { customer: context.customer, visitor: context.visitor, email: recipient.email }
  const origin = base.replace(/\/$/, '')
  const links =
    identity.customer || identity.visitor || identity.email
      ? await recipientLinks(base, { ...identity, ...(list ? { list } : {}) })
      : // Not addressed to anyone (a preview, a template fetch): the links lead to the generic pages.
        { unsubscribeUrl: `${origin}/api/unsubscribe`, preferencesUrl: `${origin}/preferences` }
  return { ...personalizeEmail(compiled, recipient, links), ...(list ? { list } : {}) }
}
