import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_segments_preferred_tone" AS ENUM('formal', 'friendly', 'playful', 'urgent');
  CREATE TYPE "public"."enum_segments_preferred_length" AS ENUM('short', 'medium', 'long');
  CREATE TYPE "public"."enum_delivery_status_last_compile_status" AS ENUM('ok', 'failed');
  CREATE TABLE "delivery_snapshots" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"version" varchar NOT NULL,
  	"compiled_at" timestamp(3) with time zone NOT NULL,
  	"duration_ms" numeric,
  	"pages" numeric,
  	"blocks" numeric,
  	"segments" numeric,
  	"manifest" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "delivery_bundles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"hash" varchar NOT NULL,
  	"page" varchar NOT NULL,
  	"bundle" jsonb NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "delivery_status" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"active_version" varchar,
  	"activated_at" timestamp(3) with time zone,
  	"last_compile_status" "enum_delivery_status_last_compile_status",
  	"last_compile_at" timestamp(3) with time zone,
  	"last_compile_duration_ms" numeric,
  	"last_compile_trigger" varchar,
  	"last_compile_error" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "segments" ADD COLUMN "preferred_tone" "enum_segments_preferred_tone";
  ALTER TABLE "segments" ADD COLUMN "preferred_length" "enum_segments_preferred_length";
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "delivery_snapshots_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "delivery_bundles_id" integer;
  CREATE UNIQUE INDEX "delivery_snapshots_version_idx" ON "delivery_snapshots" USING btree ("version");
  CREATE INDEX "delivery_snapshots_updated_at_idx" ON "delivery_snapshots" USING btree ("updated_at");
  CREATE INDEX "delivery_snapshots_created_at_idx" ON "delivery_snapshots" USING btree ("created_at");
  CREATE UNIQUE INDEX "delivery_bundles_hash_idx" ON "delivery_bundles" USING btree ("hash");
  CREATE INDEX "delivery_bundles_updated_at_idx" ON "delivery_bundles" USING btree ("updated_at");
  CREATE INDEX "delivery_bundles_created_at_idx" ON "delivery_bundles" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_delivery_snapshots_fk" FOREIGN KEY ("delivery_snapshots_id") REFERENCES "public"."delivery_snapshots"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_delivery_bundles_fk" FOREIGN KEY ("delivery_bundles_id") REFERENCES "public"."delivery_bundles"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_delivery_snapshots_id_idx" ON "payload_locked_documents_rels" USING btree ("delivery_snapshots_id");
  CREATE INDEX "payload_locked_documents_rels_delivery_bundles_id_idx" ON "payload_locked_documents_rels" USING btree ("delivery_bundles_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "delivery_snapshots" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "delivery_bundles" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "delivery_status" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "delivery_snapshots" CASCADE;
  DROP TABLE "delivery_bundles" CASCADE;
  DROP TABLE "delivery_status" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_delivery_snapshots_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_delivery_bundles_fk";
  
  DROP INDEX "payload_locked_documents_rels_delivery_snapshots_id_idx";
  DROP INDEX "payload_locked_documents_rels_delivery_bundles_id_idx";
  ALTER TABLE "segments" DROP COLUMN "preferred_tone";
  ALTER TABLE "segments" DROP COLUMN "preferred_length";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "delivery_snapshots_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "delivery_bundles_id";
  DROP TYPE "public"."enum_segments_preferred_tone";
  DROP TYPE "public"."enum_segments_preferred_length";
  DROP TYPE "public"."enum_delivery_status_last_compile_status";`)
}
