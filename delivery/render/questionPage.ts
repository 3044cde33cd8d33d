/**
 * One question on its own page: where a screen's QR code (and an email's
 * question that needs typing) leads. The form is the site's usual one, with
 * the store the screen stands in; the answer is stored under the visitor's
 * own consent, checked when they answer.
 */
import type { Payload } from 'payload'

import { askFormsHtml } from '../../channels/web/askForm'
import { askedQuestion, type Locale } from '../../engine'
import { liveManifest } from '../snapshot'

export async function renderQuestionPage(payload: Payload, questionId: string, locale: Locale, store: string | undefined): Promise<{ html: string; title: string } | undefined> {
  const manifest = await liveManifest(payload)
  const question = manifest?.questions?.find((candidate) => candidate.id === questionId)
  if (!manifest || !question) return undefined
  const asked = askedQuestion(question, locale, manifest.defaultLocale)
  const known = store && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(store) && Object.hasOwn(manifest.stores, store) ? store : undefined
  const html = askFormsHtml([asked], 0, { action: '/api/answers', returnPath: '/answers/thanks?lang=' + locale, page: 'answer', locale, channel: known ? 'screen' : 'web', ...(known ? { store: known } : {}) })
  return { html: `<section class="tessera-block tessera-ask">${html}</section>`, title: asked.text }
}
