import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_experiments_secondary_metrics_kind" ADD VALUE 'nps';
  ALTER TYPE "public"."enum_experiments_secondary_metrics_kind" ADD VALUE 'ces';
  ALTER TYPE "public"."enum_experiments_secondary_metrics_kind" ADD VALUE 'csat';
  ALTER TYPE "public"."enum_experiments_guardrail_metrics_kind" ADD VALUE 'nps';
  ALTER TYPE "public"."enum_experiments_guardrail_metrics_kind" ADD VALUE 'ces';
  ALTER TYPE "public"."enum_experiments_guardrail_metrics_kind" ADD VALUE 'csat';
  ALTER TYPE "public"."enum_experiments_primary_metric_kind" ADD VALUE 'nps';
  ALTER TYPE "public"."enum_experiments_primary_metric_kind" ADD VALUE 'ces';
  ALTER TYPE "public"."enum_experiments_primary_metric_kind" ADD VALUE 'csat';
  ALTER TABLE "experiments_secondary_metrics" ALTER COLUMN "event_type" DROP NOT NULL;
  ALTER TABLE "experiments_guardrail_metrics" ALTER COLUMN "event_type" DROP NOT NULL;
  ALTER TABLE "experiments" ALTER COLUMN "primary_metric_event_type" DROP NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "experiments_secondary_metrics" ALTER COLUMN "kind" SET DATA TYPE text;
  ALTER TABLE "experiments_secondary_metrics" ALTER COLUMN "kind" SET DEFAULT 'binomial'::text;
  DROP TYPE "public"."enum_experiments_secondary_metrics_kind";
  CREATE TYPE "public"."enum_experiments_secondary_metrics_kind" AS ENUM('binomial', 'count', 'mean');
  ALTER TABLE "experiments_secondary_metrics" ALTER COLUMN "kind" SET DEFAULT 'binomial'::"public"."enum_experiments_secondary_metrics_kind";
  ALTER TABLE "experiments_secondary_metrics" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_experiments_secondary_metrics_kind" USING "kind"::"public"."enum_experiments_secondary_metrics_kind";
  ALTER TABLE "experiments_guardrail_metrics" ALTER COLUMN "kind" SET DATA TYPE text;
  ALTER TABLE "experiments_guardrail_metrics" ALTER COLUMN "kind" SET DEFAULT 'binomial'::text;
  DROP TYPE "public"."enum_experiments_guardrail_metrics_kind";
  CREATE TYPE "public"."enum_experiments_guardrail_metrics_kind" AS ENUM('binomial', 'count', 'mean');
  ALTER TABLE "experiments_guardrail_metrics" ALTER COLUMN "kind" SET DEFAULT 'binomial'::"public"."enum_experiments_guardrail_metrics_kind";
  ALTER TABLE "experiments_guardrail_metrics" ALTER COLUMN "kind" SET DATA TYPE "public"."enum_experiments_guardrail_metrics_kind" USING "kind"::"public"."enum_experiments_guardrail_metrics_kind";
  ALTER TABLE "experiments" ALTER COLUMN "primary_metric_kind" SET DATA TYPE text;
  ALTER TABLE "experiments" ALTER COLUMN "primary_metric_kind" SET DEFAULT 'binomial'::text;
  DROP TYPE "public"."enum_experiments_primary_metric_kind";
  CREATE TYPE "public"."enum_experiments_primary_metric_kind" AS ENUM('binomial', 'count', 'mean');
  ALTER TABLE "experiments" ALTER COLUMN "primary_metric_kind" SET DEFAULT 'binomial'::"public"."enum_experiments_primary_metric_kind";
  ALTER TABLE "experiments" ALTER COLUMN "primary_metric_kind" SET DATA TYPE "public"."enum_experiments_primary_metric_kind" USING "primary_metric_kind"::"public"."enum_experiments_primary_metric_kind";
  ALTER TABLE "experiments_secondary_metrics" ALTER COLUMN "event_type" SET NOT NULL;
  ALTER TABLE "experiments_guardrail_metrics" ALTER COLUMN "event_type" SET NOT NULL;
  ALTER TABLE "experiments" ALTER COLUMN "primary_metric_event_type" SET NOT NULL;`)
}
