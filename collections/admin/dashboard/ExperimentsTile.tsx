/**
 * Running experiments, each with its headline result (the primary metric's
 * best treatment against control, in the sequential view the results page
 * shows by default) and its health banners; detail: each experiment's page,
 * whose results are computed by the same function (experimentResults).
 */
import React from 'react'

import { experimentResults, type ExperimentResults } from '../../../delivery/experiments'
import { EXPERIMENT_LABELS, signedOn } from '../../personalization/experiments/labels'
import { Tile, type TileProps } from './Tile'

/** The tile shows this many; the link lists them all. */
const SHOWN = 5


type Headline = { arm: string; effect: number; interval: readonly [number, number]; scale: string; verdict: string } | undefined

/** The treatment arm whose lift on the primary metric is largest, with its interval and verdict. */
function headlineOf(results: ExperimentResults): Headline {
  const primary = results.metrics.find((entry) => entry.metric.role === 'primary') ?? results.metrics[0]
  if (!primary) return undefined
  const { statistics } = primary
  let best: Headline
  for (const arm of statistics.arms) {
    const comparison = arm.comparison
    if (!comparison?.estimable) continue
    if (best && comparison.effect <= best.effect) continue
    const read = statistics.view === 'sequential' ? comparison.sequential : comparison.fixedHorizon
    best = { arm: results.arms.find((entry) => entry.id === arm.id)?.label ?? arm.id, effect: comparison.effect, interval: read.interval, scale: statistics.scale, verdict: comparison.verdict }
  }
  return best
}

export async function ExperimentsTile({ payload, t, language }: TileProps) {
  const labels = EXPERIMENT_LABELS[language]
  const { docs, totalDocs } = await payload.find({ collection: 'experiments', where: { status: { equals: 'running' } }, sort: '-updatedAt', limit: SHOWN, depth: 0, overrideAccess: true })
  const running = await Promise.all(
    docs.map(async (doc) => ({ doc, results: await experimentResults(payload, doc as unknown as Parameters<typeof experimentResults>[1]) })),
  )
  return (
    <Tile id="experiments" title={t('tessera:tileExperiments')} href="/admin/collections/experiments?where[status][equals]=running" t={t}>
      <p data-testid="tile-experiments-total" style={{ fontSize: '1.6rem', margin: 0 }}>
        {totalDocs}
      </p>
      {running.length === 0 ? <p style={{ margin: 0 }}>{t('tessera:noExperiments')}</p> : null}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
        {running.map(({ doc, results }) => {
          const headline = headlineOf(results)
          const health = results.metrics[0]?.statistics.health
          return (
            <li key={String(doc.id)} data-experiment={doc.key}>
              <a href={`/admin/collections/experiments/${doc.id}`}>{doc.name}</a>
              <div data-testid="tile-experiment-headline">
                {headline
                  ? `${headline.arm}: ${signedOn(headline.scale)(headline.effect)} [${signedOn(headline.scale)(headline.interval[0])} ; ${signedOn(headline.scale)(headline.interval[1])}] · ${labels.verdicts[headline.verdict as keyof typeof labels.verdicts] ?? headline.verdict}`
                  : labels.noResults}
                {` · ${labels.units}: ${(results.metrics[0]?.statistics.arms ?? []).reduce((sum, arm) => sum + arm.units, 0)}`}
              </div>
              {health?.sampleRatio.mismatch ? (
                <p role="alert" data-testid="tile-experiment-srm" style={{ margin: 0, color: 'var(--theme-error-750)' }}>
                  {labels.srmBad}
                </p>
              ) : null}
              {health?.multipleExposures?.tooMany ? (
                <p role="alert" style={{ margin: 0, color: 'var(--theme-error-750)' }}>
                  {labels.multipleBad}
                </p>
              ) : null}
            </li>
          )
        })}
      </ul>
    </Tile>
  )
}
