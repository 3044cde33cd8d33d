import config from '@payload-config'
import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'

import { renderQuestionPage } from '../../../../delivery/render'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: 'A question · Maison Lumen', robots: { index: false } }

type Props = { params: Promise<{ question: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }

/** A question opened from a screen's QR code (the store in the link) or from an email. */
export default async function QuestionPage({ params, searchParams }: Props) {
  const [{ question }, query] = await Promise.all([params, searchParams])
  const locale = query.lang === 'fr' ? 'fr' : 'en'
  const store = typeof query.store === 'string' ? query.store : undefined
  const page = await renderQuestionPage(await getPayload({ config }), question, locale, store)
  if (!page) notFound()
  return <main id="main" lang={locale} dangerouslySetInnerHTML={{ __html: `<h1 class="visually-hidden">${locale === 'fr' ? 'Une question' : 'A question'}</h1>${page.html}` }} />
}
