import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`experiments_arms\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`variant\` text NOT NULL,
  	\`label\` text,
  	\`weight\` numeric DEFAULT 50 NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`experiments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`experiments_arms_order_idx\` ON \`experiments_arms\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`experiments_arms_parent_id_idx\` ON \`experiments_arms\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`experiments_channels\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`experiments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`experiments_channels_order_idx\` ON \`experiments_channels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`experiments_channels_parent_idx\` ON \`experiments_channels\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`experiments_secondary_metrics\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`kind\` text DEFAULT 'binomial' NOT NULL,
  	\`window_days\` numeric DEFAULT 7 NOT NULL,
  	\`event_type\` text DEFAULT 'conversion' NOT NULL,
  	\`event_name\` text,
  	\`higher_is_better\` integer DEFAULT true,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`experiments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`experiments_secondary_metrics_order_idx\` ON \`experiments_secondary_metrics\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`experiments_secondary_metrics_parent_id_idx\` ON \`experiments_secondary_metrics\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`experiments_guardrail_metrics\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`kind\` text DEFAULT 'binomial' NOT NULL,
  	\`window_days\` numeric DEFAULT 7 NOT NULL,
  	\`event_type\` text DEFAULT 'conversion' NOT NULL,
  	\`event_name\` text,
  	\`higher_is_better\` integer DEFAULT true,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`experiments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`experiments_guardrail_metrics_order_idx\` ON \`experiments_guardrail_metrics\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`experiments_guardrail_metrics_parent_id_idx\` ON \`experiments_guardrail_metrics\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`experiments_phases\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`phase\` numeric,
  	\`started_at\` text,
  	\`coverage\` numeric,
  	\`arms\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`experiments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`experiments_phases_order_idx\` ON \`experiments_phases\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`experiments_phases_parent_id_idx\` ON \`experiments_phases\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`experiments_history\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`at\` text,
  	\`by\` text,
  	\`change\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`experiments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`experiments_history_order_idx\` ON \`experiments_history\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`experiments_history_parent_id_idx\` ON \`experiments_history\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`experiments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`key\` text NOT NULL,
  	\`hypothesis\` text,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`shipped_arm\` text,
  	\`phase\` numeric DEFAULT 1,
  	\`scope\` text DEFAULT 'block' NOT NULL,
  	\`block_id\` integer,
  	\`page_id\` integer,
  	\`coverage\` numeric DEFAULT 100 NOT NULL,
  	\`unit\` text DEFAULT 'person' NOT NULL,
  	\`purpose\` text DEFAULT 'analytics' NOT NULL,
  	\`start_at\` text,
  	\`end_at\` text,
  	\`primary_metric_label\` text NOT NULL,
  	\`primary_metric_kind\` text DEFAULT 'binomial' NOT NULL,
  	\`primary_metric_window_days\` numeric DEFAULT 7 NOT NULL,
  	\`primary_metric_event_type\` text DEFAULT 'conversion' NOT NULL,
  	\`primary_metric_event_name\` text,
  	\`primary_metric_higher_is_better\` integer DEFAULT true,
  	\`minimum_units_per_arm\` numeric DEFAULT 1000,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`block_id\`) REFERENCES \`blocks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`page_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`experiments_key_idx\` ON \`experiments\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`experiments_block_idx\` ON \`experiments\` (\`block_id\`);`)
  await db.run(sql`CREATE INDEX \`experiments_page_idx\` ON \`experiments\` (\`page_id\`);`)
  await db.run(sql`CREATE INDEX \`experiments_updated_at_idx\` ON \`experiments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`experiments_created_at_idx\` ON \`experiments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`experiments_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`segments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`experiments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`segments_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`experiments_rels_order_idx\` ON \`experiments_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`experiments_rels_parent_idx\` ON \`experiments_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`experiments_rels_path_idx\` ON \`experiments_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`experiments_rels_segments_id_idx\` ON \`experiments_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE TABLE \`experiment_exposures\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`dedupe_key\` text NOT NULL,
  	\`experiment\` text NOT NULL,
  	\`phase\` numeric NOT NULL,
  	\`arm\` text NOT NULL,
  	\`unit_kind\` text NOT NULL,
  	\`unit\` text NOT NULL,
  	\`profile_id\` integer,
  	\`channel\` text NOT NULL,
  	\`locale\` text,
  	\`segment\` text,
  	\`store\` text,
  	\`first_at\` text NOT NULL,
  	\`last_at\` text,
  	\`count\` numeric DEFAULT 1 NOT NULL,
  	\`multiple\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`profile_id\`) REFERENCES \`profiles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`experiment_exposures_dedupe_key_idx\` ON \`experiment_exposures\` (\`dedupe_key\`);`)
  await db.run(sql`CREATE INDEX \`experiment_exposures_experiment_idx\` ON \`experiment_exposures\` (\`experiment\`);`)
  await db.run(sql`CREATE INDEX \`experiment_exposures_profile_idx\` ON \`experiment_exposures\` (\`profile_id\`);`)
  await db.run(sql`CREATE INDEX \`experiment_exposures_first_at_idx\` ON \`experiment_exposures\` (\`first_at\`);`)
  await db.run(sql`CREATE INDEX \`experiment_exposures_updated_at_idx\` ON \`experiment_exposures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`experiment_exposures_created_at_idx\` ON \`experiment_exposures\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`experiment_settings\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`holdout_percent\` numeric DEFAULT 0,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`profiles\` ADD \`experiments\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`experiments_id\` integer REFERENCES experiments(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`experiment_exposures_id\` integer REFERENCES experiment_exposures(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_experiments_id_idx\` ON \`payload_locked_documents_rels\` (\`experiments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_experiment_exposures_id_idx\` ON \`payload_locked_documents_rels\` (\`experiment_exposures_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`experiments_arms\`;`)
  await db.run(sql`DROP TABLE \`experiments_channels\`;`)
  await db.run(sql`DROP TABLE \`experiments_secondary_metrics\`;`)
  await db.run(sql`DROP TABLE \`experiments_guardrail_metrics\`;`)
  await db.run(sql`DROP TABLE \`experiments_phases\`;`)
  await db.run(sql`DROP TABLE \`experiments_history\`;`)
  await db.run(sql`DROP TABLE \`experiments\`;`)
  await db.run(sql`DROP TABLE \`experiments_rels\`;`)
  await db.run(sql`DROP TABLE \`experiment_exposures\`;`)
  await db.run(sql`DROP TABLE \`experiment_settings\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`api_keys_id\` integer,
  	\`profiles_id\` integer,
  	\`profile_keys_id\` integer,
  	\`profile_events_id\` integer,
  	\`delivery_snapshots_id\` integer,
  	\`delivery_bundles_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`blocks_id\`) REFERENCES \`blocks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`segments_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stores_id\`) REFERENCES \`stores\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consent_purposes_id\`) REFERENCES \`consent_purposes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`api_keys_id\`) REFERENCES \`api_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`profiles_id\`) REFERENCES \`profiles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`profile_keys_id\`) REFERENCES \`profile_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`profile_events_id\`) REFERENCES \`profile_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`delivery_snapshots_id\`) REFERENCES \`delivery_snapshots\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`delivery_bundles_id\`) REFERENCES \`delivery_bundles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "blocks_id", "segments_id", "stores_id", "consent_purposes_id", "media_id", "users_id", "api_keys_id", "profiles_id", "profile_keys_id", "profile_events_id", "delivery_snapshots_id", "delivery_bundles_id") SELECT "id", "order", "parent_id", "path", "pages_id", "blocks_id", "segments_id", "stores_id", "consent_purposes_id", "media_id", "users_id", "api_keys_id", "profiles_id", "profile_keys_id", "profile_events_id", "delivery_snapshots_id", "delivery_bundles_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_blocks_id_idx\` ON \`payload_locked_documents_rels\` (\`blocks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_segments_id_idx\` ON \`payload_locked_documents_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_stores_id_idx\` ON \`payload_locked_documents_rels\` (\`stores_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consent_purposes_id_idx\` ON \`payload_locked_documents_rels\` (\`consent_purposes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_api_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`api_keys_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_profiles_id_idx\` ON \`payload_locked_documents_rels\` (\`profiles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_profile_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`profile_keys_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_profile_events_id_idx\` ON \`payload_locked_documents_rels\` (\`profile_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_delivery_snapshots_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_snapshots_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_delivery_bundles_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_bundles_id\`);`)
  await db.run(sql`ALTER TABLE \`profiles\` DROP COLUMN \`experiments\`;`)
}
