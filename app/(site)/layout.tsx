import config from '@payload-config'
import type { Metadata, Viewport } from 'next'
import { headers } from 'next/headers'
import Link from 'next/link'
import { getPayload } from 'payload'
import React from 'react'

import { localeFromAcceptLanguage } from '../../delivery/trust'
import { siteConsent } from '../../delivery/customers'
import { ConsentBanner } from './ConsentBanner'

import './site.css'

export const metadata: Metadata = {
  title: { default: 'Maison Lumen', template: '%s' },
  description: 'The Tessera demo site: a personalized storefront rendered through the engine.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [payload, incoming] = await Promise.all([getPayload({ config }), headers()])
  const locale = localeFromAcceptLanguage(incoming.get('accept-language')) ?? 'en'
  const consent = await siteConsent(payload, new Request('http://site.invalid/', { headers: new Headers(incoming) }), locale)
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <Link href="/" className="site-brand">
            Maison Lumen
          </Link>
          <nav aria-label="Main">
            <ul>
              <li>
                <Link href="/">Home</Link>
              </li>
              <li>
                <Link href="/admin" prefetch={false}>
                  Editors
                </Link>
              </li>
            </ul>
          </nav>
        </header>
        {children}
        <footer className="site-footer">
          <p>A demo of Tessera, the headless content personalization CMS.</p>
          <ConsentBanner purposes={consent.purposes} granted={consent.granted} labels={consent.labels} />
        </footer>
      </body>
    </html>
  )
}
