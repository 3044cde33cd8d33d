/**
 * Boots Payload when the server starts, before the first request: runs the
 * database migrations (SQL adapters) and, for the demo, seeds an empty
 * database. Without this, `next start` would meet a database with no tables.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const [{ getPayload }, { default: config }] = await Promise.all([import('payload'), import('@payload-config')])
  await getPayload({ config, cron: true })
}
