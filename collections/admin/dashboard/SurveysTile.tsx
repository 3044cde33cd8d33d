/**
 * NPS and CES trends by month (score and 95 % interval per point, the last
 * six months), from the CX board (cxBoard) the questions list shows; detail:
 * that board.
 */
import React from 'react'

import { cxBoard, type CxBoard } from '../../../delivery/customers'
import { cellStyle, HeadRow } from '../AdminPage'
import { Tile, type TileProps } from './Tile'

const format = (kind: 'nps' | 'ces', value: number) => (kind === 'ces' ? value.toFixed(2) : value.toFixed(1))

export async function SurveysTile({ payload, t }: TileProps) {
  const board = await cxBoard(payload)
  const rows = board.months.map((period) => ({
    period,
    nps: board.nps.find((point) => point.period === period)?.result,
    ces: board.ces.find((point) => point.period === period)?.result,
  }))
  const cell = (kind: 'nps' | 'ces', result: CxBoard['nps'][number]['result'] | undefined) =>
    result ? `${format(kind, result.score)} [${format(kind, result.low)} ; ${format(kind, result.high)}] (n = ${result.n})` : '—'
  return (
    <Tile id="surveys" title={t('tessera:tileSurveys')} href="/admin/collections/questions" t={t}>
      {rows.length === 0 ? (
        <p style={{ margin: 0 }}>{t('tessera:noSurveyAnswers')}</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid="tile-surveys-trend">
          <HeadRow keys={['month', 'npsTrend', 'cesTrend']} t={t} />
          <tbody>
            {rows.map((row) => (
              <tr key={row.period} data-period={row.period}>
                <th scope="row" style={cellStyle}>
                  {row.period}
                </th>
                <td style={cellStyle}>{cell('nps', row.nps)}</td>
                <td style={cellStyle}>{cell('ces', row.ces)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Tile>
  )
}
