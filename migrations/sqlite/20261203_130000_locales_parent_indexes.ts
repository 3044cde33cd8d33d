import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { createLocalesParentIndex, dropLocalesParentIndex, LOCALES_PARENT_INDEX_TABLES } from '../localesParentIndexes'

// ─── HAND-WRITTEN (keep when regenerating): indexes Payload does not declare (why: ../localesParentIndexes.ts) ───
export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const table of LOCALES_PARENT_INDEX_TABLES) await db.run(sql.raw(createLocalesParentIndex(table)))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const table of LOCALES_PARENT_INDEX_TABLES) await db.run(sql.raw(dropLocalesParentIndex(table)))
}
// ─── END HAND-WRITTEN ───
