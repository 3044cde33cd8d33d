/**
 * The CX dashboard on the admin's home, above Payload's collection cards. A
 * tile is a small server component listed in TILES, computed by the same
 * function as the detail view it links to.
 */
import type { Payload } from 'payload'
import React from 'react'

import { ConsentTile } from './ConsentTile'
import { CoverageTile } from './CoverageTile'
import { ExperimentsTile } from './ExperimentsTile'
import { SnapshotTile } from './SnapshotTile'
import { StandardsTile } from './StandardsTile'
import { SurveysTile } from './SurveysTile'
import type { TileProps, Translate } from './Tile'

export const TILES: ((props: TileProps) => Promise<React.ReactNode>)[] = [SnapshotTile, ExperimentsTile, SurveysTile, CoverageTile, StandardsTile, ConsentTile]

export async function CxDashboard({ payload, i18n, locale }: { payload: Payload; i18n: { t: unknown; language?: string }; locale?: { code?: string } | string }) {
  const t = i18n.t as Translate
  const code = typeof locale === 'string' ? locale : (locale?.code ?? 'en')
  const language = i18n.language === 'fr' ? 'fr' : 'en'
  const tiles = await Promise.all(TILES.map((tile) => tile({ payload, t, locale: code, language })))
  return (
    <section aria-labelledby="cx-dashboard" data-testid="cx-dashboard" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 id="cx-dashboard">{t('tessera:dashboard')}</h2>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: 'var(--base)' }}>
        {tiles.map((tile, index) => (
          <React.Fragment key={index}>{tile}</React.Fragment>
        ))}
      </div>
    </section>
  )
}
