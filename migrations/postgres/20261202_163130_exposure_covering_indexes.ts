import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "experiment_phase_arm_multiple_idx";
  CREATE INDEX "experiment_phase_multiple_arm_idx" ON "experiment_exposures" USING btree ("experiment","phase","multiple","arm");
  CREATE INDEX "profile_experiment_phase_multiple_arm_firstAt_idx" ON "experiment_exposures" USING btree ("profile_id","experiment","phase","multiple","arm","first_at");
  CREATE INDEX "type_name_profile_occurredAt_idx" ON "profile_events" USING btree ("type","name","profile_id","occurred_at");`)
  // ─── HAND-WRITTEN (keep when regenerating): results compare `multiple` without COALESCE, so no row may hold null ───
  await db.execute(sql`UPDATE "experiment_exposures" SET "multiple" = false WHERE "multiple" IS NULL;`)
  // ─── END HAND-WRITTEN ───
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "experiment_phase_multiple_arm_idx";
  DROP INDEX "profile_experiment_phase_multiple_arm_firstAt_idx";
  DROP INDEX "type_name_profile_occurredAt_idx";
  CREATE INDEX "experiment_phase_arm_multiple_idx" ON "experiment_exposures" USING btree ("experiment","phase","arm","multiple");`)
}
