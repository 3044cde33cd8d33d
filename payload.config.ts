import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { fr } from '@payloadcms/translations/languages/fr'
import { buildConfig, type DatabaseAdapterObj, type Payload } from 'payload'
import sharp from 'sharp'

import { withSameOriginCodeEditor } from './collections/admin/codeEditor/withSameOriginCodeEditor'
import { adminTranslations } from './collections/admin/translations'
import { Blocks } from './collections/content/blocks'
import { mediaCollection } from './collections/content/media'
import { Pages } from './collections/content/pages'
import { Events } from './collections/customers/profile-events'
import { ProfileKeys } from './collections/customers/profile-keys'
import { Profiles } from './collections/customers/profiles'
import { DeliveryBundles, DeliverySnapshots, DeliveryStatus } from './collections/delivery'
import { ConsentPurposes, ensureDefaultPurposes } from './collections/personalization/consent-purposes'
import { InterestScores } from './collections/personalization/interest-scores'
import { Questions } from './collections/personalization/questions'
import { ExperimentExposures, ExperimentSettings } from './collections/personalization/experiment-exposures'
import { Experiments } from './collections/personalization/experiments'
import { Segments } from './collections/personalization/segments'
import { Stores } from './collections/personalization/stores'
import { ApiKeys } from './collections/settings/api-keys'
import { OutboxMessages, WebhookDeliveries, WebhookEndpoints } from './collections/sharing'
import { StandardCounts } from './collections/settings/standard-counts'
import { Standards } from './collections/settings/standards'
import { countStandardViolations } from './collections/settings/standards/countTask'
import { Users } from './collections/settings/users'
import { replayIfNeeded } from './delivery/customers'
import { assertProductionSettings, DEVELOPMENT_SECRET } from './delivery/http'
import { startSharing } from './delivery/sharing'
import { seedDemo } from './migrations/demo/seed'
import { migrations as postgresMigrations } from './migrations/postgres'
import { migrations as sqliteMigrations } from './migrations/sqlite'

const dirname = path.dirname(fileURLToPath(import.meta.url))

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

/** DATABASE_URI picks the database: unset or file: → SQLite, postgres:// → PostgreSQL, mongodb:// → MongoDB. */
export function databaseKind(uri: string | undefined): DatabaseKind {
  if (!uri || uri.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(uri)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(uri)) return 'mongodb'
  throw new Error(
    `DATABASE_URI must start with file: (SQLite), postgres:// or postgresql:// (PostgreSQL), or mongodb:// or mongodb+srv:// (MongoDB); got “${uri.split(':')[0]}:…”`,
  )
}

function databaseAdapter(uri: string | undefined): DatabaseAdapterObj {
  // Schema changes arrive through migrations (npm run migrate:create), never by
  // pushing, so that development, tests and production share one path.
  switch (databaseKind(uri)) {
    case 'sqlite': {
      const file = uri ?? `file:${path.join(dirname, 'data', 'tessera.db')}`
      mkdirSync(path.dirname(file.slice('file:'.length)), { recursive: true })
      return sqliteAdapter({
        client: { url: file },
        push: false,
        migrationDir: path.join(dirname, 'migrations/sqlite'),
        busyTimeout: 5000,
        wal: true,
      })
    }
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: uri },
        push: false,
        migrationDir: path.join(dirname, 'migrations/postgres'),
      })
    case 'mongodb':
      return mongooseAdapter({ url: uri! })
  }
}

type MigrationList = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']

/** MongoDB needs no schema migrations. */
const pendingMigrations: Record<DatabaseKind, MigrationList | undefined> = {
  sqlite: sqliteMigrations as unknown as MigrationList,
  postgres: postgresMigrations as unknown as MigrationList,
  mongodb: undefined,
}

export type TesseraConfigOptions = {
  /** Which database; defaults to DATABASE_URI, else the embedded SQLite file. */
  databaseUri?: string
  /** Where uploaded media is written; defaults to MEDIA_DIR, else data/media. */
  mediaDir?: string
}

/** Builds the Payload config. Tests call it with their own database and media folder. */
export function createTesseraConfig(options: TesseraConfigOptions = {}) {
  const databaseUri = options.databaseUri ?? process.env.DATABASE_URI
  const migrations = pendingMigrations[databaseKind(databaseUri)]

  async function onInit(payload: Payload): Promise<void> {
    assertProductionSettings()
    if (process.env.PAYLOAD_MIGRATING === 'true') return
    if (migrations) await payload.db.migrate({ migrations })
    // Without transactions, events a crash left out of their profiles are put back before the first request.
    await replayIfNeeded(payload)
    await ensureDefaultPurposes(payload)
    if (process.env.TESSERA_SEED_DEMO === '1') await seedDemo(payload)
    // The outbox is delivered by every long-running process (webhooks, NATS); tests start it themselves.
    if (process.env.TESSERA_SHARING !== 'off') startSharing(payload)
  }

  return buildConfig({
    // At build time there may be no secret yet: the server's start (instrumentation.ts, onInit) refuses production without one.
    secret: process.env.PAYLOAD_SECRET || DEVELOPMENT_SECRET,
    serverURL: process.env.TESSERA_PUBLIC_URL,
    db: databaseAdapter(databaseUri),
    editor: lexicalEditor(),
    sharp,
    collections: [Pages, Blocks, Segments, Stores, ConsentPurposes, Questions, InterestScores, Experiments, ExperimentExposures, mediaCollection(options.mediaDir), Standards, StandardCounts, Users, ApiKeys, Profiles, ProfileKeys, Events, DeliverySnapshots, DeliveryBundles, WebhookEndpoints, WebhookDeliveries, OutboxMessages].map(
      // JSON and code fields load their editor from this origin, not a CDN.
      withSameOriginCodeEditor,
    ),
    globals: [DeliveryStatus, ExperimentSettings].map(withSameOriginCodeEditor),
    localization: {
      locales: [
        { code: 'en', label: 'English' },
        { code: 'fr', label: 'Français' },
      ],
      defaultLocale: 'en',
      fallback: true,
    },
    // The admin speaks English and French (each editor picks in their account): Payload's strings and our components' (collections/admin/translations.ts).
    i18n: { supportedLanguages: { en, fr }, fallbackLanguage: 'en', translations: adminTranslations },
    admin: {
      user: Users.slug,
      // Payload's default is Gravatar: a request to another origin on every admin page. Nothing leaves the machine.
      avatar: 'default',
      components: {
        afterNavLinks: ['/collections/admin/WorkbenchNavLinks#WorkbenchNavLinks'],
        beforeDashboard: ['/collections/admin/dashboard/CxDashboard#CxDashboard'],
        views: {
          standardsReport: { Component: '/collections/admin/StandardsReportView#StandardsReportView', path: '/standards-report' },
          coverage: { Component: '/collections/admin/CoverageView#CoverageView', path: '/coverage' },
          preview: { Component: '/collections/admin/PreviewView#PreviewView', path: '/preview' },
        },
      },
      importMap: { baseDir: dirname },
      meta: { titleSuffix: ' · Tessera' },
    },
    jobs: {
      tasks: [countStandardViolations],
      // Runs scheduled publishes in a long-running server. Serverless hosts call
      // /api/payload-jobs/run from a cron instead.
      autoRun: [{ cron: '* * * * *', queue: 'default' }],
      shouldAutoRun: () => process.env.TESSERA_JOBS !== 'off',
    },
    typescript: { outputFile: path.join(dirname, 'collections/payload-types.ts') },
    onInit,
    telemetry: false,
  })
}

export default createTesseraConfig()
