/**
 * Email per recipient, on the demo newsletter: Tessera's path (decide, reuse
 * the layout compiled once per decision, fill the recipient's values) for a
 * batch of 10,000 recipients, against rendering the same layout from scratch
 * with the email library (MJML) for each recipient.
 */
import { compileEmail } from '../channels/email/compileEmail'
import { compiledEmailFor } from '../channels/email/emailLayoutCache'
import { personalizeEmail } from '../channels/email/personalizeEmail'
import { decisionContext, type RenderContext, resolvePage } from '../engine'
import { demoSnapshot } from './demoSnapshot'
import { percentile, round } from './stats'

export type EmailMeasurement = {
  recipients: number
  tessera: { p50Ms: number; p99Ms: number; firstMs: number }
  fromScratch: { p50Ms: number; p99Ms: number; sampled: number }
  ratioP50: number
}

const OPTIONS = { mediaBase: 'https://www.maison-lumen.example', defaultLocale: 'en' as const, brand: { name: 'Maison Lumen', postalAddress: '12 rue de Rivoli, 75004 Paris' } }
const LINKS = { unsubscribeUrl: 'https://www.maison-lumen.example/api/unsubscribe?token=x', preferencesUrl: 'https://www.maison-lumen.example/preferences?token=x' }
const FIRST_NAMES = ['Ada', 'Louis', 'Camille', 'Noor', undefined, 'Jules', 'Inès', undefined]

function recipient(index: number): RenderContext {
  return {
    channel: 'email',
    locale: index % 3 === 0 ? 'fr' : 'en',
    consents: ['personalization'],
    ...(index % 4 === 0 ? { segments: ['loyal-gold'] } : {}),
    traits: { ...(FIRST_NAMES[index % FIRST_NAMES.length] ? { firstName: FIRST_NAMES[index % FIRST_NAMES.length]! } : {}), visits: index % 9 },
  }
}

export async function measureEmail(options: { quick: boolean }): Promise<EmailMeasurement> {
  const recipients = options.quick ? 200 : 10_000
  const sampled = options.quick ? 10 : 200
  const demo = await demoSnapshot()
  try {
    const bundle = demo.bundle('newsletter')
    const now = Date.parse('2026-11-24T10:00:00Z')
    const decide = (index: number) =>
      resolvePage(demo.manifest, bundle, decisionContext(recipient(index), { channel: 'email', locale: 'en', timezone: 'Europe/Paris', now }))
    const tessera: number[] = []
    for (let index = 0; index < recipients; index++) {
      const started = performance.now()
      const resolved = decide(index)
      const compiled = await compiledEmailFor(resolved, OPTIONS)
      const context = recipient(index)
      personalizeEmail(compiled, { firstName: context.traits?.firstName as string | undefined }, LINKS)
      tessera.push(performance.now() - started)
    }
    const scratch: number[] = []
    for (let index = 0; index < sampled; index++) {
      const started = performance.now()
      const resolved = decide(index)
      const compiled = await compileEmail(resolved, OPTIONS)
      personalizeEmail(compiled, { firstName: recipient(index).traits?.firstName as string | undefined }, LINKS)
      scratch.push(performance.now() - started)
    }
    // The first recipients of each distinct decision pay the compile: report the steady state after them.
    const steady = tessera.slice(Math.min(100, Math.floor(recipients / 10)))
    const result = {
      recipients,
      tessera: { p50Ms: round(percentile(steady, 50), 3), p99Ms: round(percentile(steady, 99), 3), firstMs: round(tessera[0]!, 1) },
      fromScratch: { p50Ms: round(percentile(scratch, 50), 2), p99Ms: round(percentile(scratch, 99), 2), sampled },
      ratioP50: 0,
    }
    result.ratioP50 = round(result.fromScratch.p50Ms / result.tessera.p50Ms, 1)
    return result
  } finally {
    await demo.close()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await measureEmail({ quick: process.argv.includes('--quick') }), null, 2))
  process.exit(0)
}
