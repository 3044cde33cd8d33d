/**
 * Runs once when the server starts: production refuses unsafe defaults
 * before serving a single request, and exits saying why. Imports nothing that
 * loads Payload (a second Payload instance here would not be the one routes use).
 */
import { productionProblems } from './delivery/http/productionSettings'

export function register(): void {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const problems = productionProblems()
  if (problems.length === 0) return
  console.error(`Tessera refuses to start in production:\n  - ${problems.join('\n  - ')}`)
  process.exit(1)
}
