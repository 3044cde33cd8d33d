/**
 * What production refuses to run without. Development runs on defaults (a
 * development secret, links from the Host header); production must name its
 * own secret, its signing keys and its public origin, or a restart would sign
 * tokens anyone can forge and build links from whatever Host a request claims. This file
 * imports nothing: the server's start-up check (instrumentation.ts) calls it
 * before anything else loads.
 */
const DEVELOPMENT_SECRET = 'tessera-development-secret-do-not-use-in-production'

export function productionProblems(env: Record<string, string | undefined> = process.env): string[] {
  if (env.NODE_ENV !== 'production') return []
  const problems: string[] = []
  const secret = env.PAYLOAD_SECRET
  if (!secret) problems.push('PAYLOAD_SECRET is not set: set it to a long random string (openssl rand -base64 32); `npm run demo` makes one in data/.')
  else if (secret === DEVELOPMENT_SECRET || secret.length < 32) problems.push('PAYLOAD_SECRET is too weak: use at least 32 random characters, not the development secret.')
  const origin = env.TESSERA_PUBLIC_URL
  if (!origin) problems.push('TESSERA_PUBLIC_URL is not set: set it to the public origin, e.g. https://www.example.com (links and media URLs are built from it, never from the Host header).')
  else if (!/^https?:\/\/[^/?#\s]+\/?$/.test(origin)) problems.push(`TESSERA_PUBLIC_URL must be an origin such as https://www.example.com, not “${origin}”.`)
  problems.push(...signingKeyProblems(env.TESSERA_SIGNING_KEYS))
  return problems
}

/** The shape of TESSERA_SIGNING_KEYS, checked at start (the trust room reads the keys themselves when it first signs). */
function signingKeyProblems(configured: string | undefined): string[] {
  if (!configured) return ['TESSERA_SIGNING_KEYS is not set: set it to an Ed25519 JWK set (`npm run keys:generate` prints one); cookies and links are signed with it, and edges verify them with its public half.']
  try {
    const first = (JSON.parse(configured) as { keys?: { crv?: unknown; d?: unknown; kid?: unknown }[] }).keys?.[0]
    if (first && first.crv === 'Ed25519' && typeof first.d === 'string' && typeof first.kid === 'string') return []
  } catch {
    // Reported below.
  }
  return ['TESSERA_SIGNING_KEYS is not an Ed25519 JWK set whose first key has a kid and its private part (d): `npm run keys:generate` prints one.']
}

/** Throws with every problem at once, so one restart fixes them all. */
export function assertProductionSettings(env: Record<string, string | undefined> = process.env): void {
  const problems = productionProblems(env)
  if (problems.length > 0) throw new Error(`Tessera refuses to start in production:\n  - ${problems.join('\n  - ')}`)
}

export { DEVELOPMENT_SECRET }
