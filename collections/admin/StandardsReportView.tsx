/**
 * /admin/standards-report: every violation of an active standard in
 * published content, each linked to the field's document, and the weekly
 * trend of the daily counts.
 */
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { standardsReport, weeklyViolationTrend } from '../../delivery/standards'
import { AdminPage, cellStyle, HeadRow } from './AdminPage'
import { CountNowButton } from './CountNowButton'
import { findingMessage } from './findingMessage'

export async function StandardsReportView(view: AdminViewServerProps) {
  const { req } = view.initPageResult
  const t = req.i18n.t as unknown as (key: string, variables?: Record<string, unknown>) => string
  const [report, trend] = await Promise.all([standardsReport(req.payload), weeklyViolationTrend(req.payload)])
  return (
    <AdminPage view={view} title={t('tessera:standardsReport')}>
      <p>{t('tessera:standardsReportIntro')}</p>
      <p data-testid="standards-totals">
        {t('tessera:violations')}: <strong>{report.violations.length}</strong> · {t('tessera:blockingCount')}: <strong>{report.blocking}</strong> ·{' '}
        {t('tessera:warningCount')}: <strong>{report.warnings}</strong>
      </p>
      <table style={{ width: '100%', borderCollapse: 'collapse', marginBottom: 'calc(var(--base) * 2)' }} data-testid="standards-violations">
        <caption style={{ textAlign: 'left', fontWeight: 600, padding: '8px 0' }}>{t('tessera:violations')}</caption>
        <HeadRow keys={['document', 'field', 'locale', 'level', 'problem']} t={t} />
        <tbody>
          {report.violations.length === 0 ? (
            <tr>
              <td colSpan={5} style={cellStyle}>
                {t('tessera:noViolations')}
              </td>
            </tr>
          ) : (
            report.violations.map((violation, index) => (
              <tr key={index}>
                <td style={cellStyle}>
                  <a href={violation.href}>{violation.title}</a>
                </td>
                <td style={cellStyle}>
                  <code>{violation.path}</code>
                  {violation.variant ? ` (${violation.variant})` : ''}
                </td>
                <td style={cellStyle}>{violation.locale}</td>
                <td style={cellStyle}>{violation.standard.level === 'blocking' ? t('tessera:levelBlocking') : t('tessera:levelWarning')}</td>
                <td style={cellStyle}>{findingMessage(t, violation.standard.name, violation.finding)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <h2>{t('tessera:weeklyTrend')}</h2>
      {trend.length === 0 ? (
        <p>{t('tessera:noCountsYet')}</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', marginBottom: 'var(--base)' }} data-testid="standards-trend">
          <HeadRow keys={['week', 'total', 'blockingCount', 'warningCount']} t={t} />
          <tbody>
            {trend.map((week) => (
              <tr key={week.week}>
                <td style={cellStyle}>{week.week}</td>
                <td style={cellStyle}>{week.total}</td>
                <td style={cellStyle}>{week.blocking}</td>
                <td style={cellStyle}>{week.warnings}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CountNowButton />
    </AdminPage>
  )
}
