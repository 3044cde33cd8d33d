import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// ─── HAND-WRITTEN (keep when regenerating): an index Payload does not declare ───
// Payload indexes `profiles_texts` (a profile's `keys`) on (order, parent_id)
// only; reading a profile by id selects its keys by parent_id, which scanned
// the whole table per profile (the email batch's profile lookups).
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`profiles_texts_parent_idx\` ON \`profiles_texts\` (\`parent_id\`);`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX IF EXISTS \`profiles_texts_parent_idx\`;`)
}
// ─── END HAND-WRITTEN ───
