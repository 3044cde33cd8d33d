/** Standards violations in published content (the report's own numbers); detail: the standards report. */
import React from 'react'

import { standardsReport } from '../../../delivery/standards'
import { Tile, type TileProps } from './Tile'

export async function StandardsTile({ payload, t }: TileProps) {
  const report = await standardsReport(payload)
  return (
    <Tile id="standards" title={t('tessera:tileStandards')} href="/admin/standards-report" t={t}>
      <p data-testid="tile-standards-total" style={{ fontSize: '1.6rem', margin: 0 }}>
        {report.violations.length}
      </p>
      <p style={{ margin: 0 }}>
        {t('tessera:blockingCount')}: {report.blocking} · {t('tessera:warningCount')}: {report.warnings}
      </p>
    </Tile>
  )
}
