import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_stores_format" AS ENUM('flagship', 'boutique', 'outlet', 'corner');
  CREATE TYPE "public"."enum_consent_purposes_kind" AS ENUM('necessary', 'personalization', 'analytics', 'marketing');
  ALTER TYPE "public"."enum_segments_rules_conditions_attribute" ADD VALUE 'storeFormat' BEFORE 'device';
  ALTER TYPE "public"."enum_segments_rules_groups_conditions_attribute" ADD VALUE 'storeFormat' BEFORE 'device';
  CREATE TABLE "stores" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"city" varchar NOT NULL,
  	"region" varchar,
  	"country" varchar DEFAULT 'FR' NOT NULL,
  	"timezone" varchar DEFAULT 'Europe/Paris' NOT NULL,
  	"format" "enum_stores_format" DEFAULT 'boutique' NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "consent_purposes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"kind" "enum_consent_purposes_kind" DEFAULT 'marketing' NOT NULL,
  	"paid" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "consent_purposes_locales" (
  	"name" varchar NOT NULL,
  	"description" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  ALTER TABLE "pages" ADD COLUMN "email_list_id" integer;
  ALTER TABLE "_pages_v" ADD COLUMN "version_email_list_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "stores_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "consent_purposes_id" integer;
  ALTER TABLE "consent_purposes_locales" ADD CONSTRAINT "consent_purposes_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."consent_purposes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "stores_slug_idx" ON "stores" USING btree ("slug");
  CREATE INDEX "stores_updated_at_idx" ON "stores" USING btree ("updated_at");
  CREATE INDEX "stores_created_at_idx" ON "stores" USING btree ("created_at");
  CREATE UNIQUE INDEX "consent_purposes_slug_idx" ON "consent_purposes" USING btree ("slug");
  CREATE INDEX "consent_purposes_updated_at_idx" ON "consent_purposes" USING btree ("updated_at");
  CREATE INDEX "consent_purposes_created_at_idx" ON "consent_purposes" USING btree ("created_at");
  CREATE UNIQUE INDEX "consent_purposes_locales_locale_parent_id_unique" ON "consent_purposes_locales" USING btree ("_locale","_parent_id");
  ALTER TABLE "pages" ADD CONSTRAINT "pages_email_list_id_consent_purposes_id_fk" FOREIGN KEY ("email_list_id") REFERENCES "public"."consent_purposes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_email_list_id_consent_purposes_id_fk" FOREIGN KEY ("version_email_list_id") REFERENCES "public"."consent_purposes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_stores_fk" FOREIGN KEY ("stores_id") REFERENCES "public"."stores"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_consent_purposes_fk" FOREIGN KEY ("consent_purposes_id") REFERENCES "public"."consent_purposes"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "pages_email_email_list_idx" ON "pages" USING btree ("email_list_id");
  CREATE INDEX "_pages_v_version_email_version_email_list_idx" ON "_pages_v" USING btree ("version_email_list_id");
  CREATE INDEX "payload_locked_documents_rels_stores_id_idx" ON "payload_locked_documents_rels" USING btree ("stores_id");
  CREATE INDEX "payload_locked_documents_rels_consent_purposes_id_idx" ON "payload_locked_documents_rels" USING btree ("consent_purposes_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "stores" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "consent_purposes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "consent_purposes_locales" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "stores" CASCADE;
  DROP TABLE "consent_purposes" CASCADE;
  DROP TABLE "consent_purposes_locales" CASCADE;
  ALTER TABLE "pages" DROP CONSTRAINT "pages_email_list_id_consent_purposes_id_fk";
  
  ALTER TABLE "_pages_v" DROP CONSTRAINT "_pages_v_version_email_list_id_consent_purposes_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_stores_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_consent_purposes_fk";
  
  ALTER TABLE "segments_rules_conditions" ALTER COLUMN "attribute" SET DATA TYPE text;
  DROP TYPE "public"."enum_segments_rules_conditions_attribute";
  CREATE TYPE "public"."enum_segments_rules_conditions_attribute" AS ENUM('trait', 'country', 'region', 'city', 'store', 'device', 'daypart', 'weekday', 'date', 'time', 'referrer', 'utmSource', 'utmMedium', 'utmCampaign', 'locale', 'channel', 'consent');
  ALTER TABLE "segments_rules_conditions" ALTER COLUMN "attribute" SET DATA TYPE "public"."enum_segments_rules_conditions_attribute" USING "attribute"::"public"."enum_segments_rules_conditions_attribute";
  ALTER TABLE "segments_rules_groups_conditions" ALTER COLUMN "attribute" SET DATA TYPE text;
  DROP TYPE "public"."enum_segments_rules_groups_conditions_attribute";
  CREATE TYPE "public"."enum_segments_rules_groups_conditions_attribute" AS ENUM('trait', 'country', 'region', 'city', 'store', 'device', 'daypart', 'weekday', 'date', 'time', 'referrer', 'utmSource', 'utmMedium', 'utmCampaign', 'locale', 'channel', 'consent');
  ALTER TABLE "segments_rules_groups_conditions" ALTER COLUMN "attribute" SET DATA TYPE "public"."enum_segments_rules_groups_conditions_attribute" USING "attribute"::"public"."enum_segments_rules_groups_conditions_attribute";
  DROP INDEX "pages_email_email_list_idx";
  DROP INDEX "_pages_v_version_email_version_email_list_idx";
  DROP INDEX "payload_locked_documents_rels_stores_id_idx";
  DROP INDEX "payload_locked_documents_rels_consent_purposes_id_idx";
  ALTER TABLE "pages" DROP COLUMN "email_list_id";
  ALTER TABLE "_pages_v" DROP COLUMN "version_email_list_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "stores_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "consent_purposes_id";
  DROP TYPE "public"."enum_stores_format";
  DROP TYPE "public"."enum_consent_purposes_kind";`)
}
