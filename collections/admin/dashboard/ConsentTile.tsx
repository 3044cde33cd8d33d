/** Recent consent changes per mailing list; detail: the consent_change events. */
import React from 'react'

import { consentChangesByList } from '../../../delivery/customers'
import { cellStyle, HeadRow } from '../AdminPage'
import { percent, Tile, type TileProps } from './Tile'

const DAYS = 30

export async function ConsentTile({ payload, t }: TileProps) {
  const { since, lists } = await consentChangesByList(payload, { days: DAYS })
  const href = `/admin/collections/profile-events?where[and][0][type][equals]=consent_change&where[and][1][receivedAt][greater_than_equal]=${encodeURIComponent(since)}`
  return (
    <Tile id="consent" title={t('tessera:tileConsent', { days: DAYS })} href={href} t={t}>
      <table style={{ borderCollapse: 'collapse', width: '100%', tableLayout: 'fixed', overflowWrap: 'anywhere' }}>
        <HeadRow keys={['list', 'optIns', 'unsubscribes', 'optInRate', 'unsubscribeRate']} t={t} />
        <tbody>
          {lists.map((list) => (
            <tr key={list.list} data-list={list.list}>
              <th scope="row" style={cellStyle}>
                {list.list}
              </th>
              <td style={cellStyle}>{list.optIns}</td>
              <td style={cellStyle}>{list.unsubscribes}</td>
              <td style={cellStyle}>{percent(list.optInRate)}</td>
              <td style={cellStyle}>{percent(list.unsubscribeRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Tile>
  )
}
