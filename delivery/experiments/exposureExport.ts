/**
 * Exposures for a warehouse: NDJSON or CSV with the columns experiment
 * analysis tools read (timestamp, unit id, experiment key, arm, channel; and
 * phase and exposure count), streamed page by page so any size fits.
 */
import type { Payload } from 'payload'
import { z } from 'zod'

export const EXPOSURE_EXPORT_FORMATS = ['ndjson', 'csv'] as const
export const ExposureExportQuerySchema = z.object({
  format: z.enum(EXPOSURE_EXPORT_FORMATS).default('ndjson'),
  phase: z.coerce.number().int().min(1).optional().meta({ description: 'Default: every phase' }),
})

export const EXPORT_COLUMNS = ['timestamp', 'unit_id', 'experiment_key', 'arm', 'channel', 'phase', 'exposures'] as const

const PAGE = 1000

type Row = { firstAt: string; unit: string; experiment: string; arm: string; channel: string; phase: number; count: number }

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
const csvField = (value: string | number) => {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const values = (row: Row) => [row.firstAt, row.unit, row.experiment, row.arm, row.channel, row.phase, row.count] as const

export function exportExposures(payload: Payload, key: string, options: z.infer<typeof ExposureExportQuerySchema>, headers: Record<string, string>): Response {
  const csv = options.format === 'csv'
  const encoder = new TextEncoder()
  let page = 1
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (csv) controller.enqueue(encoder.encode(`${EXPORT_COLUMNS.join(',')}\r\n`))
    },
    async pull(controller) {
      const { docs, hasNextPage } = await payload.find({
        collection: 'experiment-exposures',
        where: { and: [{ experiment: { equals: key } }, ...(options.phase ? [{ phase: { equals: options.phase } }] : [])] },
        sort: 'id',
        limit: PAGE,
        page,
        depth: 0,
        overrideAccess: true,
      })
      page += 1
      const lines = (docs as unknown as Row[]).map((row) =>
        csv ? `${values(row).map(csvField).join(',')}\r\n` : `${JSON.stringify(Object.fromEntries(EXPORT_COLUMNS.map((column, i) => [column, values(row)[i]])))}\n`,
      )
      if (lines.length > 0) controller.enqueue(encoder.encode(lines.join('')))
      if (!hasNextPage) controller.close()
    },
  })
  return new Response(stream, {
    headers: {
      ...headers,
      'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="${key}-exposures.${csv ? 'csv' : 'ndjson'}"`,
    },
  })
}
