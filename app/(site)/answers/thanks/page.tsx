import type { Metadata } from 'next'
import Link from 'next/link'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'Thank you · Maison Lumen', robots: { index: false } }

const TEXT = {
  en: { title: 'Thank you!', body: 'Your answer is saved. It helps us show you what matters to you.', home: 'Visit the shop' },
  fr: { title: 'Merci !', body: 'Votre réponse est enregistrée. Elle nous aide à vous montrer ce qui compte pour vous.', home: 'Visiter la boutique' },
} as const

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/** Where a one-click answer from an email lands, in the recipient's language (the link's own). */
export default async function AnswerThanks({ searchParams }: Props) {
  const { lang } = await searchParams
  const locale = lang === 'fr' ? 'fr' : 'en'
  const text = TEXT[locale]
  return (
    <main id="main" lang={locale} className="answer-thanks">
      <h1>{text.title}</h1>
      <p>{text.body}</p>
      <p>
        <Link href="/">{text.home}</Link>
      </p>
    </main>
  )
}
