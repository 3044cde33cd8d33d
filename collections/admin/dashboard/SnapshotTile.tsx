/** The live snapshot: its version, the last compile and its error; detail: the Delivery status. */
import React from 'react'

import { Tile, type TileProps } from './Tile'

export async function SnapshotTile({ payload, t }: TileProps) {
  const status = await payload.findGlobal({ slug: 'delivery-status', depth: 0, overrideAccess: true })
  const last = status.lastCompile
  return (
    <Tile id="snapshot" title={t('tessera:tileSnapshot')} href="/admin/globals/delivery-status" t={t}>
      {status.activeVersion ? (
        <dl style={{ margin: 0 }}>
          <dt>{t('tessera:version')}</dt>
          <dd data-testid="tile-snapshot-version">
            <code>{status.activeVersion}</code>
          </dd>
          <dt>{t('tessera:lastCompile')}</dt>
          <dd>
            {last?.at ? new Date(last.at).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '—'} · {last?.status === 'failed' ? t('tessera:compileFailed') : t('tessera:compileOk')}
          </dd>
          {last?.status === 'failed' && last.error ? (
            <dd role="alert" style={{ color: 'var(--theme-error-500)' }}>
              {last.error}
            </dd>
          ) : null}
        </dl>
      ) : (
        <p>{t('tessera:nothingPublished')}</p>
      )}
    </Tile>
  )
}
