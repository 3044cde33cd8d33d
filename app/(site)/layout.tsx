import type { Metadata } from 'next'
import React from 'react'

import './site.css'

export const metadata: Metadata = {
  title: { default: 'Maison Lumen', template: '%s · Maison Lumen' },
  description: 'The Tessera demo site: a personalized storefront rendered through the engine.',
}

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
