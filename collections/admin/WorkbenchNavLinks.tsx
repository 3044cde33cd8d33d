'use client'
/** Our own admin pages in the navigation, after Payload's collections. */
import { usePathname } from 'next/navigation'
import React from 'react'

import { useTesseraTranslation } from './useTesseraTranslation'

export const WORKBENCH_PAGES = [{ path: '/admin/standards-report', label: 'tessera:standardsReport' }] as const

export const WorkbenchNavLinks: React.FC = () => {
  const { t } = useTesseraTranslation()
  const pathname = usePathname()
  return (
    <nav aria-label="Tessera" style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 'var(--base)' }}>
      {WORKBENCH_PAGES.map((page) => (
        <a key={page.path} href={page.path} className="nav__link" aria-current={pathname === page.path ? 'page' : undefined}>
          <span className="nav__link-label">{t(page.label)}</span>
        </a>
      ))}
    </nav>
  )
}
