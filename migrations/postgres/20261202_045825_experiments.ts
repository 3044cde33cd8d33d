import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_experiments_channels" AS ENUM('web', 'email', 'screen');
  CREATE TYPE "public"."enum_experiments_secondary_metrics_kind" AS ENUM('binomial', 'count', 'mean');
  CREATE TYPE "public"."enum_experiments_secondary_metrics_event_type" AS ENUM('page_view', 'click', 'conversion', 'form_answer', 'consent_change', 'trait_update', 'custom');
  CREATE TYPE "public"."enum_experiments_guardrail_metrics_kind" AS ENUM('binomial', 'count', 'mean');
  CREATE TYPE "public"."enum_experiments_guardrail_metrics_event_type" AS ENUM('page_view', 'click', 'conversion', 'form_answer', 'consent_change', 'trait_update', 'custom');
  CREATE TYPE "public"."enum_experiments_status" AS ENUM('draft', 'running', 'paused', 'stopped', 'shipped');
  CREATE TYPE "public"."enum_experiments_scope" AS ENUM('block', 'subject');
  CREATE TYPE "public"."enum_experiments_unit" AS ENUM('person', 'store');
  CREATE TYPE "public"."enum_experiments_primary_metric_kind" AS ENUM('binomial', 'count', 'mean');
  CREATE TYPE "public"."enum_experiments_primary_metric_event_type" AS ENUM('page_view', 'click', 'conversion', 'form_answer', 'consent_change', 'trait_update', 'custom');
  CREATE TYPE "public"."enum_experiment_exposures_unit_kind" AS ENUM('person', 'store');
  CREATE TYPE "public"."enum_experiment_exposures_channel" AS ENUM('web', 'email', 'screen');
  CREATE TABLE "experiments_arms" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"variant" varchar NOT NULL,
  	"label" varchar,
  	"weight" numeric DEFAULT 50 NOT NULL
  );
  
  CREATE TABLE "experiments_channels" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_experiments_channels",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "experiments_secondary_metrics" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"kind" "enum_experiments_secondary_metrics_kind" DEFAULT 'binomial' NOT NULL,
  	"window_days" numeric DEFAULT 7 NOT NULL,
  	"event_type" "enum_experiments_secondary_metrics_event_type" DEFAULT 'conversion' NOT NULL,
  	"event_name" varchar,
  	"higher_is_better" boolean DEFAULT true
  );
  
  CREATE TABLE "experiments_guardrail_metrics" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"label" varchar NOT NULL,
  	"kind" "enum_experiments_guardrail_metrics_kind" DEFAULT 'binomial' NOT NULL,
  	"window_days" numeric DEFAULT 7 NOT NULL,
  	"event_type" "enum_experiments_guardrail_metrics_event_type" DEFAULT 'conversion' NOT NULL,
  	"event_name" varchar,
  	"higher_is_better" boolean DEFAULT true
  );
  
  CREATE TABLE "experiments_phases" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"phase" numeric,
  	"started_at" timestamp(3) with time zone,
  	"coverage" numeric,
  	"arms" varchar
  );
  
  CREATE TABLE "experiments_history" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone,
  	"by" varchar,
  	"change" varchar
  );
  
  CREATE TABLE "experiments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"key" varchar NOT NULL,
  	"hypothesis" varchar,
  	"status" "enum_experiments_status" DEFAULT 'draft' NOT NULL,
  	"shipped_arm" varchar,
  	"phase" numeric DEFAULT 1,
  	"scope" "enum_experiments_scope" DEFAULT 'block' NOT NULL,
  	"block_id" integer,
  	"page_id" integer,
  	"coverage" numeric DEFAULT 100 NOT NULL,
  	"unit" "enum_experiments_unit" DEFAULT 'person' NOT NULL,
  	"purpose" varchar DEFAULT 'analytics' NOT NULL,
  	"start_at" timestamp(3) with time zone,
  	"end_at" timestamp(3) with time zone,
  	"primary_metric_label" varchar NOT NULL,
  	"primary_metric_kind" "enum_experiments_primary_metric_kind" DEFAULT 'binomial' NOT NULL,
  	"primary_metric_window_days" numeric DEFAULT 7 NOT NULL,
  	"primary_metric_event_type" "enum_experiments_primary_metric_event_type" DEFAULT 'conversion' NOT NULL,
  	"primary_metric_event_name" varchar,
  	"primary_metric_higher_is_better" boolean DEFAULT true,
  	"minimum_units_per_arm" numeric DEFAULT 1000,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "experiments_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"segments_id" integer
  );
  
  CREATE TABLE "experiment_exposures" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"dedupe_key" varchar NOT NULL,
  	"experiment" varchar NOT NULL,
  	"phase" numeric NOT NULL,
  	"arm" varchar NOT NULL,
  	"unit_kind" "enum_experiment_exposures_unit_kind" NOT NULL,
  	"unit" varchar NOT NULL,
  	"profile_id" integer,
  	"channel" "enum_experiment_exposures_channel" NOT NULL,
  	"locale" varchar,
  	"segment" varchar,
  	"store" varchar,
  	"first_at" timestamp(3) with time zone NOT NULL,
  	"last_at" timestamp(3) with time zone,
  	"count" numeric DEFAULT 1 NOT NULL,
  	"multiple" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "experiment_settings" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"holdout_percent" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "profiles" ADD COLUMN "experiments" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "experiments_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "experiment_exposures_id" integer;
  ALTER TABLE "experiments_arms" ADD CONSTRAINT "experiments_arms_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "experiments_channels" ADD CONSTRAINT "experiments_channels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "experiments_secondary_metrics" ADD CONSTRAINT "experiments_secondary_metrics_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "experiments_guardrail_metrics" ADD CONSTRAINT "experiments_guardrail_metrics_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "experiments_phases" ADD CONSTRAINT "experiments_phases_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "experiments_history" ADD CONSTRAINT "experiments_history_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "experiments" ADD CONSTRAINT "experiments_block_id_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."blocks"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "experiments" ADD CONSTRAINT "experiments_page_id_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "experiments_rels" ADD CONSTRAINT "experiments_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "experiments_rels" ADD CONSTRAINT "experiments_rels_segments_fk" FOREIGN KEY ("segments_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "experiment_exposures" ADD CONSTRAINT "experiment_exposures_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "experiments_arms_order_idx" ON "experiments_arms" USING btree ("_order");
  CREATE INDEX "experiments_arms_parent_id_idx" ON "experiments_arms" USING btree ("_parent_id");
  CREATE INDEX "experiments_channels_order_idx" ON "experiments_channels" USING btree ("order");
  CREATE INDEX "experiments_channels_parent_idx" ON "experiments_channels" USING btree ("parent_id");
  CREATE INDEX "experiments_secondary_metrics_order_idx" ON "experiments_secondary_metrics" USING btree ("_order");
  CREATE INDEX "experiments_secondary_metrics_parent_id_idx" ON "experiments_secondary_metrics" USING btree ("_parent_id");
  CREATE INDEX "experiments_guardrail_metrics_order_idx" ON "experiments_guardrail_metrics" USING btree ("_order");
  CREATE INDEX "experiments_guardrail_metrics_parent_id_idx" ON "experiments_guardrail_metrics" USING btree ("_parent_id");
  CREATE INDEX "experiments_phases_order_idx" ON "experiments_phases" USING btree ("_order");
  CREATE INDEX "experiments_phases_parent_id_idx" ON "experiments_phases" USING btree ("_parent_id");
  CREATE INDEX "experiments_history_order_idx" ON "experiments_history" USING btree ("_order");
  CREATE INDEX "experiments_history_parent_id_idx" ON "experiments_history" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "experiments_key_idx" ON "experiments" USING btree ("key");
  CREATE INDEX "experiments_block_idx" ON "experiments" USING btree ("block_id");
  CREATE INDEX "experiments_page_idx" ON "experiments" USING btree ("page_id");
  CREATE INDEX "experiments_updated_at_idx" ON "experiments" USING btree ("updated_at");
  CREATE INDEX "experiments_created_at_idx" ON "experiments" USING btree ("created_at");
  CREATE INDEX "experiments_rels_order_idx" ON "experiments_rels" USING btree ("order");
  CREATE INDEX "experiments_rels_parent_idx" ON "experiments_rels" USING btree ("parent_id");
  CREATE INDEX "experiments_rels_path_idx" ON "experiments_rels" USING btree ("path");
  CREATE INDEX "experiments_rels_segments_id_idx" ON "experiments_rels" USING btree ("segments_id");
  CREATE UNIQUE INDEX "experiment_exposures_dedupe_key_idx" ON "experiment_exposures" USING btree ("dedupe_key");
  CREATE INDEX "experiment_exposures_experiment_idx" ON "experiment_exposures" USING btree ("experiment");
  CREATE INDEX "experiment_exposures_profile_idx" ON "experiment_exposures" USING btree ("profile_id");
  CREATE INDEX "experiment_exposures_first_at_idx" ON "experiment_exposures" USING btree ("first_at");
  CREATE INDEX "experiment_exposures_updated_at_idx" ON "experiment_exposures" USING btree ("updated_at");
  CREATE INDEX "experiment_exposures_created_at_idx" ON "experiment_exposures" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_experiments_fk" FOREIGN KEY ("experiments_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_experiment_exposures_fk" FOREIGN KEY ("experiment_exposures_id") REFERENCES "public"."experiment_exposures"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_experiments_id_idx" ON "payload_locked_documents_rels" USING btree ("experiments_id");
  CREATE INDEX "payload_locked_documents_rels_experiment_exposures_id_idx" ON "payload_locked_documents_rels" USING btree ("experiment_exposures_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "experiments_arms" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "experiments_channels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "experiments_secondary_metrics" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "experiments_guardrail_metrics" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "experiments_phases" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "experiments_history" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "experiments" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "experiments_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "experiment_exposures" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "experiment_settings" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "experiments_arms" CASCADE;
  DROP TABLE "experiments_channels" CASCADE;
  DROP TABLE "experiments_secondary_metrics" CASCADE;
  DROP TABLE "experiments_guardrail_metrics" CASCADE;
  DROP TABLE "experiments_phases" CASCADE;
  DROP TABLE "experiments_history" CASCADE;
  DROP TABLE "experiments" CASCADE;
  DROP TABLE "experiments_rels" CASCADE;
  DROP TABLE "experiment_exposures" CASCADE;
  DROP TABLE "experiment_settings" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_experiments_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_experiment_exposures_fk";
  
  DROP INDEX "payload_locked_documents_rels_experiments_id_idx";
  DROP INDEX "payload_locked_documents_rels_experiment_exposures_id_idx";
  ALTER TABLE "profiles" DROP COLUMN "experiments";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "experiments_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "experiment_exposures_id";
  DROP TYPE "public"."enum_experiments_channels";
  DROP TYPE "public"."enum_experiments_secondary_metrics_kind";
  DROP TYPE "public"."enum_experiments_secondary_metrics_event_type";
  DROP TYPE "public"."enum_experiments_guardrail_metrics_kind";
  DROP TYPE "public"."enum_experiments_guardrail_metrics_event_type";
  DROP TYPE "public"."enum_experiments_status";
  DROP TYPE "public"."enum_experiments_scope";
  DROP TYPE "public"."enum_experiments_unit";
  DROP TYPE "public"."enum_experiments_primary_metric_kind";
  DROP TYPE "public"."enum_experiments_primary_metric_event_type";
  DROP TYPE "public"."enum_experiment_exposures_unit_kind";
  DROP TYPE "public"."enum_experiment_exposures_channel";`)
}
