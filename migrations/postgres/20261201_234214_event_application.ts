import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "profile_events" ADD COLUMN "traits" jsonb;
  ALTER TABLE "profile_events" ADD COLUMN "consents" jsonb;
  ALTER TABLE "profile_events" ADD COLUMN "received_at" timestamp(3) with time zone;
  ALTER TABLE "profile_events" ADD COLUMN "applied" boolean DEFAULT false;
  CREATE INDEX "profile_events_applied_idx" ON "profile_events" USING btree ("applied");`)
  // Events stored before were folded into their profiles after their commit: they count as applied,
  // received when stored. Their traits and consents were kept in properties; the types that require them are unambiguous.
  await db.execute(sql`
   UPDATE "profile_events" SET "applied" = true, "received_at" = "created_at";
  UPDATE "profile_events" SET "traits" = "properties"->'traits' WHERE "type" IN ('trait_update', 'form_answer');
  UPDATE "profile_events" SET "consents" = "properties"->'consents' WHERE "type" = 'consent_change';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "profile_events_applied_idx";
  ALTER TABLE "profile_events" DROP COLUMN "traits";
  ALTER TABLE "profile_events" DROP COLUMN "consents";
  ALTER TABLE "profile_events" DROP COLUMN "received_at";
  ALTER TABLE "profile_events" DROP COLUMN "applied";`)
}
