import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`questions_options\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`value\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`questions_options_order_idx\` ON \`questions_options\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`questions_options_parent_id_idx\` ON \`questions_options\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`questions_options_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`questions_options\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`questions_options_locales_locale_parent_id_unique\` ON \`questions_options_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`questions_channels\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`questions_channels_order_idx\` ON \`questions_channels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`questions_channels_parent_idx\` ON \`questions_channels\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`questions\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`trait\` text NOT NULL,
  	\`type\` text DEFAULT 'text' NOT NULL,
  	\`priority\` numeric DEFAULT 0,
  	\`cooldown_days\` numeric DEFAULT 30,
  	\`fatigue_days\` numeric DEFAULT 30,
  	\`purpose_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`purpose_id\`) REFERENCES \`consent_purposes\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`questions_trait_idx\` ON \`questions\` (\`trait\`);`)
  await db.run(sql`CREATE INDEX \`questions_purpose_idx\` ON \`questions\` (\`purpose_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_updated_at_idx\` ON \`questions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`questions_created_at_idx\` ON \`questions\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`questions_locales\` (
  	\`text\` text NOT NULL,
  	\`follow_up\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`questions_locales_locale_parent_id_unique\` ON \`questions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`questions_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`questions_texts_order_parent\` ON \`questions_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`questions_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`segments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`questions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`segments_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`questions_rels_order_idx\` ON \`questions_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`questions_rels_parent_idx\` ON \`questions_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`questions_rels_path_idx\` ON \`questions_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`questions_rels_segments_id_idx\` ON \`questions_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE TABLE \`interest_scores_rules\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`event\` text NOT NULL,
  	\`category\` text,
  	\`points\` numeric DEFAULT 1 NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`interest_scores\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`interest_scores_rules_order_idx\` ON \`interest_scores_rules\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`interest_scores_rules_parent_id_idx\` ON \`interest_scores_rules\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`interest_scores\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text NOT NULL,
  	\`cap\` numeric DEFAULT 100 NOT NULL,
  	\`half_life_days\` numeric DEFAULT 30 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`interest_scores_slug_idx\` ON \`interest_scores\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`interest_scores_updated_at_idx\` ON \`interest_scores\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`interest_scores_created_at_idx\` ON \`interest_scores\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`interest_scores_locales\` (
  	\`name\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`interest_scores\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`interest_scores_locales_locale_parent_id_unique\` ON \`interest_scores_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`ALTER TABLE \`blocks\` ADD \`ask_max\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`blocks_rels\` ADD \`questions_id\` integer REFERENCES questions(id);`)
  await db.run(sql`CREATE INDEX \`blocks_rels_questions_id_idx\` ON \`blocks_rels\` (\`questions_id\`);`)
  await db.run(sql`ALTER TABLE \`_blocks_v\` ADD \`version_ask_max\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`_blocks_v_rels\` ADD \`questions_id\` integer REFERENCES questions(id);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_rels_questions_id_idx\` ON \`_blocks_v_rels\` (\`questions_id\`);`)
  await db.run(sql`ALTER TABLE \`profiles\` ADD \`asks\` text;`)
  await db.run(sql`ALTER TABLE \`profiles\` ADD \`scores\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`questions_id\` integer REFERENCES questions(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`interest_scores_id\` integer REFERENCES interest_scores(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_questions_id_idx\` ON \`payload_locked_documents_rels\` (\`questions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_interest_scores_id_idx\` ON \`payload_locked_documents_rels\` (\`interest_scores_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`questions_options\`;`)
  await db.run(sql`DROP TABLE \`questions_options_locales\`;`)
  await db.run(sql`DROP TABLE \`questions_channels\`;`)
  await db.run(sql`DROP TABLE \`questions\`;`)
  await db.run(sql`DROP TABLE \`questions_locales\`;`)
  await db.run(sql`DROP TABLE \`questions_texts\`;`)
  await db.run(sql`DROP TABLE \`questions_rels\`;`)
  await db.run(sql`DROP TABLE \`interest_scores_rules\`;`)
  await db.run(sql`DROP TABLE \`interest_scores\`;`)
  await db.run(sql`DROP TABLE \`interest_scores_locales\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_blocks_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`segments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`blocks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`segments_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_blocks_rels\`("id", "order", "parent_id", "path", "segments_id") SELECT "id", "order", "parent_id", "path", "segments_id" FROM \`blocks_rels\`;`)
  await db.run(sql`DROP TABLE \`blocks_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_blocks_rels\` RENAME TO \`blocks_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`blocks_rels_order_idx\` ON \`blocks_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`blocks_rels_parent_idx\` ON \`blocks_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`blocks_rels_path_idx\` ON \`blocks_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`blocks_rels_segments_id_idx\` ON \`blocks_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__blocks_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`segments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_blocks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`segments_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__blocks_v_rels\`("id", "order", "parent_id", "path", "segments_id") SELECT "id", "order", "parent_id", "path", "segments_id" FROM \`_blocks_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_blocks_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__blocks_v_rels\` RENAME TO \`_blocks_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_blocks_v_rels_order_idx\` ON \`_blocks_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_rels_parent_idx\` ON \`_blocks_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_rels_path_idx\` ON \`_blocks_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_rels_segments_id_idx\` ON \`_blocks_v_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`pages_id\` integer,
  	\`blocks_id\` integer,
  	\`segments_id\` integer,
  	\`stores_id\` integer,
  	\`consent_purposes_id\` integer,
  	\`experiments_id\` integer,
  	\`experiment_exposures_id\` integer,
  	\`media_id\` integer,
  	\`standards_id\` integer,
  	\`standard_counts_id\` integer,
  	\`users_id\` integer,
  	\`api_keys_id\` integer,
  	\`profiles_id\` integer,
  	\`profile_keys_id\` integer,
  	\`profile_events_id\` integer,
  	\`delivery_snapshots_id\` integer,
  	\`delivery_bundles_id\` integer,
  	\`webhook_endpoints_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	\`outbox_messages_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`blocks_id\`) REFERENCES \`blocks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`segments_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stores_id\`) REFERENCES \`stores\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consent_purposes_id\`) REFERENCES \`consent_purposes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`experiments_id\`) REFERENCES \`experiments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`experiment_exposures_id\`) REFERENCES \`experiment_exposures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`standards_id\`) REFERENCES \`standards\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`standard_counts_id\`) REFERENCES \`standard_counts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`api_keys_id\`) REFERENCES \`api_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`profiles_id\`) REFERENCES \`profiles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`profile_keys_id\`) REFERENCES \`profile_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`profile_events_id\`) REFERENCES \`profile_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`delivery_snapshots_id\`) REFERENCES \`delivery_snapshots\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`delivery_bundles_id\`) REFERENCES \`delivery_bundles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_endpoints_id\`) REFERENCES \`webhook_endpoints\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outbox_messages_id\`) REFERENCES \`outbox_messages\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "blocks_id", "segments_id", "stores_id", "consent_purposes_id", "experiments_id", "experiment_exposures_id", "media_id", "standards_id", "standard_counts_id", "users_id", "api_keys_id", "profiles_id", "profile_keys_id", "profile_events_id", "delivery_snapshots_id", "delivery_bundles_id", "webhook_endpoints_id", "webhook_deliveries_id", "outbox_messages_id") SELECT "id", "order", "parent_id", "path", "pages_id", "blocks_id", "segments_id", "stores_id", "consent_purposes_id", "experiments_id", "experiment_exposures_id", "media_id", "standards_id", "standard_counts_id", "users_id", "api_keys_id", "profiles_id", "profile_keys_id", "profile_events_id", "delivery_snapshots_id", "delivery_bundles_id", "webhook_endpoints_id", "webhook_deliveries_id", "outbox_messages_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_blocks_id_idx\` ON \`payload_locked_documents_rels\` (\`blocks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_segments_id_idx\` ON \`payload_locked_documents_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_stores_id_idx\` ON \`payload_locked_documents_rels\` (\`stores_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consent_purposes_id_idx\` ON \`payload_locked_documents_rels\` (\`consent_purposes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_experiments_id_idx\` ON \`payload_locked_documents_rels\` (\`experiments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_experiment_exposures_id_idx\` ON \`payload_locked_documents_rels\` (\`experiment_exposures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_standards_id_idx\` ON \`payload_locked_documents_rels\` (\`standards_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_standard_counts_id_idx\` ON \`payload_locked_documents_rels\` (\`standard_counts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_api_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`api_keys_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_profiles_id_idx\` ON \`payload_locked_documents_rels\` (\`profiles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_profile_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`profile_keys_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_profile_events_id_idx\` ON \`payload_locked_documents_rels\` (\`profile_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_delivery_snapshots_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_snapshots_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_delivery_bundles_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_bundles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_endpoints_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_endpoints_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outbox_messages_id_idx\` ON \`payload_locked_documents_rels\` (\`outbox_messages_id\`);`)
  await db.run(sql`ALTER TABLE \`blocks\` DROP COLUMN \`ask_max\`;`)
  await db.run(sql`ALTER TABLE \`_blocks_v\` DROP COLUMN \`version_ask_max\`;`)
  await db.run(sql`ALTER TABLE \`profiles\` DROP COLUMN \`asks\`;`)
  await db.run(sql`ALTER TABLE \`profiles\` DROP COLUMN \`scores\`;`)
}
