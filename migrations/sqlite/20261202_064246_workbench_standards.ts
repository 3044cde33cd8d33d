import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`standards\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`rule\` text NOT NULL,
  	\`level\` text DEFAULT 'blocking' NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`channel\` text,
  	\`kind\` text,
  	\`tone\` text,
  	\`min\` numeric,
  	\`max\` numeric,
  	\`min_width\` numeric,
  	\`min_height\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`standards_updated_at_idx\` ON \`standards\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`standards_created_at_idx\` ON \`standards\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`standards_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`standards\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`standards_texts_order_parent\` ON \`standards_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`standard_counts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`day\` text NOT NULL,
  	\`counted_at\` text NOT NULL,
  	\`total\` numeric NOT NULL,
  	\`blocking\` numeric NOT NULL,
  	\`warnings\` numeric NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`standard_counts_day_idx\` ON \`standard_counts\` (\`day\`);`)
  await db.run(sql`CREATE INDEX \`standard_counts_updated_at_idx\` ON \`standard_counts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`standard_counts_created_at_idx\` ON \`standard_counts\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`blocks\` ADD \`title\` text;`)
  await db.run(sql`ALTER TABLE \`_blocks_v\` ADD \`version_title\` text;`)
  // Blocks saved before titles existed get theirs (name · kind), as the collection's hook writes it.
  await db.run(sql`UPDATE \`blocks\` SET \`title\` = \`name\` || ' · ' || (CASE kind WHEN 'hero' THEN 'Hero' WHEN 'text' THEN 'Text' WHEN 'offer' THEN 'Offer' WHEN 'cta' THEN 'Call to action' WHEN 'image' THEN 'Image' WHEN 'product' THEN 'Product highlight' ELSE kind END);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`standards_id\` integer REFERENCES standards(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`standard_counts_id\` integer REFERENCES standard_counts(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_standards_id_idx\` ON \`payload_locked_documents_rels\` (\`standards_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_standard_counts_id_idx\` ON \`payload_locked_documents_rels\` (\`standard_counts_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`standards\`;`)
  await db.run(sql`DROP TABLE \`standards_texts\`;`)
  await db.run(sql`DROP TABLE \`standard_counts\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
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
  	\`experiments_id\` integer,
  	\`experiment_exposures_id\` integer,
  	\`media_id\` integer,
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
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "blocks_id", "segments_id", "stores_id", "consent_purposes_id", "experiments_id", "experiment_exposures_id", "media_id", "users_id", "api_keys_id", "profiles_id", "profile_keys_id", "profile_events_id", "delivery_snapshots_id", "delivery_bundles_id", "webhook_endpoints_id", "webhook_deliveries_id", "outbox_messages_id") SELECT "id", "order", "parent_id", "path", "pages_id", "blocks_id", "segments_id", "stores_id", "consent_purposes_id", "experiments_id", "experiment_exposures_id", "media_id", "users_id", "api_keys_id", "profiles_id", "profile_keys_id", "profile_events_id", "delivery_snapshots_id", "delivery_bundles_id", "webhook_endpoints_id", "webhook_deliveries_id", "outbox_messages_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_experiments_id_idx\` ON \`payload_locked_documents_rels\` (\`experiments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_experiment_exposures_id_idx\` ON \`payload_locked_documents_rels\` (\`experiment_exposures_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
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
  await db.run(sql`ALTER TABLE \`blocks\` DROP COLUMN \`title\`;`)
  await db.run(sql`ALTER TABLE \`_blocks_v\` DROP COLUMN \`version_title\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
}
