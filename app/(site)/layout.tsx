import type { Metadata, Viewport } from 'next'
import Link from 'next/link'
import React from 'react'

import './site.css'

export const metadata: Metadata = {
  title: { default: 'Maison Lumen', template: '%s' },
  description: 'The Tessera demo site: a personalized storefront rendered through the engine.',
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 }

export default function SiteLayout({ children }: { children: React.ReactNode }) {
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
        </footer>
      </body>
    </html>
  )
}
