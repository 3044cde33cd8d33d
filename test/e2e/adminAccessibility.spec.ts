/**
 * Every custom admin view and component of ours, in both admin languages
 * (Payload's `payload-lng` cookie: en, fr): it shows its text in that
 * language, and axe-core finds no serious or critical violation.
 *
 * Our full pages (preview, coverage, standards report) are read as whole
 * documents, Payload's chrome around them included: its header's locale
 * button failed the contrast rule (3.3:1), which app/(payload)/custom.css
 * corrects. A component embedded in Payload's own pages (experiment results,
 * survey dashboard, CX board, API key field, home tiles) is read inside its
 * own root element (no violation there, Payload's buttons within it
 * included). Those pages around it have violations in Payload 3.90's own
 * markup, which we leave to Payload: field descriptions, list column
 * headings, inactive tabs and the array's add-row button at 2.8 to 2.9:1
 * (color-contrast); react-select's clear and dropdown indicators focusable
 * under aria-hidden (aria-hidden-focus) and its input with no label (label,
 * label-title-only); the document controls' and array rows' menu buttons and
 * the drag handle with no name (button-name, aria-command-name); the list
 * view's row checkboxes with an empty aria-label (label); the document tabs'
 * list holding divs (list).
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test'

import { EXPERIMENT_LABELS } from '../../collections/personalization/experiments/labels'
import { TEXT as SURVEY_TEXT } from '../../collections/personalization/questions/SurveyDashboard'
import { adminTranslations } from '../../collections/admin/translations'
import { DEMO_EXPERIMENTS } from '../../migrations/demo/experiments'
import { DEMO, logIn, restAsEditor, seriousViolations } from './helpers'

const LANGUAGES = ['en', 'fr'] as const
type Language = (typeof LANGUAGES)[number]
const tessera = (language: Language) => adminTranslations[language].tessera

type Ids = { block: number; experiment: number; nps: number }
type View = {
  name: string
  /** Admin for the API keys (they are an admin's), the demo editor otherwise. */
  asAdmin?: boolean
  path: (ids: Ids) => string
  /** Our component's root; none: the view is ours from top to bottom, axe reads the whole document. */
  scope?: string
  /** A heading or label of ours, per language. */
  text: (language: Language) => string
  /** What shows once the view has its content (it loads some of it after the first paint). */
  ready: (page: Page) => ReturnType<Page['locator']>
}

const VIEWS: View[] = [
  { name: 'preview', path: () => '/admin/preview?page=home', text: (language) => tessera(language).trace, ready: (page) => page.getByTestId('preview-trace').locator('tbody tr').first() },
  { name: 'coverage of a block', path: ({ block }) => `/admin/coverage?block=${block}`, text: (language) => tessera(language).coverageMatrix, ready: (page) => page.locator('[data-cell]').first() },
  { name: 'coverage of a page', path: () => '/admin/coverage?page=home', text: (language) => tessera(language).coverageMatrix, ready: (page) => page.locator('[data-cell]').first() },
  { name: 'standards report', path: () => '/admin/standards-report', text: (language) => tessera(language).standardsReport, ready: (page) => page.getByTestId('standards-violations') },
  {
    name: 'experiment results',
    path: ({ experiment }) => `/admin/collections/experiments/${experiment}`,
    scope: 'section[data-testid="experiment-results"]',
    text: (language) => EXPERIMENT_LABELS[language].results,
    ready: (page) => page.getByTestId('experiment-results').locator('tr[data-arm] svg[role="img"]').first(),
  },
  {
    name: 'survey dashboard',
    path: ({ nps }) => `/admin/collections/questions/${nps}`,
    scope: 'section.survey-dashboard',
    text: (language) => SURVEY_TEXT[language].title,
    ready: (page) => page.locator('.survey-dashboard .survey-score'),
  },
  { name: 'CX board', path: () => '/admin/collections/questions', scope: 'section.cx-board', text: (language) => (language === 'fr' ? 'Tableau de bord CX mensuel' : 'Monthly CX board'), ready: (page) => page.locator('.cx-board table').first() },
  { name: 'API key form', asAdmin: true, path: () => '/admin/collections/api-keys/create', scope: '[data-testid="api-key-field"]', text: (language) => tessera(language).secretKey, ready: (page) => page.getByTestId('api-key-secret') },
  { name: 'home tiles', path: () => '/admin', scope: '[data-testid="cx-dashboard"]', text: (language) => tessera(language).dashboard, ready: (page) => page.getByTestId('tile-consent').locator('table') },
]

