/**
 * The content locales tables that get an index on `_parent_id` (migration
 * 20261203_130000_locales_parent_indexes, SQLite and PostgreSQL alike).
 * Payload indexes each localized table `<name>_locales` by (_locale,
 * _parent_id) only. A read with locale 'all' (the snapshot compile) selects
 * every locale of a parent by _parent_id alone, which that index cannot serve:
 * each block variant scanned the whole variants' locales table. A first
 * compile of 2,000 blocks took 212 s; with these indexes, 15 s.
 */
export const LOCALES_PARENT_INDEX_TABLES = [
  'blocks_locales',
  'blocks_variants_locales',
  'pages_locales',
  'pages_email_variants_locales',
  'segments_locales',
  'media_locales',
  'consent_purposes_locales',
  'questions_locales',
  'questions_options_locales',
  'interest_scores_locales',
] as const

export const createLocalesParentIndex = (table: string) => `CREATE INDEX IF NOT EXISTS "${table}_parent_idx" ON "${table}" ("_parent_id");`
export const dropLocalesParentIndex = (table: string) => `DROP INDEX IF EXISTS "${table}_parent_idx";`
