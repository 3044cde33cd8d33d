/** A page of our own in the admin: Payload's layout and navigation, a heading, signed-in staff only. */
import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

export function AdminPage({ view, title, children }: { view: AdminViewServerProps; title: string; children: React.ReactNode }) {
  const { initPageResult, params, searchParams } = view
  const { req, permissions, visibleEntities, locale } = initPageResult
  if (!req.user) redirect(`${req.payload.config.routes.admin}/login`)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      searchParams={searchParams}
      user={req.user ?? undefined}
      visibleEntities={visibleEntities}
    >
      <Gutter>
        <div data-testid="workbench-view">
          <h1 style={{ margin: 'var(--base) 0' }}>{title}</h1>
          {children}
        </div>
      </Gutter>
    </DefaultTemplate>
  )
}

export const cellStyle: React.CSSProperties = { padding: '6px 8px', borderBottom: '1px solid var(--theme-elevation-150)', textAlign: 'left', verticalAlign: 'top' }

/** A table's column headings, each a `tessera:` translation key. */
export function HeadRow({ keys, t }: { keys: string[]; t: (key: string) => string }) {
  return (
    <thead>
      <tr>
        {keys.map((key) => (
          <th key={key} scope="col" style={cellStyle}>
            {t(`tessera:${key}`)}
          </th>
        ))}
      </tr>
    </thead>
  )
}