const withKey = { Authorization: `Bearer ${DEMO.apiKey}` }
const RECIPIENTS = 40

/**
 * The demo's ids, and traffic for the newsletter's subject experiment (once per run):
 * its results then draw the table, with lifts and their interval bars, not only “no results yet”.
 */
let ids: Ids | undefined
async function demoIds(request: APIRequestContext): Promise<Ids> {
  if (ids) return ids
  const rest = await restAsEditor(request)
  const hero = (await rest(`/api/experiments?where[key][equals]=${DEMO_EXPERIMENTS.hero}&depth=0`)).docs[0] as { block: number }
  const subject = (await rest(`/api/experiments?where[key][equals]=${DEMO_EXPERIMENTS.subject}&depth=0`)).docs[0] as { id: number }
  const nps = (await rest('/api/questions?where[type][equals]=nps&depth=0')).docs[0] as { id: number }
  const recipients = Array.from({ length: RECIPIENTS }, (_, i) => `a11y-${Date.now()}-${i}`)
  for (const customer of recipients) expect((await request.get(`/api/render/newsletter?customer=${customer}&consent=analytics`, { headers: withKey })).status()).toBe(200)
  const events = recipients.flatMap((customer, i) => [
    { idempotencyKey: `${customer}-consent`, type: 'consent_change', customer, consents: { analytics: true } },
    ...(i % 3 === 0 ? [{ idempotencyKey: `${customer}-click`, type: 'click', name: 'newsletter', customer }] : []),
  ])
  expect((await request.post('/api/events', { headers: withKey, data: { events } })).ok()).toBe(true)
  // Exposures are written off the request path.
  await expect
    .poll(async () => {
      const body = (await (await request.get(`/api/experiments/${DEMO_EXPERIMENTS.subject}/results`, { headers: withKey })).json()) as { metrics: { statistics: { arms: { units: number }[] } }[] }
      return body.metrics[0]?.statistics.arms.reduce((sum, arm) => sum + arm.units, 0) ?? 0
    })
    .toBeGreaterThanOrEqual(RECIPIENTS)
  ids = { block: hero.block, experiment: subject.id, nps: nps.id }
  return ids
}

for (const language of LANGUAGES) {
  for (const view of VIEWS) {
    test(`${view.name} (${language}): in ${language === 'fr' ? 'French' : 'English'}, and no serious or critical axe violation`, async ({ page, context, request, baseURL }) => {
      const path = view.path(await demoIds(request))
      await logIn(page, view.asAdmin ? DEMO.adminEmail : DEMO.editorEmail)
      await context.addCookies([{ name: 'payload-lng', value: language, url: baseURL! }])
      await page.goto(path)
      await expect(view.ready(page)).toBeVisible()
      const root = view.scope ? page.locator(view.scope) : page.getByTestId('workbench-view')
      await expect(root).toContainText(view.text(language))
      // Ours must not stay English in French (and the other way round).
      await expect(root).not.toContainText(view.text(language === 'fr' ? 'en' : 'fr'))
      await expect(page.locator('html')).toHaveAttribute('lang', language)
      const violations = await seriousViolations(page, { scope: view.scope })
      expect(violations, `${path} (${language}): ${JSON.stringify(violations, null, 2)}`).toEqual([])
    })
  }
}
