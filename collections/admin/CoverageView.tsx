/**
 * /admin/coverage?block=<id> or ?page=<slug>: the coverage matrix. Rows are
 * the segments a block's variants target, plus everyone; columns are channel
 * × locale; each cell is the engine's decision on the live snapshot, flagged
 * where it falls back, with a preview and a "create the variant" link.
 */
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { blockCoverage, isGap, pageCoverage, type BlockCoverage } from '../../delivery/render'
import { AdminPage, cellStyle } from './AdminPage'

type Translate = (key: string, variables?: Record<string, unknown>) => string

const flagStyle: React.CSSProperties = { display: 'block', fontSize: '0.85em', color: 'var(--theme-warning-750, #8a5a00)' }

function Matrix({ coverage, names, t, caption }: { coverage: BlockCoverage; names: Map<string, string>; t: Translate; caption: string }) {
  const columns = coverage.channels.flatMap((channel) => coverage.locales.map((locale) => ({ channel, locale })))
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 'calc(var(--base) * 2)' }} data-testid={`coverage-${coverage.block.id}`}>
      <caption style={{ textAlign: 'left', fontWeight: 600, padding: '8px 0' }}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" style={cellStyle}>
            {t('tessera:audience')}
          </th>
          {columns.map(({ channel, locale }) => (
            <th key={`${channel}-${locale}`} scope="col" style={cellStyle}>
              {channel} · {locale}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {coverage.rows.map((row) => {
          const rowName = row.segment ? (names.get(row.segment.id) ?? row.segment.slug) : t('tessera:everyone')
          return (
            <tr key={row.segment?.id ?? 'everyone'}>
              <th scope="row" style={cellStyle}>
                {rowName}
              </th>
              {row.cells.map((cell) => {
                const page = coverage.pages[cell.channel]
                const preview = page
                  ? `/admin/preview?page=${encodeURIComponent(page)}&channel=${cell.channel}&locale=${cell.locale}${row.segment ? `&segment=${row.segment.slug}` : ''}`
                  : undefined
                const create = `/admin/collections/blocks/${coverage.block.id}?locale=${cell.locale}&newVariant=${row.segment?.id ?? ''}~${cell.channel}`
                const gap = isGap(cell, row)
                return (
                  <td
                    key={`${cell.channel}-${cell.locale}`}
                    style={{ ...cellStyle, background: gap ? 'var(--theme-warning-100, #fff4d6)' : undefined }}
                    data-cell={`${row.segment?.slug ?? 'everyone'}:${cell.channel}:${cell.locale}`}
                    data-gap={gap ? 'true' : 'false'}
                  >
                    <span>{cell.variant ? cell.variant.label : t('tessera:defaultContent')}</span>
                    {row.segment && cell.fallsBackToDefault ? <span style={flagStyle}>{t('tessera:flagDefault')}</span> : null}
                    {cell.otherLocale ? <span style={flagStyle}>{t('tessera:flagOtherLocale')}</span> : null}
                    {cell.allChannels ? <span style={flagStyle}>{t('tessera:flagAllChannels')}</span> : null}
                    {cell.missingLocale.length ? <span style={flagStyle}>{t('tessera:flagMissingLocale', { labels: cell.missingLocale.map((variant) => variant.label).join(', ') })}</span> : null}
                    <span style={{ display: 'flex', gap: 8, marginTop: 4, flexWrap: 'wrap' }}>
                      {preview ? (
                        <a href={preview} aria-label={`${t('tessera:previewCell')}: ${rowName}, ${cell.channel}, ${cell.locale}`}>
                          {t('tessera:previewCell')}
                        </a>
                      ) : null}
                      {gap ? (
                        <a href={create} aria-label={`${t('tessera:createVariant')}: ${rowName}, ${cell.channel}, ${cell.locale}`}>
                          {t('tessera:createVariant')}
                        </a>
                      ) : null}
                    </span>
                  </td>
                )
              })}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

export async function CoverageView(view: AdminViewServerProps) {
  const { req } = view.initPageResult
  const t = req.i18n.t as unknown as Translate
  const params = (view.searchParams ?? {}) as Record<string, string | undefined>
  const { docs: segments } = await req.payload.find({ collection: 'segments', pagination: false, depth: 0, locale: req.locale ?? 'en', overrideAccess: true, select: { name: true } })
  const names = new Map(segments.map((segment) => [String(segment.id), String(segment.name ?? segment.id)]))
  const titles = async (ids: string[]) => {
    const { docs } = await req.payload.find({ collection: 'blocks', where: { id: { in: ids } }, pagination: false, depth: 0, overrideAccess: true, select: { title: true } })
    return new Map(docs.map((doc) => [String(doc.id), String(doc.title ?? doc.id)]))
  }

  let body: React.ReactNode = <p>{t('tessera:chooseBlockOrPage')}</p>
  if (params.block) {
    const result = await blockCoverage(req.payload, params.block)
    if (!result.ok) body = <p role="alert">{result.failure.message}</p>
    else {
      const title = (await titles([params.block])).get(params.block) ?? params.block
      body = <Matrix coverage={result.coverage} names={names} t={t} caption={title} />
    }
  } else if (params.page) {
    const result = await pageCoverage(req.payload, params.page)
    if (!result.ok) body = <p role="alert">{result.failure.message}</p>
    else {
      const blockTitles = await titles(result.slots.map((slot) => slot.block.id))
      body = result.slots.map((slot, index) => (
        <Matrix key={index} coverage={slot} names={names} t={t} caption={t('tessera:coverageOfPage', { slot: index + 1, block: blockTitles.get(slot.block.id) ?? slot.block.id })} />
      ))
    }
  }
  return (
    <AdminPage view={view} title={t('tessera:coverageMatrix')}>
      <p>{t('tessera:coverageIntro')}</p>
      {body}
    </AdminPage>
  )
}
