import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`profile_events\` ADD \`traits\` text;`)
  await db.run(sql`ALTER TABLE \`profile_events\` ADD \`consents\` text;`)
  await db.run(sql`ALTER TABLE \`profile_events\` ADD \`received_at\` text;`)
  await db.run(sql`ALTER TABLE \`profile_events\` ADD \`applied\` integer DEFAULT false;`)
  await db.run(sql`CREATE INDEX \`profile_events_applied_idx\` ON \`profile_events\` (\`applied\`);`)
  // Events stored before were folded into their profiles after their commit: they count as applied,
  // received when stored. Their traits and consents were kept in properties; the types that require them are unambiguous.
  await db.run(sql`UPDATE \`profile_events\` SET \`applied\` = 1, \`received_at\` = \`created_at\`;`)
  await db.run(sql`UPDATE \`profile_events\` SET \`traits\` = json_extract(\`properties\`, '$.traits') WHERE \`type\` IN ('trait_update', 'form_answer');`)
  await db.run(sql`UPDATE \`profile_events\` SET \`consents\` = json_extract(\`properties\`, '$.consents') WHERE \`type\` = 'consent_change';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`profile_events_applied_idx\`;`)
  await db.run(sql`ALTER TABLE \`profile_events\` DROP COLUMN \`traits\`;`)
  await db.run(sql`ALTER TABLE \`profile_events\` DROP COLUMN \`consents\`;`)
  await db.run(sql`ALTER TABLE \`profile_events\` DROP COLUMN \`received_at\`;`)
  await db.run(sql`ALTER TABLE \`profile_events\` DROP COLUMN \`applied\`;`)
}
