import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`experiment_phase_arm_multiple_idx\` ON \`experiment_exposures\` (\`experiment\`,\`phase\`,\`arm\`,\`multiple\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`experiment_phase_arm_multiple_idx\`;`)
}
