import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`delivery_snapshots\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`version\` text NOT NULL,
  	\`compiled_at\` text NOT NULL,
  	\`duration_ms\` numeric,
  	\`pages\` numeric,
  	\`blocks\` numeric,
  	\`segments\` numeric,
  	\`manifest\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`delivery_snapshots_version_idx\` ON \`delivery_snapshots\` (\`version\`);`)
  await db.run(sql`CREATE INDEX \`delivery_snapshots_updated_at_idx\` ON \`delivery_snapshots\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`delivery_snapshots_created_at_idx\` ON \`delivery_snapshots\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`delivery_bundles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`hash\` text NOT NULL,
  	\`page\` text NOT NULL,
  	\`bundle\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`delivery_bundles_hash_idx\` ON \`delivery_bundles\` (\`hash\`);`)
  await db.run(sql`CREATE INDEX \`delivery_bundles_updated_at_idx\` ON \`delivery_bundles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`delivery_bundles_created_at_idx\` ON \`delivery_bundles\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`delivery_status\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`active_version\` text,
  	\`activated_at\` text,
  	\`last_compile_status\` text,
  	\`last_compile_at\` text,
  	\`last_compile_duration_ms\` numeric,
  	\`last_compile_trigger\` text,
  	\`last_compile_error\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`segments\` ADD \`preferred_tone\` text;`)
  await db.run(sql`ALTER TABLE \`segments\` ADD \`preferred_length\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`delivery_snapshots_id\` integer REFERENCES delivery_snapshots(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`delivery_bundles_id\` integer REFERENCES delivery_bundles(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_delivery_snapshots_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_snapshots_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_delivery_bundles_id_idx\` ON \`payload_locked_documents_rels\` (\`delivery_bundles_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`delivery_snapshots\`;`)
  await db.run(sql`DROP TABLE \`delivery_bundles\`;`)
  await db.run(sql`DROP TABLE \`delivery_status\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`pages_id\` integer,
  	\`blocks_id\` integer,
  	\`segments_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`api_keys_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pages_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`blocks_id\`) REFERENCES \`blocks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`segments_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`api_keys_id\`) REFERENCES \`api_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "pages_id", "blocks_id", "segments_id", "media_id", "users_id", "api_keys_id") SELECT "id", "order", "parent_id", "path", "pages_id", "blocks_id", "segments_id", "media_id", "users_id", "api_keys_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_blocks_id_idx\` ON \`payload_locked_documents_rels\` (\`blocks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_segments_id_idx\` ON \`payload_locked_documents_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_api_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`api_keys_id\`);`)
  await db.run(sql`ALTER TABLE \`segments\` DROP COLUMN \`preferred_tone\`;`)
  await db.run(sql`ALTER TABLE \`segments\` DROP COLUMN \`preferred_length\`;`)
}
