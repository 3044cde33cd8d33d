import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`profiles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`display_name\` text,
  	\`customer_id\` text,
  	\`email\` text,
  	\`merged_into_id\` integer,
  	\`traits\` text,
  	\`consents\` text,
  	\`subscriptions\` text,
  	\`behaviour\` text,
  	\`last_seen_at\` text,
  	\`event_count\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`merged_into_id\`) REFERENCES \`profiles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`profiles_customer_id_idx\` ON \`profiles\` (\`customer_id\`);`)
  await db.run(sql`CREATE INDEX \`profiles_email_idx\` ON \`profiles\` (\`email\`);`)
  await db.run(sql`CREATE INDEX \`profiles_merged_into_idx\` ON \`profiles\` (\`merged_into_id\`);`)
  await db.run(sql`CREATE INDEX \`profiles_updated_at_idx\` ON \`profiles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`profiles_created_at_idx\` ON \`profiles\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`profiles_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`profiles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`profiles_texts_order_parent\` ON \`profiles_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`profile_keys\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`profile_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`profile_id\`) REFERENCES \`profiles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`profile_keys_key_idx\` ON \`profile_keys\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`profile_keys_profile_idx\` ON \`profile_keys\` (\`profile_id\`);`)
  await db.run(sql`CREATE INDEX \`profile_keys_updated_at_idx\` ON \`profile_keys\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`profile_keys_created_at_idx\` ON \`profile_keys\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`profile_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`idempotency_key\` text NOT NULL,
  	\`type\` text NOT NULL,
  	\`name\` text,
  	\`category\` text,
  	\`properties\` text,
  	\`profile_id\` integer NOT NULL,
  	\`occurred_at\` text NOT NULL,
  	\`source\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`profile_id\`) REFERENCES \`profiles\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`profile_events_idempotency_key_idx\` ON \`profile_events\` (\`idempotency_key\`);`)
  await db.run(sql`CREATE INDEX \`profile_events_type_idx\` ON \`profile_events\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`profile_events_category_idx\` ON \`profile_events\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`profile_events_profile_idx\` ON \`profile_events\` (\`profile_id\`);`)
  await db.run(sql`CREATE INDEX \`profile_events_occurred_at_idx\` ON \`profile_events\` (\`occurred_at\`);`)
  await db.run(sql`CREATE INDEX \`profile_events_updated_at_idx\` ON \`profile_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`profile_events_created_at_idx\` ON \`profile_events\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`segments_rules_conditions\` ADD \`event\` text;`)
  await db.run(sql`ALTER TABLE \`segments_rules_conditions\` ADD \`category\` text;`)
  await db.run(sql`ALTER TABLE \`segments_rules_conditions\` ADD \`window_days\` numeric DEFAULT 7;`)
  await db.run(sql`ALTER TABLE \`segments_rules_groups_conditions\` ADD \`event\` text;`)
  await db.run(sql`ALTER TABLE \`segments_rules_groups_conditions\` ADD \`category\` text;`)
  await db.run(sql`ALTER TABLE \`segments_rules_groups_conditions\` ADD \`window_days\` numeric DEFAULT 7;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`profiles_id\` integer REFERENCES profiles(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`profile_keys_id\` integer REFERENCES profile_keys(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`profile_events_id\` integer REFERENCES profile_events(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_profiles_id_idx\` ON \`payload_locked_documents_rels\` (\`profiles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_profile_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`profile_keys_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_profile_events_id_idx\` ON \`payload_locked_documents_rels\` (\`profile_events_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`profiles\`;`)
  await db.run(sql`DROP TABLE \`profiles_texts\`;`)
  await db.run(sql`DROP TABLE \`profile_keys\`;`)
  await db.run(sql`DROP TABLE \`profile_events\`;`)
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
  	FOREIGN KEY (\`delivery_snapshots_id\`) REFERENCES \`delivery_snapshots\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`delivery_bundles_id\`) REFERENCES \`delivery_bundles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "blocks_id", "segments_id", "stores_id", "consent_purposes_id", "media_id", "users_id", "api_keys_id", "delivery_snapshots_id", "delivery_bundles_id") SELECT "id", "order", "parent_id", "path", "pages_id", "blocks_id", "segments_id", "stores_id", "consent_purposes_id", "media_id", "users_id", "api_keys_id", "delivery_snapshots_id", "delivery_bundles_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_delivery_snapshots_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_snapshots_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_delivery_bundles_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_bundles_id\`);`)
  await db.run(sql`ALTER TABLE \`segments_rules_conditions\` DROP COLUMN \`event\`;`)
  await db.run(sql`ALTER TABLE \`segments_rules_conditions\` DROP COLUMN \`category\`;`)
  await db.run(sql`ALTER TABLE \`segments_rules_conditions\` DROP COLUMN \`window_days\`;`)
  await db.run(sql`ALTER TABLE \`segments_rules_groups_conditions\` DROP COLUMN \`event\`;`)
  await db.run(sql`ALTER TABLE \`segments_rules_groups_conditions\` DROP COLUMN \`category\`;`)
  await db.run(sql`ALTER TABLE \`segments_rules_groups_conditions\` DROP COLUMN \`window_days\`;`)
}
