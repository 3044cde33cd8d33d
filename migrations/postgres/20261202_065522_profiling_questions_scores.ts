import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_questions_channels" AS ENUM('web', 'email', 'screen');
  CREATE TYPE "public"."enum_questions_type" AS ENUM('text', 'email', 'single', 'multiple', 'number', 'yes_no', 'date', 'nps', 'ces', 'csat');
  CREATE TYPE "public"."enum_interest_scores_rules_event" AS ENUM('page_view', 'click', 'conversion', 'form_answer', 'consent_change', 'trait_update', 'custom');
  ALTER TYPE "public"."enum_blocks_kind" ADD VALUE 'ask';
  ALTER TYPE "public"."enum__blocks_v_version_kind" ADD VALUE 'ask';
  ALTER TYPE "public"."enum_standards_kind" ADD VALUE 'ask';
  CREATE TABLE "questions_options" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"value" varchar
  );
  
  CREATE TABLE "questions_options_locales" (
  	"label" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "questions_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_questions_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "questions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"trait" varchar NOT NULL,
  	"type" "enum_questions_type" DEFAULT 'text' NOT NULL,
  	"priority" numeric DEFAULT 0,
  	"cooldown_days" numeric DEFAULT 30,
  	"fatigue_days" numeric DEFAULT 30,
  	"purpose_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "questions_locales" (
  	"text" varchar NOT NULL,
  	"follow_up" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "questions_texts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"text" varchar
  );
  
  CREATE TABLE "questions_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"segments_id" integer
  );
  
  CREATE TABLE "interest_scores_rules" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"event" "enum_interest_scores_rules_event" NOT NULL,
  	"category" varchar,
  	"points" numeric DEFAULT 1 NOT NULL
  );
  
  CREATE TABLE "interest_scores" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"slug" varchar NOT NULL,
  	"cap" numeric DEFAULT 100 NOT NULL,
  	"half_life_days" numeric DEFAULT 30 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "interest_scores_locales" (
  	"name" varchar NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  ALTER TABLE "blocks" ADD COLUMN "ask_max" numeric DEFAULT 1;
  ALTER TABLE "blocks_rels" ADD COLUMN "questions_id" integer;
  ALTER TABLE "_blocks_v" ADD COLUMN "version_ask_max" numeric DEFAULT 1;
  ALTER TABLE "_blocks_v_rels" ADD COLUMN "questions_id" integer;
  ALTER TABLE "profiles" ADD COLUMN "asks" jsonb;
  ALTER TABLE "profiles" ADD COLUMN "scores" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "questions_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "interest_scores_id" integer;
  ALTER TABLE "questions_options" ADD CONSTRAINT "questions_options_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "questions_options_locales" ADD CONSTRAINT "questions_options_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."questions_options"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "questions_channels" ADD CONSTRAINT "questions_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "questions" ADD CONSTRAINT "questions_purpose_id_consent_purposes_id_fk" FOREIGN KEY ("purpose_id") REFERENCES "public"."consent_purposes"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "questions_locales" ADD CONSTRAINT "questions_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "questions_texts" ADD CONSTRAINT "questions_texts_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "questions_rels" ADD CONSTRAINT "questions_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "questions_rels" ADD CONSTRAINT "questions_rels_segments_fk" FOREIGN KEY ("segments_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "interest_scores_rules" ADD CONSTRAINT "interest_scores_rules_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."interest_scores"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "interest_scores_locales" ADD CONSTRAINT "interest_scores_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."interest_scores"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "questions_options_order_idx" ON "questions_options" USING btree ("_order");
  CREATE INDEX "questions_options_parent_id_idx" ON "questions_options" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "questions_options_locales_locale_parent_id_unique" ON "questions_options_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "questions_channels_order_idx" ON "questions_channels" USING btree ("order");
  CREATE INDEX "questions_channels_parent_idx" ON "questions_channels" USING btree ("parent_id");
  CREATE UNIQUE INDEX "questions_trait_idx" ON "questions" USING btree ("trait");
  CREATE INDEX "questions_purpose_idx" ON "questions" USING btree ("purpose_id");
  CREATE INDEX "questions_updated_at_idx" ON "questions" USING btree ("updated_at");
  CREATE INDEX "questions_created_at_idx" ON "questions" USING btree ("created_at");
  CREATE UNIQUE INDEX "questions_locales_locale_parent_id_unique" ON "questions_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "questions_texts_order_parent" ON "questions_texts" USING btree ("order","parent_id");
  CREATE INDEX "questions_rels_order_idx" ON "questions_rels" USING btree ("order");
  CREATE INDEX "questions_rels_parent_idx" ON "questions_rels" USING btree ("parent_id");
  CREATE INDEX "questions_rels_path_idx" ON "questions_rels" USING btree ("path");
  CREATE INDEX "questions_rels_segments_id_idx" ON "questions_rels" USING btree ("segments_id");
  CREATE INDEX "interest_scores_rules_order_idx" ON "interest_scores_rules" USING btree ("_order");
  CREATE INDEX "interest_scores_rules_parent_id_idx" ON "interest_scores_rules" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "interest_scores_slug_idx" ON "interest_scores" USING btree ("slug");
  CREATE INDEX "interest_scores_updated_at_idx" ON "interest_scores" USING btree ("updated_at");
  CREATE INDEX "interest_scores_created_at_idx" ON "interest_scores" USING btree ("created_at");
  CREATE UNIQUE INDEX "interest_scores_locales_locale_parent_id_unique" ON "interest_scores_locales" USING btree ("_locale","_parent_id");
  ALTER TABLE "blocks_rels" ADD CONSTRAINT "blocks_rels_questions_fk" FOREIGN KEY ("questions_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_blocks_v_rels" ADD CONSTRAINT "_blocks_v_rels_questions_fk" FOREIGN KEY ("questions_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_questions_fk" FOREIGN KEY ("questions_id") REFERENCES "public"."questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_interest_scores_fk" FOREIGN KEY ("interest_scores_id") REFERENCES "public"."interest_scores"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "blocks_rels_questions_id_idx" ON "blocks_rels" USING btree ("questions_id");
  CREATE INDEX "_blocks_v_rels_questions_id_idx" ON "_blocks_v_rels" USING btree ("questions_id");
  CREATE INDEX "payload_locked_documents_rels_questions_id_idx" ON "payload_locked_documents_rels" USING btree ("questions_id");
  CREATE INDEX "payload_locked_documents_rels_interest_scores_id_idx" ON "payload_locked_documents_rels" USING btree ("interest_scores_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "questions_options" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "questions_options_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "questions_channels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "questions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "questions_locales" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "questions_texts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "questions_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "interest_scores_rules" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "interest_scores" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "interest_scores_locales" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "questions_options" CASCADE;
  DROP TABLE "questions_options_locales" CASCADE;
  DROP TABLE "questions_channels" CASCADE;
  DROP TABLE "questions" CASCADE;
  DROP TABLE "questions_locales" CASCADE;
  DROP TABLE "questions_texts" CASCADE;
  DROP TABLE "questions_rels" CASCADE;
  DROP TABLE "interest_scores_rules" CASCADE;
  DROP TABLE "interest_scores" CASCADE;
  DROP TABLE "interest_scores_locales" CASCADE;
  ALTER TABLE "blocks_rels" DROP CONSTRAINT "blocks_rels_questions_fk";
  
  ALTER TABLE "_blocks_v_rels" DROP CONSTRAINT "_blocks_v_rels_questions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_questions_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_interest_scores_fk";
  
  ALTER TABLE "blocks" ALTER COLUMN "kind" SET DATA TYPE text;
  ALTER TABLE "blocks" ALTER COLUMN "kind" SET DEFAULT 'text'::text;
  DROP TYPE "public"."enum_blocks_kind";
  CREATE TYPE "public"."enum_blocks_kind" AS ENUM('hero', 'text', 'offer', 'cta', 'image', 'product');
  ALTER TABLE "blocks" ALTER COLUMN "kind" SET DEFAULT 'text'::"public"."enum_blocks_kind";
  ALTER TABLE "blocks" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_blocks_kind" USING "kind"::"public"."enum_blocks_kind";
  ALTER TABLE "_blocks_v" ALTER COLUMN "version_kind" SET DATA TYPE text;
  ALTER TABLE "_blocks_v" ALTER COLUMN "version_kind" SET DEFAULT 'text'::text;
  DROP TYPE "public"."enum__blocks_v_version_kind";
  CREATE TYPE "public"."enum__blocks_v_version_kind" AS ENUM('hero', 'text', 'offer', 'cta', 'image', 'product');
  ALTER TABLE "_blocks_v" ALTER COLUMN "version_kind" SET DEFAULT 'text'::"public"."enum__blocks_v_version_kind";
  ALTER TABLE "_blocks_v" ALTER COLUMN "version_kind" SET DATA TYPE "public"."enum__blocks_v_version_kind" USING "version_kind"::"public"."enum__blocks_v_version_kind";
  ALTER TABLE "standards" ALTER COLUMN "kind" SET DATA TYPE text;
  DROP TYPE "public"."enum_standards_kind";
  CREATE TYPE "public"."enum_standards_kind" AS ENUM('hero', 'text', 'offer', 'cta', 'image', 'product');
  ALTER TABLE "standards" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_standards_kind" USING "kind"::"public"."enum_standards_kind";
  DROP INDEX "blocks_rels_questions_id_idx";
  DROP INDEX "_blocks_v_rels_questions_id_idx";
  DROP INDEX "payload_locked_documents_rels_questions_id_idx";
  DROP INDEX "payload_locked_documents_rels_interest_scores_id_idx";
  ALTER TABLE "blocks" DROP COLUMN "ask_max";
  ALTER TABLE "blocks_rels" DROP COLUMN "questions_id";
  ALTER TABLE "_blocks_v" DROP COLUMN "version_ask_max";
  ALTER TABLE "_blocks_v_rels" DROP COLUMN "questions_id";
  ALTER TABLE "profiles" DROP COLUMN "asks";
  ALTER TABLE "profiles" DROP COLUMN "scores";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "questions_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "interest_scores_id";
  DROP TYPE "public"."enum_questions_channels";
  DROP TYPE "public"."enum_questions_type";
  DROP TYPE "public"."enum_interest_scores_rules_event";`)
}
