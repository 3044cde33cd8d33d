/**
 * /admin/preview: preview a page, a block or a page's drafts as anyone, on
 * any channel. Switchers (a plain GET form) for audience (segments, or a real
 * profile by its customer id), channel and width, locale, tone and length,
 * store, date and time, consent, and the arm of each experiment on the page;
 * the real output beside the decision trace. Everything is rendered by the render room's preview handler, with
 * the editor's own session.
 */
import { TONES } from '../fields/tones'
import type { AdminViewServerProps } from 'payload'
import React from 'react'

import { CHANNELS, LENGTHS, LOCALES } from '../../engine'
import { handlePreviewRequest } from '../../delivery/render'
import { liveManifest } from '../../delivery/snapshot'
import { AdminPage, cellStyle, HeadRow } from './AdminPage'
import { PreviewFollower } from './PreviewFollower'

type Translate = (key: string, variables?: Record<string, unknown>) => string

const WIDTHS = { phone: 390, tablet: 820, desktop: 1280 } as const
type Candidate = { variant: string; label: string; tone: string; length: string; kept: boolean; reason: string }
type ExperimentTrace = { key: string; phase: number; arm?: string; enrolled: boolean; why: string }
type PreviewJson = {
  page: { slug: string; title: string; channel: string; locale: string }
  blocks: { slot: number; kind: string; variant: { label: string } | null }[]
  trace?: {
    segments: { slug: string; member: boolean; reasons: string[] }[]
    slots: { slot: number; chosen: string; candidates: Candidate[]; experiment?: ExperimentTrace }[]
    subject?: { chosen: string; candidates: Candidate[]; experiment?: ExperimentTrace }
  }
  subject?: string
  preheader?: string
  text?: string
  screen?: { width: number; height: number }
  error?: { message: string }
}

const PARAMS = ['page', 'block', 'draft', 'segment', 'customer', 'channel', 'device', 'locale', 'tone', 'length', 'store', 'at', 'consent', 'arm'] as const
/** Repeated parameters: several segments, one arm per experiment. */
const REPEATED = new Set<string>(['segment', 'arm'])

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
      <span>{label}</span>
      <select name={name} defaultValue={value ?? ''}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The engine writes its reasons in English: marked as such in another admin language, for screen readers. */
type EngineLang = 'en' | undefined

