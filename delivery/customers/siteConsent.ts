/** What the website's layout needs to show the consent banner: the purposes, in the visitor's language, and their choice. */
import type { Payload } from 'payload'

import type { Locale } from '../../engine'
import { liveManifest } from '../snapshot'
import { visitorCookies } from '../trust'

const LABELS = {
  en: {
    title: 'Your choices',
    text: 'We would like to remember your visits to personalize offers and to measure how the site is used. You decide, and can change your mind at any time.',
    acceptAll: 'Accept all',
    refuseAll: 'Refuse all',
    choose: 'Choose',
    save: 'Save my choices',
    reopen: 'Privacy choices',
    required: 'always on',
  },
  fr: {
    title: 'Vos choix',
    text: 'Nous aimerions retenir vos visites pour personnaliser nos offres et mesurer l’usage du site. Vous décidez, et pouvez changer d’avis à tout moment.',
    acceptAll: 'Tout accepter',
    refuseAll: 'Tout refuser',
    choose: 'Choisir',
    save: 'Enregistrer mes choix',
    reopen: 'Vos choix de confidentialité',
    required: 'toujours actif',
  },
} as const

export async function siteConsent(payload: Payload, request: Request, locale: Locale) {
  const [manifest, cookies] = await Promise.all([liveManifest(payload), visitorCookies(request)])
  const purposes = (manifest?.purposes ?? [])
    .filter((purpose) => purpose.kind !== 'marketing')
    .map((purpose) => ({
      slug: purpose.slug,
      name: purpose.name[locale] ?? purpose.name.en ?? purpose.slug,
      description: purpose.description[locale] ?? purpose.description.en ?? '',
      required: purpose.kind === 'necessary',
    }))
  return {
    purposes,
    granted: cookies.consent ? cookies.consent.purposes : null,
    analytics: Boolean(cookies.visitor && cookies.consent?.purposes.includes('analytics')),
    labels: LABELS[locale],
  }
}
