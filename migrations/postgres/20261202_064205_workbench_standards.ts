import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_standards_rule" AS ENUM('headlineLength', 'subjectLength', 'preheaderLength', 'imageResolution', 'offerCta', 'toneWords', 'emailSize');
  CREATE TYPE "public"."enum_standards_level" AS ENUM('blocking', 'warning');
  CREATE TYPE "public"."enum_standards_channel" AS ENUM('web', 'email', 'screen');
  CREATE TYPE "public"."enum_standards_kind" AS ENUM('hero', 'text', 'offer', 'cta', 'image', 'product');
  CREATE TYPE "public"."enum_standards_tone" AS ENUM('formal', 'friendly', 'playful', 'urgent');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'countStandardViolations' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'countStandardViolations' BEFORE 'schedulePublish';
  CREATE TABLE "standards" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"rule" "enum_standards_rule" NOT NULL,
  	"level" "enum_standards_level" DEFAULT 'blocking' NOT NULL,
  	"active" boolean DEFAULT true,
  	"channel" "enum_standards_channel",
  	"kind" "enum_standards_kind",
  	"tone" "enum_standards_tone",
  	"min" numeric,
  	"max" numeric,
  	"min_width" numeric,
  	"min_height" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "standards_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "standard_counts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"day" varchar NOT NULL,
  	"counted_at" timestamp(3) with time zone NOT NULL,
  	"total" numeric NOT NULL,
  	"blocking" numeric NOT NULL,
  	"warnings" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "blocks" ADD COLUMN "title" varchar;
  ALTER TABLE "_blocks_v" ADD COLUMN "version_title" varchar;
  -- Blocks saved before titles existed get theirs (name · kind), as the collection's hook writes it.
  UPDATE "blocks" SET "title" = "name" || ' · ' || (CASE "kind" WHEN 'hero' THEN 'Hero' WHEN 'text' THEN 'Text' WHEN 'offer' THEN 'Offer' WHEN 'cta' THEN 'Call to action' WHEN 'image' THEN 'Image' WHEN 'product' THEN 'Product highlight' ELSE "kind"::text END);
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "standards_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "standard_counts_id" integer;
  ALTER TABLE "standards_texts" ADD CONSTRAINT "standards_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."standards"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "standards_updated_at_idx" ON "standards" USING btree ("updated_at");
  CREATE INDEX "standards_created_at_idx" ON "standards" USING btree ("created_at");
  CREATE INDEX "standards_texts_order_parent" ON "standards_texts" USING btree ("order","parent_id");
  CREATE UNIQUE INDEX "standard_counts_day_idx" ON "standard_counts" USING btree ("day");
  CREATE INDEX "standard_counts_updated_at_idx" ON "standard_counts" USING btree ("updated_at");
  CREATE INDEX "standard_counts_created_at_idx" ON "standard_counts" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_standards_fk" FOREIGN KEY ("standards_id") REFERENCES "public"."standards"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_standard_counts_fk" FOREIGN KEY ("standard_counts_id") REFERENCES "public"."standard_counts"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_standards_id_idx" ON "payload_locked_documents_rels" USING btree ("standards_id");
  CREATE INDEX "payload_locked_documents_rels_standard_counts_id_idx" ON "payload_locked_documents_rels" USING btree ("standard_counts_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "standards" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "standards_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "standard_counts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "standards" CASCADE;
  DROP TABLE "standards_texts" CASCADE;
  DROP TABLE "standard_counts" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_standards_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_standard_counts_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_standards_id_idx";
  DROP INDEX "payload_locked_documents_rels_standard_counts_id_idx";
  ALTER TABLE "blocks" DROP COLUMN "title";
  ALTER TABLE "_blocks_v" DROP COLUMN "version_title";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "standards_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "standard_counts_id";
  DROP TYPE "public"."enum_standards_rule";
  DROP TYPE "public"."enum_standards_level";
  DROP TYPE "public"."enum_standards_channel";
  DROP TYPE "public"."enum_standards_kind";
  DROP TYPE "public"."enum_standards_tone";`)
}
