/** Coverage gaps on every published page (the cells the matrix flags); detail: each page's matrix. */
import React from 'react'

import { coverageGaps } from '../../../delivery/render'
import { Tile, type TileProps } from './Tile'

export async function CoverageTile({ payload, t }: TileProps) {
  const gaps = await coverageGaps(payload)
  const total = gaps.reduce((sum, slot) => sum + slot.gaps, 0)
  const pages = [...new Set(gaps.map((slot) => slot.page))]
  return (
    <Tile id="coverage" title={t('tessera:tileCoverage')} href={pages[0] ? `/admin/coverage?page=${encodeURIComponent(pages[0])}` : '/admin/collections/pages'} t={t}>
      {total === 0 ? (
        <p>{t('tessera:noCoverageGaps')}</p>
      ) : (
        <>
          <p data-testid="tile-coverage-total" style={{ fontSize: '1.6rem', margin: 0 }}>
            {total}
          </p>
          <p style={{ margin: 0 }}>{t('tessera:coverageGapsCount', { gaps: total, slots: gaps.length })}</p>
          <ul style={{ margin: 0, paddingLeft: '1.1em' }}>
            {pages.map((page) => (
              <li key={page}>
                <a href={`/admin/coverage?page=${encodeURIComponent(page)}`}>{page}</a>: {gaps.filter((slot) => slot.page === page).reduce((sum, slot) => sum + slot.gaps, 0)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Tile>
  )
}
