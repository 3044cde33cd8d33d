/** An ask block on every channel: a form that works without JavaScript, one-click links in email, a QR code on screens. */
import jsQR from 'jsqr'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { compileEmail } from '../../channels/email/compileEmail'
import { personalizeEmail } from '../../channels/email/personalizeEmail'
import { renderScreenDocument } from '../../channels/screen/html'
import { renderScreenPng } from '../../channels/screen/png'
import { renderWebFragment } from '../../channels/web/html'
import { type CompiledQuestion, resolvePage } from '../../engine'
import { block, context, manifest, page } from '../support/snapshotBuilders'

const base: Omit<CompiledQuestion, 'id' | 'trait' | 'type' | 'text'> = { options: [], priority: 0, channels: [], purpose: 'personalization', requiresTraits: [], requiresSegments: [], cooldownDays: 30, fatigueDays: 30 }
const store: CompiledQuestion = {
  ...base,
  id: '7',
  trait: 'preferredStore',
  type: 'single',
  text: { en: 'Which store?', fr: 'Quelle boutique ?' },
  options: [{ value: 'lyon', label: { en: 'Lyon <3', fr: 'Lyon <3' } }, { value: 'paris', label: { en: 'Paris', fr: 'Paris' } }],
}
const nps: CompiledQuestion = { ...base, id: '9', trait: 'nps', type: 'nps', text: { en: 'Would you recommend us?', fr: 'Nous recommanderiez-vous ?' }, followUp: { en: 'Why?', fr: 'Pourquoi ?' } }
const ask = block('ask', [], { kind: 'ask', ask: { max: 2, questions: ['7', '9'] } })
const snapshot = manifest([], { questions: [store, nps] })

describe('the web form', () => {
  it('posts each question to /api/answers with its page and way back, escaped, with skip and decline buttons', () => {
    const resolved = resolvePage(snapshot, page([ask], { slug: 'home' }), context())
    const html = renderWebFragment(resolved, { mediaBase: 'https://shop.test', defaultLocale: 'en', returnPath: '/candles' })
    expect(html).toContain('<form class="tessera-ask" method="post" action="/api/answers" data-tessera-question="7">')
    expect(html).toContain('<input type="hidden" name="return" value="/candles">')
    expect(html).toContain('Lyon &lt;3')
    expect(html).toContain('name="action" value="decline" formnovalidate')
    expect(html.match(/type="radio"[^>]*name="value"/g)).toHaveLength(2 + 11)
    expect(html).toContain('<textarea id="tessera-ask-0-9-follow-up" name="followUp"')
  })
})

describe('the email', () => {
  it('answers with one click: each choice a link carrying the recipient’s answer token', async () => {
    const resolved = resolvePage(snapshot, page([ask], { slug: 'newsletter', channel: 'email', email: { subject: { en: 'Hi' }, preheader: {}, tone: 'friendly', length: 'medium', variants: [] } }), context({ channel: 'email' }))
    const compiled = await compileEmail(resolved, { mediaBase: 'https://shop.test', defaultLocale: 'en', brand: { name: 'Lumen', postalAddress: '1 rue' } })
    const email = personalizeEmail(compiled, {}, { unsubscribeUrl: 'https://shop.test/u', preferencesUrl: 'https://shop.test/p', answerToken: 'aaa.bbb.ccc' })
    expect(email.html).toContain('href="https://shop.test/api/answers/email?token=aaa.bbb.ccc&amp;question=7&amp;value=lyon"')
    expect(email.html).toContain('href="https://shop.test/api/answers/email?token=aaa.bbb.ccc&amp;question=9&amp;value=10"')
    expect(email.text).toContain('Paris: https://shop.test/api/answers/email?token=aaa.bbb.ccc&question=7&value=paris')
  })
})

describe('the screen', () => {
  it('shows the question with a QR code opening it on a phone, with the store', () => {
    const resolved = resolvePage(snapshot, page([ask], { slug: 'screen', channel: 'screen' }), context({ channel: 'screen', consents: [] }))
    expect(resolved.blocks[0]?.questions?.map((question) => question.id)).toEqual(['7', '9'])
    const html = renderScreenDocument(resolved, { mediaBase: 'https://shop.test', defaultLocale: 'en', width: 1920, height: 1080, refreshSeconds: 60, slideSeconds: 10, etag: '"x"', store: 'lyon-bellecour' })
    expect(html).toContain('<svg role="img" aria-label="Scan to answer on your phone"')
    expect(html).toContain('Which store?')
  })

  it('draws the same QR code on the PNG format, which a phone reads as the question’s link with the store', { timeout: 60_000 }, async () => {
    const resolved = resolvePage(snapshot, page([ask], { slug: 'screen', channel: 'screen' }), context({ channel: 'screen', consents: [] }))
    const decoded = async (options: { answerBase?: string; store?: string }) => {
      const png = await renderScreenPng(resolved, { width: 1920, height: 1080, defaultLocale: 'en', images: {}, ...options })
      const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
      return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data
    }
    expect(await decoded({ answerBase: 'https://shop.test', store: 'lyon-bellecour' })).toBe('https://shop.test/answer/7?lang=en&store=lyon-bellecour')
    // Without the site's origin there is nowhere to send the phone: the question alone.
    expect(await decoded({})).toBeUndefined()
  })
})
