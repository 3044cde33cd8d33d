/** A standard's finding in the editor's language (the publish check, the panel and the report say it the same way). */
import type { Finding } from '../../delivery/standards'

type Translate = (key: string, variables?: Record<string, unknown>) => string

export function findingMessage(t: Translate, standardName: string, finding: Finding): string {
  const channel = typeof finding.params.channel === 'string' && finding.params.channel ? finding.params.channel : 'any'
  return t(`tessera:finding_${finding.code}`, { ...finding.params, standard: standardName, where: t(`tessera:where_${channel}`) })
}
