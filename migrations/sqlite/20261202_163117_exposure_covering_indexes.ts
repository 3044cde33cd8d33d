import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`experiment_phase_arm_multiple_idx\`;`)
  await db.run(sql`CREATE INDEX \`experiment_phase_multiple_arm_idx\` ON \`experiment_exposures\` (\`experiment\`,\`phase\`,\`multiple\`,\`arm\`);`)
  await db.run(sql`CREATE INDEX \`profile_experiment_phase_multiple_arm_firstAt_idx\` ON \`experiment_exposures\` (\`profile_id\`,\`experiment\`,\`phase\`,\`multiple\`,\`arm\`,\`first_at\`);`)
  await db.run(sql`CREATE INDEX \`type_name_profile_occurredAt_idx\` ON \`profile_events\` (\`type\`,\`name\`,\`profile_id\`,\`occurred_at\`);`)
  // ─── HAND-WRITTEN (keep when regenerating): results compare `multiple` without COALESCE, so no row may hold null ───
  await db.run(sql`UPDATE \`experiment_exposures\` SET \`multiple\` = 0 WHERE \`multiple\` IS NULL;`)
  // ─── END HAND-WRITTEN ───
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`experiment_phase_multiple_arm_idx\`;`)
  await db.run(sql`DROP INDEX \`profile_experiment_phase_multiple_arm_firstAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`experiment_phase_arm_multiple_idx\` ON \`experiment_exposures\` (\`experiment\`,\`phase\`,\`arm\`,\`multiple\`);`)
  await db.run(sql`DROP INDEX \`type_name_profile_occurredAt_idx\`;`)
}
