import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_segments_rules_conditions_event" AS ENUM('page_view', 'click', 'conversion', 'form_answer', 'consent_change', 'trait_update', 'custom');
  CREATE TYPE "public"."enum_segments_rules_groups_conditions_event" AS ENUM('page_view', 'click', 'conversion', 'form_answer', 'consent_change', 'trait_update', 'custom');
  CREATE TYPE "public"."enum_profile_events_type" AS ENUM('page_view', 'click', 'conversion', 'form_answer', 'consent_change', 'trait_update', 'custom');
  ALTER TYPE "public"."enum_segments_rules_conditions_attribute" ADD VALUE 'behaviour';
  ALTER TYPE "public"."enum_segments_rules_groups_conditions_attribute" ADD VALUE 'behaviour';
  CREATE TABLE "profiles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"display_name" varchar,
  	"customer_id" varchar,
  	"email" varchar,
  	"merged_into_id" integer,
  	"traits" jsonb,
  	"consents" jsonb,
  	"subscriptions" jsonb,
  	"behaviour" jsonb,
  	"last_seen_at" timestamp(3) with time zone,
  	"event_count" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "profiles_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "profile_keys" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"profile_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "profile_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"idempotency_key" varchar NOT NULL,
  	"type" "enum_profile_events_type" NOT NULL,
  	"name" varchar,
  	"category" varchar,
  	"properties" jsonb,
  	"profile_id" integer NOT NULL,
  	"occurred_at" timestamp(3) with time zone NOT NULL,
  	"source" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "segments_rules_conditions" ADD COLUMN "event" "enum_segments_rules_conditions_event";
  ALTER TABLE "segments_rules_conditions" ADD COLUMN "category" varchar;
  ALTER TABLE "segments_rules_conditions" ADD COLUMN "window_days" numeric DEFAULT 7;
  ALTER TABLE "segments_rules_groups_conditions" ADD COLUMN "event" "enum_segments_rules_groups_conditions_event";
  ALTER TABLE "segments_rules_groups_conditions" ADD COLUMN "category" varchar;
  ALTER TABLE "segments_rules_groups_conditions" ADD COLUMN "window_days" numeric DEFAULT 7;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "profiles_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "profile_keys_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "profile_events_id" integer;
  ALTER TABLE "profiles" ADD CONSTRAINT "profiles_merged_into_id_profiles_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."profiles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "profiles_texts" ADD CONSTRAINT "profiles_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "profile_keys" ADD CONSTRAINT "profile_keys_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "profile_events" ADD CONSTRAINT "profile_events_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "profiles_customer_id_idx" ON "profiles" USING btree ("customer_id");
  CREATE INDEX "profiles_email_idx" ON "profiles" USING btree ("email");
  CREATE INDEX "profiles_merged_into_idx" ON "profiles" USING btree ("merged_into_id");
  CREATE INDEX "profiles_updated_at_idx" ON "profiles" USING btree ("updated_at");
  CREATE INDEX "profiles_created_at_idx" ON "profiles" USING btree ("created_at");
  CREATE INDEX "profiles_texts_order_parent" ON "profiles_texts" USING btree ("order","parent_id");
  CREATE UNIQUE INDEX "profile_keys_key_idx" ON "profile_keys" USING btree ("key");
  CREATE INDEX "profile_keys_profile_idx" ON "profile_keys" USING btree ("profile_id");
  CREATE INDEX "profile_keys_updated_at_idx" ON "profile_keys" USING btree ("updated_at");
  CREATE INDEX "profile_keys_created_at_idx" ON "profile_keys" USING btree ("created_at");
  CREATE UNIQUE INDEX "profile_events_idempotency_key_idx" ON "profile_events" USING btree ("idempotency_key");
  CREATE INDEX "profile_events_type_idx" ON "profile_events" USING btree ("type");
  CREATE INDEX "profile_events_category_idx" ON "profile_events" USING btree ("category");
  CREATE INDEX "profile_events_profile_idx" ON "profile_events" USING btree ("profile_id");
  CREATE INDEX "profile_events_occurred_at_idx" ON "profile_events" USING btree ("occurred_at");
  CREATE INDEX "profile_events_updated_at_idx" ON "profile_events" USING btree ("updated_at");
  CREATE INDEX "profile_events_created_at_idx" ON "profile_events" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_profiles_fk" FOREIGN KEY ("profiles_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_profile_keys_fk" FOREIGN KEY ("profile_keys_id") REFERENCES "public"."profile_keys"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_profile_events_fk" FOREIGN KEY ("profile_events_id") REFERENCES "public"."profile_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_profiles_id_idx" ON "payload_locked_documents_rels" USING btree ("profiles_id");
  CREATE INDEX "payload_locked_documents_rels_profile_keys_id_idx" ON "payload_locked_documents_rels" USING btree ("profile_keys_id");
  CREATE INDEX "payload_locked_documents_rels_profile_events_id_idx" ON "payload_locked_documents_rels" USING btree ("profile_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "profiles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "profiles_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "profile_keys" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "profile_events" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "profiles" CASCADE;
  DROP TABLE "profiles_texts" CASCADE;
  DROP TABLE "profile_keys" CASCADE;
  DROP TABLE "profile_events" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_profiles_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_profile_keys_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_profile_events_fk";
  
  ALTER TABLE "segments_rules_conditions" ALTER COLUMN "attribute" SET DATA TYPE text;
  DROP TYPE "public"."enum_segments_rules_conditions_attribute";
  CREATE TYPE "public"."enum_segments_rules_conditions_attribute" AS ENUM('trait', 'country', 'region', 'city', 'store', 'storeFormat', 'device', 'daypart', 'weekday', 'date', 'time', 'referrer', 'utmSource', 'utmMedium', 'utmCampaign', 'locale', 'channel', 'consent');
  ALTER TABLE "segments_rules_conditions" ALTER COLUMN "attribute" SET DATA TYPE "public"."enum_segments_rules_conditions_attribute" USING "attribute"::"public"."enum_segments_rules_conditions_attribute";
  ALTER TABLE "segments_rules_groups_conditions" ALTER COLUMN "attribute" SET DATA TYPE text;
  DROP TYPE "public"."enum_segments_rules_groups_conditions_attribute";
  CREATE TYPE "public"."enum_segments_rules_groups_conditions_attribute" AS ENUM('trait', 'country', 'region', 'city', 'store', 'storeFormat', 'device', 'daypart', 'weekday', 'date', 'time', 'referrer', 'utmSource', 'utmMedium', 'utmCampaign', 'locale', 'channel', 'consent');
  ALTER TABLE "segments_rules_groups_conditions" ALTER COLUMN "attribute" SET DATA TYPE "public"."enum_segments_rules_groups_conditions_attribute" USING "attribute"::"public"."enum_segments_rules_groups_conditions_attribute";
  DROP INDEX "payload_locked_documents_rels_profiles_id_idx";
  DROP INDEX "payload_locked_documents_rels_profile_keys_id_idx";
  DROP INDEX "payload_locked_documents_rels_profile_events_id_idx";
  ALTER TABLE "segments_rules_conditions" DROP COLUMN "event";
  ALTER TABLE "segments_rules_conditions" DROP COLUMN "category";
  ALTER TABLE "segments_rules_conditions" DROP COLUMN "window_days";
  ALTER TABLE "segments_rules_groups_conditions" DROP COLUMN "event";
  ALTER TABLE "segments_rules_groups_conditions" DROP COLUMN "category";
  ALTER TABLE "segments_rules_groups_conditions" DROP COLUMN "window_days";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "profiles_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "profile_keys_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "profile_events_id";
  DROP TYPE "public"."enum_segments_rules_conditions_event";
  DROP TYPE "public"."enum_segments_rules_groups_conditions_event";
  DROP TYPE "public"."enum_profile_events_type";`)
}
