import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`pages_slots\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`block_id\` integer,
  	FOREIGN KEY (\`block_id\`) REFERENCES \`blocks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`pages_slots_order_idx\` ON \`pages_slots\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`pages_slots_parent_id_idx\` ON \`pages_slots\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_slots_block_idx\` ON \`pages_slots\` (\`block_id\`);`)
  await db.run(sql`CREATE TABLE \`pages_email_variants\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`tone\` text,
  	\`length\` text DEFAULT 'medium',
  	\`active_from\` text,
  	\`active_to\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`pages_email_variants_order_idx\` ON \`pages_email_variants\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`pages_email_variants_parent_id_idx\` ON \`pages_email_variants\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`pages_email_variants_locales\` (
  	\`subject\` text,
  	\`preheader\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`pages_email_variants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`pages_email_variants_locales_locale_parent_id_unique\` ON \`pages_email_variants_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`pages\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`channel\` text DEFAULT 'web',
  	\`email_tone\` text DEFAULT 'friendly',
  	\`email_length\` text DEFAULT 'medium',
  	\`screen_resolution\` text DEFAULT '1920x1080',
  	\`screen_orientation\` text DEFAULT 'landscape',
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`pages_slug_idx\` ON \`pages\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`pages_updated_at_idx\` ON \`pages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pages_created_at_idx\` ON \`pages\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`pages__status_idx\` ON \`pages\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`pages_locales\` (
  	\`title\` text,
  	\`email_subject\` text,
  	\`email_preheader\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`pages_locales_locale_parent_id_unique\` ON \`pages_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`pages_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`segments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`segments_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`pages_rels_order_idx\` ON \`pages_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_parent_idx\` ON \`pages_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_path_idx\` ON \`pages_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`pages_rels_segments_id_idx\` ON \`pages_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v_version_slots\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`block_id\` integer,
  	\`_uuid\` text,
  	FOREIGN KEY (\`block_id\`) REFERENCES \`blocks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_pages_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_pages_v_version_slots_order_idx\` ON \`_pages_v_version_slots\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_slots_parent_id_idx\` ON \`_pages_v_version_slots\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_slots_block_idx\` ON \`_pages_v_version_slots\` (\`block_id\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v_version_email_variants\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`tone\` text,
  	\`length\` text DEFAULT 'medium',
  	\`active_from\` text,
  	\`active_to\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_pages_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_pages_v_version_email_variants_order_idx\` ON \`_pages_v_version_email_variants\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_email_variants_parent_id_idx\` ON \`_pages_v_version_email_variants\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v_version_email_variants_locales\` (
  	\`subject\` text,
  	\`preheader\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_pages_v_version_email_variants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_pages_v_version_email_variants_locales_locale_parent_id_uni\` ON \`_pages_v_version_email_variants_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_channel\` text DEFAULT 'web',
  	\`version_email_tone\` text DEFAULT 'friendly',
  	\`version_email_length\` text DEFAULT 'medium',
  	\`version_screen_resolution\` text DEFAULT '1920x1080',
  	\`version_screen_orientation\` text DEFAULT 'landscape',
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`pages\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_pages_v_parent_idx\` ON \`_pages_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_slug_idx\` ON \`_pages_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_updated_at_idx\` ON \`_pages_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version_created_at_idx\` ON \`_pages_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_version_version__status_idx\` ON \`_pages_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_created_at_idx\` ON \`_pages_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_updated_at_idx\` ON \`_pages_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_snapshot_idx\` ON \`_pages_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_published_locale_idx\` ON \`_pages_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_latest_idx\` ON \`_pages_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v_locales\` (
  	\`version_title\` text,
  	\`version_email_subject\` text,
  	\`version_email_preheader\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_pages_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_pages_v_locales_locale_parent_id_unique\` ON \`_pages_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_pages_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`segments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_pages_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`segments_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_order_idx\` ON \`_pages_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_parent_idx\` ON \`_pages_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_path_idx\` ON \`_pages_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_pages_v_rels_segments_id_idx\` ON \`_pages_v_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE TABLE \`blocks_variants_channels\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` text NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`blocks_variants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`blocks_variants_channels_order_idx\` ON \`blocks_variants_channels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`blocks_variants_channels_parent_idx\` ON \`blocks_variants_channels\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`blocks_variants\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`tone\` text,
  	\`length\` text DEFAULT 'medium',
  	\`active_from\` text,
  	\`active_to\` text,
  	\`content_image_id\` integer,
  	\`content_cta_url\` text,
  	\`content_offer_code\` text,
  	\`content_offer_valid_until\` text,
  	\`content_product_price\` numeric,
  	\`content_product_currency\` text,
  	\`content_product_url\` text,
  	FOREIGN KEY (\`content_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`blocks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`blocks_variants_order_idx\` ON \`blocks_variants\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`blocks_variants_parent_id_idx\` ON \`blocks_variants\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`blocks_variants_content_content_image_idx\` ON \`blocks_variants\` (\`content_image_id\`);`)
  await db.run(sql`CREATE TABLE \`blocks_variants_locales\` (
  	\`content_headline\` text,
  	\`content_body\` text,
  	\`content_cta_label\` text,
  	\`content_offer_discount\` text,
  	\`content_product_name\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`blocks_variants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`blocks_variants_locales_locale_parent_id_unique\` ON \`blocks_variants_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`blocks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`kind\` text DEFAULT 'text',
  	\`tone\` text DEFAULT 'friendly',
  	\`length\` text DEFAULT 'medium',
  	\`content_image_id\` integer,
  	\`content_cta_url\` text,
  	\`content_offer_code\` text,
  	\`content_offer_valid_until\` text,
  	\`content_product_price\` numeric,
  	\`content_product_currency\` text DEFAULT 'EUR',
  	\`content_product_url\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`content_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`blocks_content_content_image_idx\` ON \`blocks\` (\`content_image_id\`);`)
  await db.run(sql`CREATE INDEX \`blocks_updated_at_idx\` ON \`blocks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`blocks_created_at_idx\` ON \`blocks\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`blocks__status_idx\` ON \`blocks\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`blocks_locales\` (
  	\`content_headline\` text,
  	\`content_body\` text,
  	\`content_cta_label\` text,
  	\`content_offer_discount\` text,
  	\`content_product_name\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`blocks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`blocks_locales_locale_parent_id_unique\` ON \`blocks_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`blocks_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`segments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`blocks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`segments_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`blocks_rels_order_idx\` ON \`blocks_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`blocks_rels_parent_idx\` ON \`blocks_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`blocks_rels_path_idx\` ON \`blocks_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`blocks_rels_segments_id_idx\` ON \`blocks_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE TABLE \`_blocks_v_version_variants_channels\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_blocks_v_version_variants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_blocks_v_version_variants_channels_order_idx\` ON \`_blocks_v_version_variants_channels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_version_variants_channels_parent_idx\` ON \`_blocks_v_version_variants_channels\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_blocks_v_version_variants\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`label\` text,
  	\`tone\` text,
  	\`length\` text DEFAULT 'medium',
  	\`active_from\` text,
  	\`active_to\` text,
  	\`content_image_id\` integer,
  	\`content_cta_url\` text,
  	\`content_offer_code\` text,
  	\`content_offer_valid_until\` text,
  	\`content_product_price\` numeric,
  	\`content_product_currency\` text,
  	\`content_product_url\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`content_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_blocks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_blocks_v_version_variants_order_idx\` ON \`_blocks_v_version_variants\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_version_variants_parent_id_idx\` ON \`_blocks_v_version_variants\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_version_variants_content_content_image_idx\` ON \`_blocks_v_version_variants\` (\`content_image_id\`);`)
  await db.run(sql`CREATE TABLE \`_blocks_v_version_variants_locales\` (
  	\`content_headline\` text,
  	\`content_body\` text,
  	\`content_cta_label\` text,
  	\`content_offer_discount\` text,
  	\`content_product_name\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_blocks_v_version_variants\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_blocks_v_version_variants_locales_locale_parent_id_unique\` ON \`_blocks_v_version_variants_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_blocks_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_kind\` text DEFAULT 'text',
  	\`version_tone\` text DEFAULT 'friendly',
  	\`version_length\` text DEFAULT 'medium',
  	\`version_content_image_id\` integer,
  	\`version_content_cta_url\` text,
  	\`version_content_offer_code\` text,
  	\`version_content_offer_valid_until\` text,
  	\`version_content_product_price\` numeric,
  	\`version_content_product_currency\` text DEFAULT 'EUR',
  	\`version_content_product_url\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`blocks\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_content_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_blocks_v_parent_idx\` ON \`_blocks_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_version_content_version_content_image_idx\` ON \`_blocks_v\` (\`version_content_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_version_version_updated_at_idx\` ON \`_blocks_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_version_version_created_at_idx\` ON \`_blocks_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_version_version__status_idx\` ON \`_blocks_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_created_at_idx\` ON \`_blocks_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_updated_at_idx\` ON \`_blocks_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_snapshot_idx\` ON \`_blocks_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_published_locale_idx\` ON \`_blocks_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_latest_idx\` ON \`_blocks_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_blocks_v_locales\` (
  	\`version_content_headline\` text,
  	\`version_content_body\` text,
  	\`version_content_cta_label\` text,
  	\`version_content_offer_discount\` text,
  	\`version_content_product_name\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_blocks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_blocks_v_locales_locale_parent_id_unique\` ON \`_blocks_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_blocks_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`segments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_blocks_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`segments_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_blocks_v_rels_order_idx\` ON \`_blocks_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_rels_parent_idx\` ON \`_blocks_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_rels_path_idx\` ON \`_blocks_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_blocks_v_rels_segments_id_idx\` ON \`_blocks_v_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE TABLE \`segments_rules_conditions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`attribute\` text NOT NULL,
  	\`trait\` text,
  	\`operator\` text DEFAULT 'equals' NOT NULL,
  	\`value\` text,
  	\`value_to\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`segments_rules_conditions_order_idx\` ON \`segments_rules_conditions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`segments_rules_conditions_parent_id_idx\` ON \`segments_rules_conditions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`segments_rules_groups_conditions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`attribute\` text NOT NULL,
  	\`trait\` text,
  	\`operator\` text DEFAULT 'equals' NOT NULL,
  	\`value\` text,
  	\`value_to\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`segments_rules_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`segments_rules_groups_conditions_order_idx\` ON \`segments_rules_groups_conditions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`segments_rules_groups_conditions_parent_id_idx\` ON \`segments_rules_groups_conditions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`segments_rules_groups\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`match\` text DEFAULT 'all' NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`segments_rules_groups_order_idx\` ON \`segments_rules_groups\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`segments_rules_groups_parent_id_idx\` ON \`segments_rules_groups\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`segments\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text NOT NULL,
  	\`priority\` numeric DEFAULT 0 NOT NULL,
  	\`rules_match\` text DEFAULT 'all' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`segments_slug_idx\` ON \`segments\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`segments_updated_at_idx\` ON \`segments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`segments_created_at_idx\` ON \`segments\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`segments_locales\` (
  	\`name\` text NOT NULL,
  	\`description\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`segments_locales_locale_parent_id_unique\` ON \`segments_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`segments_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`segments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`segments_texts_order_parent\` ON \`segments_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_web640_url\` text,
  	\`sizes_web640_width\` numeric,
  	\`sizes_web640_height\` numeric,
  	\`sizes_web640_mime_type\` text,
  	\`sizes_web640_filesize\` numeric,
  	\`sizes_web640_filename\` text,
  	\`sizes_web640avif_url\` text,
  	\`sizes_web640avif_width\` numeric,
  	\`sizes_web640avif_height\` numeric,
  	\`sizes_web640avif_mime_type\` text,
  	\`sizes_web640avif_filesize\` numeric,
  	\`sizes_web640avif_filename\` text,
  	\`sizes_web1024_url\` text,
  	\`sizes_web1024_width\` numeric,
  	\`sizes_web1024_height\` numeric,
  	\`sizes_web1024_mime_type\` text,
  	\`sizes_web1024_filesize\` numeric,
  	\`sizes_web1024_filename\` text,
  	\`sizes_web1024avif_url\` text,
  	\`sizes_web1024avif_width\` numeric,
  	\`sizes_web1024avif_height\` numeric,
  	\`sizes_web1024avif_mime_type\` text,
  	\`sizes_web1024avif_filesize\` numeric,
  	\`sizes_web1024avif_filename\` text,
  	\`sizes_web1600_url\` text,
  	\`sizes_web1600_width\` numeric,
  	\`sizes_web1600_height\` numeric,
  	\`sizes_web1600_mime_type\` text,
  	\`sizes_web1600_filesize\` numeric,
  	\`sizes_web1600_filename\` text,
  	\`sizes_web1600avif_url\` text,
  	\`sizes_web1600avif_width\` numeric,
  	\`sizes_web1600avif_height\` numeric,
  	\`sizes_web1600avif_mime_type\` text,
  	\`sizes_web1600avif_filesize\` numeric,
  	\`sizes_web1600avif_filename\` text,
  	\`sizes_email600_url\` text,
  	\`sizes_email600_width\` numeric,
  	\`sizes_email600_height\` numeric,
  	\`sizes_email600_mime_type\` text,
  	\`sizes_email600_filesize\` numeric,
  	\`sizes_email600_filename\` text,
  	\`sizes_email1200_url\` text,
  	\`sizes_email1200_width\` numeric,
  	\`sizes_email1200_height\` numeric,
  	\`sizes_email1200_mime_type\` text,
  	\`sizes_email1200_filesize\` numeric,
  	\`sizes_email1200_filename\` text,
  	\`sizes_screen1920_url\` text,
  	\`sizes_screen1920_width\` numeric,
  	\`sizes_screen1920_height\` numeric,
  	\`sizes_screen1920_mime_type\` text,
  	\`sizes_screen1920_filesize\` numeric,
  	\`sizes_screen1920_filename\` text,
  	\`sizes_screen3840_url\` text,
  	\`sizes_screen3840_width\` numeric,
  	\`sizes_screen3840_height\` numeric,
  	\`sizes_screen3840_mime_type\` text,
  	\`sizes_screen3840_filesize\` numeric,
  	\`sizes_screen3840_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_web640_sizes_web640_filename_idx\` ON \`media\` (\`sizes_web640_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_web640avif_sizes_web640avif_filename_idx\` ON \`media\` (\`sizes_web640avif_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_web1024_sizes_web1024_filename_idx\` ON \`media\` (\`sizes_web1024_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_web1024avif_sizes_web1024avif_filename_idx\` ON \`media\` (\`sizes_web1024avif_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_web1600_sizes_web1600_filename_idx\` ON \`media\` (\`sizes_web1600_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_web1600avif_sizes_web1600avif_filename_idx\` ON \`media\` (\`sizes_web1600avif_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_email600_sizes_email600_filename_idx\` ON \`media\` (\`sizes_email600_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_email1200_sizes_email1200_filename_idx\` ON \`media\` (\`sizes_email1200_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_screen1920_sizes_screen1920_filename_idx\` ON \`media\` (\`sizes_screen1920_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_screen3840_sizes_screen3840_filename_idx\` ON \`media\` (\`sizes_screen3840_filename\`);`)
  await db.run(sql`CREATE TABLE \`media_locales\` (
  	\`alt\` text NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`media_locales_locale_parent_id_unique\` ON \`media_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`role\` text DEFAULT 'editor' NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`api_keys_scopes\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`api_keys\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`api_keys_scopes_order_idx\` ON \`api_keys_scopes\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`api_keys_scopes_parent_idx\` ON \`api_keys_scopes\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`api_keys\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`hint\` text,
  	\`key_hash\` text,
  	\`revoked\` integer DEFAULT false,
  	\`revoked_at\` text,
  	\`expires_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`api_keys_key_hash_idx\` ON \`api_keys\` (\`key_hash\`);`)
  await db.run(sql`CREATE INDEX \`api_keys_updated_at_idx\` ON \`api_keys\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`api_keys_created_at_idx\` ON \`api_keys\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pages_id_idx\` ON \`payload_locked_documents_rels\` (\`pages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_blocks_id_idx\` ON \`payload_locked_documents_rels\` (\`blocks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_segments_id_idx\` ON \`payload_locked_documents_rels\` (\`segments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_api_keys_id_idx\` ON \`payload_locked_documents_rels\` (\`api_keys_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`pages_slots\`;`)
  await db.run(sql`DROP TABLE \`pages_email_variants\`;`)
  await db.run(sql`DROP TABLE \`pages_email_variants_locales\`;`)
  await db.run(sql`DROP TABLE \`pages\`;`)
  await db.run(sql`DROP TABLE \`pages_locales\`;`)
  await db.run(sql`DROP TABLE \`pages_rels\`;`)
  await db.run(sql`DROP TABLE \`_pages_v_version_slots\`;`)
  await db.run(sql`DROP TABLE \`_pages_v_version_email_variants\`;`)
  await db.run(sql`DROP TABLE \`_pages_v_version_email_variants_locales\`;`)
  await db.run(sql`DROP TABLE \`_pages_v\`;`)
  await db.run(sql`DROP TABLE \`_pages_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_pages_v_rels\`;`)
  await db.run(sql`DROP TABLE \`blocks_variants_channels\`;`)
  await db.run(sql`DROP TABLE \`blocks_variants\`;`)
  await db.run(sql`DROP TABLE \`blocks_variants_locales\`;`)
  await db.run(sql`DROP TABLE \`blocks\`;`)
  await db.run(sql`DROP TABLE \`blocks_locales\`;`)
  await db.run(sql`DROP TABLE \`blocks_rels\`;`)
  await db.run(sql`DROP TABLE \`_blocks_v_version_variants_channels\`;`)
  await db.run(sql`DROP TABLE \`_blocks_v_version_variants\`;`)
  await db.run(sql`DROP TABLE \`_blocks_v_version_variants_locales\`;`)
  await db.run(sql`DROP TABLE \`_blocks_v\`;`)
  await db.run(sql`DROP TABLE \`_blocks_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_blocks_v_rels\`;`)
  await db.run(sql`DROP TABLE \`segments_rules_conditions\`;`)
  await db.run(sql`DROP TABLE \`segments_rules_groups_conditions\`;`)
  await db.run(sql`DROP TABLE \`segments_rules_groups\`;`)
  await db.run(sql`DROP TABLE \`segments\`;`)
  await db.run(sql`DROP TABLE \`segments_locales\`;`)
  await db.run(sql`DROP TABLE \`segments_texts\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`media_locales\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`api_keys_scopes\`;`)
  await db.run(sql`DROP TABLE \`api_keys\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
