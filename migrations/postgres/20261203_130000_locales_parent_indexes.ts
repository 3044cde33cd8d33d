import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

import { createLocalesParentIndex, dropLocalesParentIndex, LOCALES_PARENT_INDEX_TABLES } from '../localesParentIndexes'

// ─── HAND-WRITTEN (keep when regenerating): indexes Payload does not declare (why: ../localesParentIndexes.ts) ───
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const table of LOCALES_PARENT_INDEX_TABLES) await db.execute(sql.raw(createLocalesParentIndex(table)))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const table of LOCALES_PARENT_INDEX_TABLES) await db.execute(sql.raw(dropLocalesParentIndex(table)))
}
// ─── END HAND-WRITTEN ───
