/** One tile of the CX dashboard: a heading, its numbers, a link to the detail they come from. */
import React from 'react'

export type Translate = (key: string, variables?: Record<string, unknown>) => string
/** `locale`: the content locale the admin shows; `language`: the admin's own language (the editor's choice). */
export type TileProps = { payload: import('payload').Payload; t: Translate; locale: string; language: 'en' | 'fr' }

export function Tile({ id, title, href, t, children }: { id: string; title: string; href: string; t: Translate; children: React.ReactNode }) {
  return (
    <section
      aria-labelledby={`tile-${id}`}
      data-testid={`tile-${id}`}
      style={{ border: '1px solid var(--theme-elevation-150)', borderRadius: 4, padding: 'calc(var(--base) * 0.75)', display: 'flex', flexDirection: 'column', gap: 8 }}
    >
      <h3 id={`tile-${id}`} style={{ margin: 0, fontSize: '1.05rem' }}>
        {title}
      </h3>
      <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
      <a href={href} aria-label={`${t('tessera:details')}: ${title}`}>
        {t('tessera:details')}
      </a>
    </section>
  )
}

export const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`
