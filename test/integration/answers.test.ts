/**
 * Progressive profiling and surveys on real databases, through the real
 * handlers: an answer on the site changes the next email's question; a
 * one-click email answer is recorded once (retries and forwarded links); no
 * answer is stored without consent; answers become traits with their source,
 * channel and time, and the ask log survives a rebuild from events.
 */
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { findProfile, handleAnswerPost, handleEmailAnswer, handleEmailFollowUp, handleEventsRequest, newIdempotencyKey, profileKey, rebuildProfile } from '../../delivery/customers'
import { handleRenderRequest } from '../../delivery/render'
import { CONSENT_COOKIE, PROFILE_COOKIE, signConsentCookie, signProfileCookie } from '../../delivery/trust'
import { databasesUnderTest, startDemo, type TestPayload } from './harness'

const KEY = 'tsk_integration_answers_key_0123456789abcdefghij'
const BASE = 'http://localhost:3998'

for (const database of databasesUnderTest()) {
  describe.skipIf(Boolean(database.skipReason))(`answers on ${database.name}`, () => {
    let t: TestPayload
    let payload: Payload
    let questionId: (trait: string) => string

    const siteCookies = async (visitor: string, purposes: string[]) =>
      `${CONSENT_COOKIE}=${await signConsentCookie({ purposes, at: new Date().toISOString() })}; ${PROFILE_COOKIE}=${await signProfileCookie({ visitor })}`
    const consent = async (visitor: string, consents: Record<string, boolean>) => {
      const request = new Request(`${BASE}/api/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ events: [{ idempotencyKey: newIdempotencyKey(), type: 'consent_change', visitor, consents }] }),
      })
      expect((await handleEventsRequest(payload, request)).status).toBe(200)
    }
    const answerOnSite = (cookie: string, fields: Record<string, string | string[]>) => {
      const form = new URLSearchParams()
      for (const [name, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) form.append(name, item)
      return handleAnswerPost(
        payload,
        new Request(`${BASE}/api/answers`, { method: 'POST', headers: { cookie, origin: BASE, 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() }),
      )
    }
    const email = async (visitor: string) => {
      const path = `/api/render/newsletter?channel=email&visitor=${visitor}`
      const response = await handleRenderRequest(payload, new Request(`${BASE}${path}`, { headers: { authorization: `Bearer ${KEY}` } }), 'newsletter')
      expect(response.status).toBe(200)
      return ((await response.json()) as { html: string }).html
    }
    const oneClickLinks = (html: string) => [...html.matchAll(/href="([^"]*\/api\/answers\/email\?[^"]*)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'))
    const answerEvents = async (visitor: string) => {
      const profile = await findProfile(payload, profileKey.visitor(visitor))
      if (!profile) return []
      const { docs } = await payload.find({ collection: 'profile-events', where: { profile: { equals: profile.id }, type: { equals: 'form_answer' } }, pagination: false, depth: 0, overrideAccess: true })
      return docs
    }

    beforeAll(async () => {
      t = await startDemo(database, KEY)
      payload = t.payload
      const { docs } = await payload.find({ collection: 'questions', depth: 0, pagination: false, overrideAccess: true })
      questionId = (trait) => String(docs.find((doc) => doc.trait === trait)!.id)
    })
    afterAll(async () => t?.close())

    it('an answer on the site changes the next email’s question', async () => {
      const visitor = 'v-answers-site-email'
      await consent(visitor, { personalization: true, analytics: true, newsletter: true })
      const before = await email(visitor)
      // First name needs typing: the email links to the question on the site.
      expect(before).toContain(`/answer/${questionId('firstName')}`)

      const answered = await answerOnSite(await siteCookies(visitor, ['personalization', 'analytics']), { question: questionId('firstName'), value: 'Ada', action: 'answer', return: '/' })
      expect(answered.status).toBe(303)
      expect(answered.headers.get('location')).toBe(`${BASE}/`)

      const profile = (await findProfile(payload, profileKey.visitor(visitor)))!
      expect(profile.traits.firstName).toMatchObject({ value: 'Ada', source: 'site' })
      expect(profile.asks[questionId('firstName')]).toMatchObject({ outcome: 'answered', channel: 'web' })

      const after = await email(visitor)
      expect(after).not.toContain(`/answer/${questionId('firstName')}`)
      // The next question is a single choice: one-click answers.
      expect(oneClickLinks(after).some((link) => link.includes(`question=${questionId('preferredStore')}`))).toBe(true)
    })

    it('records a one-click email answer once: retries and forwarded copies are duplicates, another choice later wins', async () => {
      const visitor = 'v-answers-one-click'
      await consent(visitor, { personalization: true, newsletter: true })
      await answerOnSite(await siteCookies(visitor, ['personalization']), { question: questionId('firstName'), value: 'Grace' })
      const links = oneClickLinks(await email(visitor)).filter((link) => link.includes(`question=${questionId('preferredStore')}`))
      const lyon = links.find((link) => link.includes('value=lyon-bellecour'))!
      const paris = links.find((link) => link.includes('value=paris-rivoli'))!

      const first = await handleEmailAnswer(payload, new Request(lyon))
      expect(first.status).toBe(303)
      expect(first.headers.get('location')).toBe(`${BASE}/answers/thanks?lang=en`)
      // A retry, and the same link forwarded to someone else (other cookies, other address).
      await handleEmailAnswer(payload, new Request(lyon))
      await handleEmailAnswer(payload, new Request(lyon, { headers: { cookie: await siteCookies('someone-else', ['personalization']), 'x-forwarded-for': '203.0.113.9' } }))
      const stored = (await answerEvents(visitor)).filter((event) => (event.properties as { question?: string }).question === questionId('preferredStore'))
      expect(stored).toHaveLength(1)
      let profile = (await findProfile(payload, profileKey.visitor(visitor)))!
      expect(profile.traits.preferredStore).toMatchObject({ value: 'lyon-bellecour', source: 'link:email-answer' })
      expect(profile.asks[questionId('preferredStore')]).toMatchObject({ outcome: 'answered', channel: 'email' })

      await handleEmailAnswer(payload, new Request(paris))
      profile = (await findProfile(payload, profileKey.visitor(visitor)))!
      expect(profile.traits.preferredStore?.value).toBe('paris-rivoli')

      const tampered = await handleEmailAnswer(payload, new Request(lyon.replace(/token=([\w-]+)\.([\w-]+)\.([\w-]+)/, 'token=$1.$2.AAAA')))
      expect(tampered.status).toBe(403)
    })

    it('asks a one-click survey answer’s open follow-up on the thank-you page, and joins the text to that answer', async () => {
      const visitor = 'v-answers-follow-up'
      await consent(visitor, { personalization: true, newsletter: true })
      const links = oneClickLinks(await email(visitor)).filter((link) => link.includes(`question=${questionId('nps')}`))
      const five = links.find((link) => /[?&]value=5(&|$)/.test(link))!
      expect(five).toBeDefined()
      const landed = await handleEmailAnswer(payload, new Request(five))
      expect(landed.status).toBe(200)
      expect(landed.headers.get('cache-control')).toBe('no-store')
      expect(landed.headers.get('referrer-policy')).toBe('no-referrer')
      const page = await landed.text()
      expect(page).toContain('What is the main reason for your score?')
      const fields = new URLSearchParams([...page.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)].map((match) => [match[1]!, match[2]!.replaceAll('&#38;', '&')]))
      expect(fields.get('question')).toBe(questionId('nps'))
      expect(fields.get('value')).toBe('5')
      const send = (form: URLSearchParams) =>
        handleEmailFollowUp(payload, new Request(`${BASE}/api/answers/email`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() }))
      const withText = (text: string) => new URLSearchParams([...fields, ['followUp', text]])
      const sent = await send(withText('Delivery took two weeks'))
      expect(sent.status).toBe(303)
      expect(sent.headers.get('location')).toBe(`${BASE}/answers/thanks?lang=en`)
      // One response, with its text (a later text replaces the first).
      expect((await send(withText('Delivery took three weeks'))).status).toBe(303)
      const surveys = (await answerEvents(visitor)).filter((event) => event.name === 'survey:nps')
      expect(surveys).toHaveLength(1)
      expect(surveys[0]!.properties).toMatchObject({ score: 5, channel: 'email', followUp: 'Delivery took three weeks' })
      // A forged link, a question the email did not ask, and a value never answered are refused; nothing changes.
      const forged = new URLSearchParams([...withText('spam')].map(([name, value]) => [name, name === 'token' ? value.replace(/\.[\w-]+$/, '.AAAA') : value]))
      expect((await send(forged)).status).toBe(403)
      expect((await send(new URLSearchParams([...withText('spam')].map(([name, value]) => [name, name === 'question' ? 'not-in-this-email' : value])))).status).toBe(400)
      expect((await send(new URLSearchParams([...withText('spam')].map(([name, value]) => [name, name === 'value' ? '9' : value])))).status).toBe(404)
      expect((await answerEvents(visitor)).filter((event) => event.name === 'survey:nps')[0]!.properties).toMatchObject({ followUp: 'Delivery took three weeks' })
    })

    it('stores no answer without consent to its purpose, and says so', async () => {
      const visitor = 'v-answers-no-consent'
      const response = await handleAnswerPost(
        payload,
        new Request(`${BASE}/api/answers`, {
          method: 'POST',
          headers: { cookie: await siteCookies(visitor, ['analytics']), origin: BASE, 'content-type': 'application/json' },
          body: JSON.stringify({ question: questionId('firstName'), value: 'Eve' }),
        }),
      )
      expect(response.status).toBe(403)
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('consent_required')
      expect(await answerEvents(visitor)).toEqual([])
      expect((await findProfile(payload, profileKey.visitor(visitor)))?.traits.firstName).toBeUndefined()
    })

    it('checks each answer against its question’s type, with a clear 400', async () => {
      const cookie = await siteCookies('v-answers-invalid', ['personalization'])
      const post = (body: Record<string, unknown>) =>
        handleAnswerPost(payload, new Request(`${BASE}/api/answers`, { method: 'POST', headers: { cookie, origin: BASE, 'content-type': 'application/json' }, body: JSON.stringify(body) }))
      for (const [body, message] of [
        [{ question: questionId('preferredStore'), value: 'tokyo' }, 'is not one of the choices'],
        [{ question: questionId('nps'), value: '11' }, 'from 0 to 10'],
        [{ question: questionId('interests'), value: ['candles', 'spaceships'] }, 'Not among the choices: spaceships'],
        [{ question: questionId('firstName') }, 'Give an answer'],
      ] as const) {
        const response = await post(body)
        expect(response.status).toBe(400)
        const error = ((await response.json()) as { error: { code: string; message: string } }).error
        expect(error.code).toBe('invalid_answer')
        expect(error.message).toContain(message)
      }
      expect((await post({ question: 'no-such-question', value: 'x' })).status).toBe(404)
      const crossSite = await handleAnswerPost(payload, new Request(`${BASE}/api/answers`, { method: 'POST', headers: { cookie, origin: 'https://evil.test', 'content-type': 'application/json' }, body: '{}' }))
      expect(crossSite.status).toBe(403)
    })

    it('logs declines, keeps the NPS group as a trait, and rebuilds the ask log from events', async () => {
      const visitor = 'v-answers-survey'
      const cookie = await siteCookies(visitor, ['personalization'])
      expect((await answerOnSite(cookie, { question: questionId('firstName'), action: 'decline' })).status).toBe(303)
      expect((await answerOnSite(cookie, { question: questionId('nps'), value: '4', followUp: 'Slow delivery', page: 'home' })).status).toBe(303)
      const profile = (await findProfile(payload, profileKey.visitor(visitor)))!
      expect(profile.asks[questionId('firstName')]?.outcome).toBe('declined')
      expect(profile.traits.firstName).toBeUndefined()
      expect(profile.traits.npsGroup?.value).toBe('detractor')
      const survey = (await answerEvents(visitor)).find((event) => event.name === 'survey:nps')!
      expect(survey.properties).toMatchObject({ score: 4, followUp: 'Slow delivery', channel: 'web', page: 'home' })
      // The segments the person was in as they answered (the answer itself makes them a detractor only afterwards).
      expect((survey.properties as { segments: string[] }).segments).toEqual(expect.arrayContaining(['first-visit']))
      expect((survey.properties as { segments: string[] }).segments).not.toContain('detractors')
      const rebuilt = (await rebuildProfile(payload, profile.id))!
      expect(rebuilt.profile.asks).toEqual(profile.asks)
    })

    it('keeps interest scores up to date from events, reads them in segment rules and the trace, and rebuilds them from events', async () => {
      const customer = 'crm-candle-lover'
      const events = [
        { idempotencyKey: newIdempotencyKey(), type: 'consent_change', customer, consents: { personalization: true, analytics: true } },
        ...Array.from({ length: 5 }, () => ({ idempotencyKey: newIdempotencyKey(), type: 'page_view', category: 'candles', customer })),
      ]
      const request = new Request(`${BASE}/api/events`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ events }) })
      expect((await handleEventsRequest(payload, request)).status).toBe(200)
      const profile = (await findProfile(payload, profileKey.customer(customer)))!
      // 5 views × 5 points, moments apart: 25 less a negligible decay.
      expect(profile.scores['candle-interest']?.value).toBeCloseTo(25, 3)
      const path = `/api/render/home?customer=${customer}&debug=1`
      const response = await handleRenderRequest(payload, new Request(`${BASE}${path}`, { headers: { authorization: `Bearer ${KEY}` } }), 'home')
      const decided = (await response.json()) as { trace: { scores?: Record<string, number>; segments: { slug: string; member: boolean }[] } }
      expect(decided.trace.scores?.['candle-interest']).toBeGreaterThan(24.9)
      expect(decided.trace.segments.find((segment) => segment.slug === 'candle-fans')?.member).toBe(true)
      const rebuilt = (await rebuildProfile(payload, profile.id))!
      expect(rebuilt.profile.scores['candle-interest']?.value).toBeCloseTo(profile.scores['candle-interest']!.value, 9)
    })
  })
}
