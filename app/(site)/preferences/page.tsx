import { randomUUID } from 'node:crypto'

import config from '@payload-config'
import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { getPayload } from 'payload'

import { listViews, marketingLists, knownRecipient } from '../../../delivery/customers'
import { localeFromAcceptLanguage, readRecipientToken } from '../../../delivery/trust'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Email preferences · Maison Lumen', robots: { index: false } }

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

const TEXT = {
  en: {
    title: 'Your email preferences',
    intro: 'Each list is separate: leaving one never changes another.',
    invalid: 'This link is not valid any more (it is altered or has expired). Use the link at the bottom of a recent email from us.',
    noToken: 'Open this page from the link at the bottom of one of our emails: it tells us who you are without asking for a password.',
    subscribed: 'Subscribed',
    unsubscribed: 'Unsubscribed',
    unknown: 'Not subscribed',
    subscribe: 'Subscribe',
    unsubscribe: 'Unsubscribe',
    paid: 'Paid membership',
    saved: (name: string) => `Saved: ${name}.`,
  },
  fr: {
    title: 'Vos préférences d’e-mail',
    intro: 'Chaque liste est indépendante : en quitter une ne change jamais les autres.',
    invalid: 'Ce lien n’est plus valide (modifié ou expiré). Utilisez le lien en bas d’un e-mail récent de notre part.',
    noToken: 'Ouvrez cette page depuis le lien en bas de l’un de nos e-mails : il nous dit qui vous êtes sans mot de passe.',
    subscribed: 'Abonné·e',
    unsubscribed: 'Désabonné·e',
    unknown: 'Non abonné·e',
    subscribe: 'S’abonner',
    unsubscribe: 'Se désabonner',
    paid: 'Abonnement payant',
    saved: (name: string) => `Enregistré : ${name}.`,
  },
} as const

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

export default async function PreferencesPage({ searchParams }: Props) {
  const [params, incoming, payload] = await Promise.all([searchParams, headers(), getPayload({ config })])
  const locale = one(params.locale) === 'fr' || (!one(params.locale) && localeFromAcceptLanguage(incoming.get('accept-language')) === 'fr') ? 'fr' : 'en'
  const t = TEXT[locale]
  const token = one(params.token)
  const claims = token ? await readRecipientToken(token) : undefined

  if (!token || !claims) {
    return (
      <main id="main" className="preferences">
        <h1>{t.title}</h1>
        <p role={token ? 'alert' : undefined}>{token ? t.invalid : t.noToken}</p>
      </main>
    )
  }

  const profile = await knownRecipient(payload, claims)
  const lists = listViews(profile, await marketingLists(payload), locale)
  const saved = lists.find((list) => list.slug === one(params.saved))
  return (
    <main id="main" className="preferences">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      {saved ? (
        <p role="status" className="preferences-saved">
          {t.saved(saved.name)}
        </p>
      ) : null}
      <ul className="preferences-lists">
        {lists.map((list) => {
          const subscribed = list.status === 'subscribed'
          return (
            <li key={list.slug} data-list={list.slug}>
              <h2 id={`list-${list.slug}`}>{list.name}</h2>
              {list.paid ? <p className="preferences-paid">{t.paid}</p> : null}
              <p>{list.description}</p>
              <p className="preferences-status">{subscribed ? t.subscribed : list.status === 'unsubscribed' ? t.unsubscribed : t.unknown}</p>
              <form method="post" action="/api/preferences" aria-labelledby={`list-${list.slug}`}>
                <input type="hidden" name="token" value={token} />
                <input type="hidden" name="list" value={list.slug} />
                <input type="hidden" name="action" value={subscribed ? 'unsubscribe' : 'subscribe'} />
                <input type="hidden" name="choice" value={randomUUID()} />
                <button type="submit" className="preferences-button">
                  {subscribed ? `${t.unsubscribe}: ${list.name}` : `${t.subscribe}: ${list.name}`}
                </button>
              </form>
            </li>
          )
        })}
      </ul>
    </main>
  )
}