function CandidateTable({ caption, candidates, chosen, experiment, t, engineLang }: { caption: string; candidates: Candidate[]; chosen: string; experiment?: ExperimentTrace; t: Translate; engineLang: EngineLang }) {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 'var(--base)' }}>
      <caption style={{ textAlign: 'left', fontWeight: 600, padding: '6px 0' }}>
        {caption}
        {experiment ? <span style={{ display: 'block', fontWeight: 400 }} data-testid="preview-experiment">{t('tessera:experimentOutcome', { key: experiment.key, why: experiment.why })}</span> : null}
      </caption>
      <HeadRow keys={['candidate', 'kept', 'reason']} t={t} />
      <tbody>
        {candidates.map((candidate) => (
          <tr key={candidate.variant} data-chosen={candidate.variant === chosen ? 'true' : 'false'} style={{ fontWeight: candidate.variant === chosen ? 600 : undefined }}>
            <td style={cellStyle}>
              {candidate.variant === 'default' ? t('tessera:defaultContent') : candidate.label}
              {candidate.variant === chosen ? ` (${t('tessera:chosen')})` : ''}
            </td>
            <td style={cellStyle}>{candidate.kept ? t('tessera:yes') : t('tessera:no')}</td>
            <td style={cellStyle} lang={engineLang}>
              {candidate.reason}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export async function PreviewView(view: AdminViewServerProps) {
  const { req } = view.initPageResult
  const t = req.i18n.t as unknown as Translate
  const engineLang: EngineLang = req.i18n.language === 'en' ? undefined : 'en'
  const raw = (view.searchParams ?? {}) as Record<string, string | string[] | undefined>
  const one = (name: string) => (Array.isArray(raw[name]) ? raw[name][0] : raw[name]) || undefined
  const all = (name: string) => ([] as string[]).concat(raw[name] ?? []).filter(Boolean)
  const segmentsAsked = all('segment')
  const armsAsked = all('arm')
  const device = (one('device') ?? 'desktop') as keyof typeof WIDTHS

  const [{ docs: segments }, { docs: stores }, { docs: profiles }] = await Promise.all([
    req.payload.find({ collection: 'segments', pagination: false, depth: 0, locale: req.locale ?? 'en', overrideAccess: true, select: { slug: true, name: true } }),
    req.payload.find({ collection: 'stores', pagination: false, depth: 0, overrideAccess: true }),
    // The profile search offers the most recently seen known customers; any customer id can be typed.
    req.payload.find({ collection: 'profiles', where: { customerId: { exists: true } }, sort: '-updatedAt', limit: 50, depth: 0, overrideAccess: true, select: { customerId: true, displayName: true } }),
  ])

  // The preview's own query: every switcher, consent defaulting to personalization (an editor previews personalized content).
  const query = new URLSearchParams()
  for (const name of PARAMS) {
    if (REPEATED.has(name)) all(name).forEach((value) => query.append(name, value))
    else if (name !== 'device' && one(name)) query.set(name, name === 'at' ? new Date(one(name)!).toISOString() : one(name)!)
  }
  if (!query.has('consent')) query.set('consent', 'personalization')
  const what = query.has('draft') || query.has('block') || query.has('page')

  let json: PreviewJson | undefined
  if (what) {
    const origin = new URL(req.url ?? 'http://localhost').origin
    const url = `${origin}/api/pages/workbench/preview?${query}&format=json&debug=1`
    const response = await handlePreviewRequest(req.payload, new Request(url, { headers: req.headers }))
    json = (await response.json()) as PreviewJson
  }
  const channel = json?.page.channel ?? one('channel') ?? 'web'
  const frame = `/api/pages/workbench/preview?${query}&format=html`
  const width = channel === 'screen' ? Math.min(json?.screen?.width ?? 1920, 1280) : channel === 'email' ? 680 : WIDTHS[device] ?? WIDTHS.desktop
  const height = channel === 'screen' && json?.screen ? Math.round((width * json.screen.height) / json.screen.width) : 900
  const any = { value: '', label: t('tessera:anyValue') }
  // The frame is keyed by the live version: a publish re-renders this view (PreviewFollower) and reloads the frame.
  const manifest = await liveManifest(req.payload)
  const version = manifest?.version ?? null
  // An arm switcher per experiment the trace shows on this page (a slot's block, or the email's subject), labelled by its variants.
  const inScope = [...(json?.trace?.slots ?? []), ...(json?.trace?.subject ? [json.trace.subject] : [])].flatMap((slot) => (slot.experiment ? [{ experiment: slot.experiment, candidates: slot.candidates }] : []))
  const armSwitchers = inScope.flatMap(({ experiment, candidates }, index) => {
    if (inScope.findIndex((other) => other.experiment.key === experiment.key) !== index) return []
    const arms = manifest?.experiments?.find((scoped) => scoped.experiment.key === experiment.key)?.experiment.arms ?? []
    if (arms.length === 0) return []
    const label = (id: string) => candidates.find((candidate) => candidate.variant === id)?.label ?? (id === 'default' ? t('tessera:defaultContent') : id)
    const value = armsAsked.find((entry) => entry.startsWith(`${experiment.key}:`))
    return [{ key: experiment.key, value, options: [{ value: '', label: t('tessera:armAsAssigned') }, ...arms.map((arm) => ({ value: `${experiment.key}:${arm.id}`, label: label(arm.id) }))] }]
  })

  return (
    <AdminPage view={view} title={t('tessera:previewAs')}>
      <p>{t('tessera:previewIntro')}</p>
      <PreviewFollower version={version} />
      <form method="get" action="/admin/preview" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 12, marginBottom: 'var(--base)' }} aria-label={t('tessera:previewAs')}>
        {(['page', 'block', 'draft'] as const).map((name) => (one(name) ? <input key={name} type="hidden" name={name} value={one(name)} /> : null))}
        <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <span>{t('tessera:segments')}</span>
          <select name="segment" multiple defaultValue={segmentsAsked} size={Math.min(5, segments.length || 1)}>
            {segments.map((segment) => (
              <option key={segment.id} value={String(segment.slug)}>
                {String(segment.name ?? segment.slug)}
              </option>
            ))}
          </select>
        </label>
        <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <span>{t('tessera:profile')}</span>
          <input type="search" name="customer" defaultValue={one('customer') ?? ''} list="preview-profiles" />
          <datalist id="preview-profiles">
            {profiles.map((profile) => (
              <option key={profile.id} value={String(profile.customerId)}>
                {String(profile.displayName ?? profile.customerId)}
              </option>
            ))}
          </datalist>
        </label>
        <Select name="channel" label={t('tessera:channel')} value={one('channel')} options={[any, ...CHANNELS.map((value) => ({ value, label: t(`tessera:channel_${value}`) }))]} />
        <Select name="device" label={t('tessera:device')} value={device} options={(Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]).map((value) => ({ value, label: `${t(`tessera:${value}`)} (${WIDTHS[value]} px)` }))} />
        <Select name="locale" label={t('tessera:locale')} value={one('locale')} options={[any, ...LOCALES.map((value) => ({ value, label: t(`tessera:locale_${value}`) }))]} />
        <Select name="tone" label={t('tessera:tone')} value={one('tone')} options={[any, ...TONES.map(({ value }) => ({ value, label: t(`tessera:tone_${value}`) }))]} />
        <Select name="length" label={t('tessera:length')} value={one('length')} options={[any, ...LENGTHS.map((value) => ({ value, label: t(`tessera:length_${value}`) }))]} />
        <Select name="store" label={t('tessera:store')} value={one('store')} options={[any, ...stores.map((store) => ({ value: String(store.slug ?? store.id), label: String(store.name ?? store.id) }))]} />
        <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          <span>{t('tessera:at')}</span>
          <input type="datetime-local" name="at" defaultValue={one('at') ?? ''} />
        </label>
        <Select
          name="consent"
          label={t('tessera:consent')}
          value={one('consent')}
          options={[
            { value: 'personalization', label: t('tessera:consentAll') },
            { value: 'none', label: t('tessera:consentNone') },
          ]}
        />
        {armSwitchers.map((switcher) => (
          <Select key={switcher.key} name="arm" label={t('tessera:experimentArm', { key: switcher.key })} value={switcher.value} options={switcher.options} />
        ))}
        <div style={{ alignSelf: 'end' }}>
          <button type="submit" className="btn btn--style-primary btn--size-small" style={{ margin: 0 }}>
            {t('tessera:showPreview')}
          </button>
        </div>
      </form>
      {one('draft') ? <p data-testid="preview-draft">{t('tessera:previewDraft')}</p> : null}
      {json?.error ? <p role="alert">{t('tessera:previewFailed', { message: json.error.message })}</p> : null}
      {json && !json.error ? (
        <div style={{ display: 'flex', gap: 'var(--base)', alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <section aria-labelledby="preview-output" style={{ flex: '0 0 auto', maxWidth: '100%' }}>
            <h2 id="preview-output">{t('tessera:output')}</h2>
            {channel === 'email' ? (
              <dl data-testid="preview-email">
                <dt style={{ fontWeight: 600 }}>{t('tessera:subject')}</dt>
                <dd data-testid="preview-subject">{json.subject}</dd>
                <dt style={{ fontWeight: 600 }}>{t('tessera:preheader')}</dt>
                <dd>{json.preheader}</dd>
              </dl>
            ) : null}
            <iframe key={version ?? 'none'} title={t('tessera:outputFrame')} src={frame} data-testid="preview-frame" style={{ width, height, maxWidth: '100%', border: '1px solid var(--theme-elevation-150)', background: '#fff' }} />
            {channel === 'email' && json.text ? (
              <details>
                <summary>{t('tessera:textPart')}</summary>
                <pre style={{ whiteSpace: 'pre-wrap' }}>{json.text}</pre>
              </details>
            ) : null}
            {channel === 'screen' ? (
              <figure>
                <figcaption>{t('tessera:screenImage')}</figcaption>
                {/* eslint-disable-next-line @next/next/no-img-element -- the PNG is our render API's own output, not an optimizable asset */}
                <img src={`/api/pages/workbench/preview?${query}&format=png&width=${json.screen?.width ?? 1920}&height=${json.screen?.height ?? 1080}`} alt={t('tessera:screenImage')} style={{ width: Math.min(width, 640), height: 'auto' }} />
              </figure>
            ) : null}
          </section>
          <section aria-labelledby="preview-trace" style={{ flex: '1 1 360px', minWidth: 320 }} data-testid="preview-trace">
            <h2 id="preview-trace">{t('tessera:trace')}</h2>
            <table style={{ borderCollapse: 'collapse', width: '100%', marginBottom: 'var(--base)' }}>
              <caption style={{ textAlign: 'left', fontWeight: 600, padding: '6px 0' }}>{t('tessera:segments')}</caption>
              <HeadRow keys={['segment', 'member', 'why']} t={t} />
              <tbody>
                {(json.trace?.segments ?? []).map((segment) => (
                  <tr key={segment.slug}>
                    <td style={cellStyle}>{segment.slug}</td>
                    <td style={cellStyle}>{segment.member ? t('tessera:yes') : t('tessera:no')}</td>
                    <td style={cellStyle} lang={engineLang}>
                      {segment.reasons.join('; ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {json.trace?.subject ? <CandidateTable caption={t('tessera:subject')} candidates={json.trace.subject.candidates} chosen={json.trace.subject.chosen} experiment={json.trace.subject.experiment} t={t} engineLang={engineLang} /> : null}
            {(json.trace?.slots ?? []).map((slot) => (
              <CandidateTable
                key={slot.slot}
                caption={`${t('tessera:slot')} ${slot.slot + 1}: ${json!.blocks.find((block) => block.slot === slot.slot)?.variant?.label ?? t('tessera:defaultContent')}`}
                candidates={slot.candidates}
                chosen={slot.chosen}
                experiment={slot.experiment}
                t={t}
                engineLang={engineLang}
              />
            ))}
          </section>
        </div>
      ) : null}
    </AdminPage>
  )
}
