/**
 * A real shared cache in front of the render API: nginx's proxy_cache, which
 * honours Cache-Control (s-maxage, private, no-cache) and Vary, as most CDNs
 * do. Over many mixed requests (API-key and public callers, signed cookies,
 * geo, language and client-hint headers, every channel and format), every
 * response that comes through the cache must be the one the origin decides
 * for that very request — and the cache must really be serving some of them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { expect, test } from '@playwright/test'

import { CONSENT_COOKIE, PROFILE_COOKIE, signConsentCookie, signProfileCookie, signVisitToken } from '../../delivery/trust'
import { DEMO, E2E_SECRET } from './helpers'

const NGINX = process.env.NGINX_PATH ?? ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].find((candidate) => existsSync(candidate))
const ORIGIN_PORT = Number(process.env.E2E_PORT ?? 3100)
const CACHE_PORT = ORIGIN_PORT + 80

if (!NGINX) console.warn('\n  ⚠ nginx is not installed (apt-get install nginx): the shared-cache test is SKIPPED\n')

function nginxConfig(prefix: string): string {
  return `
user ${process.getuid?.() === 0 ? 'root' : 'nobody'};
worker_processes 1;
daemon off;
error_log ${prefix}/error.log warn;
pid ${prefix}/nginx.pid;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  proxy_cache_path ${prefix}/cache levels=1:2 keys_zone=tessera:10m max_size=200m inactive=10m use_temp_path=off;
  server {
    listen 127.0.0.1:${CACHE_PORT};
    location / {
      proxy_pass http://127.0.0.1:${ORIGIN_PORT};
      proxy_http_version 1.1;
      proxy_cache tessera;
      proxy_cache_lock on;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`
}

async function startNginx(): Promise<{ process: ChildProcess; prefix: string }> {
  const prefix = mkdtempSync(path.join(tmpdir(), 'tessera-nginx-'))
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'cache']) mkdirSync(path.join(prefix, dir))
  const conf = path.join(prefix, 'nginx.conf')
  writeFileSync(conf, nginxConfig(prefix))
  const check = spawnSync(NGINX!, ['-t', '-p', prefix, '-c', conf], { encoding: 'utf8' })
  if (check.status !== 0) throw new Error(`nginx refused its configuration: ${check.stderr}`)
  const child = spawn(NGINX!, ['-p', prefix, '-c', conf], { stdio: 'ignore' })
  for (let attempt = 0; attempt < 100; attempt++) {
    const up = await fetch(`http://127.0.0.1:${CACHE_PORT}/api/health`).then((response) => response.ok, () => false)
    if (up) return { process: child, prefix }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  child.kill()
  throw new Error('nginx did not answer on its port')
}

/** Waits past the turn of the hour if it is near: daypart and weekday decisions change there, and a cached entry would then be legitimately stale. */
async function awayFromTheHour() {
  const intoHour = Date.now() % 3_600_000
  if (intoHour > 3_600_000 - 90_000) await new Promise((resolve) => setTimeout(resolve, 3_600_000 - intoHour + 5_000))
}

type Call = { path: string; headers: Record<string, string> }

test.describe('through a shared cache', () => {
  test.skip(!NGINX, 'nginx is not installed (apt-get install nginx)')
  test.setTimeout(180_000)

  let nginx: { process: ChildProcess; prefix: string } | undefined
  test.beforeAll(async () => {
    nginx = await startNginx()
  })
  test.afterAll(() => {
    nginx?.process.kill()
    if (nginx) rmSync(nginx.prefix, { recursive: true, force: true })
  })

  test('every response is the origin’s own decision for that request, and public ones are served from the cache', async () => {
    await awayFromTheHour()
    process.env.PAYLOAD_SECRET = E2E_SECRET
    const now = new Date().toISOString()
    const gold = `${CONSENT_COOKIE}=${await signConsentCookie({ purposes: ['necessary', 'personalization'], at: now })}; ${PROFILE_COOKIE}=${await signProfileCookie({ visitor: 'cache-gold', traits: { loyaltyTier: 'gold', visits: 12, firstName: 'Ada' } })}`
    const consentOnly = `${CONSENT_COOKIE}=${await signConsentCookie({ purposes: ['necessary'], at: now })}`
    const visit = await signVisitToken({ visitor: 'cache-visit-link' })

    const callers: Record<string, string>[] = [
      {},
      { authorization: `Bearer ${DEMO.apiKey}` },
      { 'accept-language': 'fr-FR,fr;q=0.9' },
      { 'x-vercel-ip-city': 'Paris', 'x-vercel-ip-timezone': 'Europe/Paris', 'x-vercel-ip-country': 'FR' },
      { 'cf-ipcity': 'Paris', 'cf-timezone': 'Europe/Paris', 'cf-ipcountry': 'FR' },
      { 'x-vercel-ip-timezone': 'Asia/Tokyo' },
      { 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148', 'sec-ch-ua-mobile': '?1' },
      { cookie: gold },
      { cookie: consentOnly },
      { referer: 'https://search.example/?q=candles' },
      { authorization: `Bearer ${DEMO.apiKey}`, 'accept-language': 'fr' },
    ]
    const pages = [
      '/api/render/home',
      '/api/render/home?format=html',
      '/api/render/home?segment=loyal-gold&trait.loyaltyTier=gold',
      `/api/render/home?tessera=${visit}`,
      '/api/render/candles',
      '/api/render/newsletter',
      '/api/render/newsletter?format=text',
      '/api/render/store-screen?store=lyon-bellecour',
      '/api/render/store-screen?format=html&store=montreal-saint-denis',
      '/api/render/store-screen?format=png&store=lyon-bellecour&width=320&height=240',
    ]
    const calls: Call[] = pages.flatMap((page) => callers.map((headers) => ({ path: page, headers })))
    // Every order a cache can see: each public entry is made first by one caller and then asked for by all the others.
    const sequence = [...calls, ...[...calls].reverse(), ...calls]

    let hits = 0
    let publicResponses = 0
    for (const call of sequence) {
      const origin = await fetch(`http://127.0.0.1:${ORIGIN_PORT}${call.path}`, { headers: call.headers })
      const cached = await fetch(`http://127.0.0.1:${CACHE_PORT}${call.path}`, { headers: call.headers })
      const what = `${call.path} with ${JSON.stringify(Object.keys(call.headers))} (${cached.headers.get('x-cache-status')})`
      expect(cached.status, what).toBe(origin.status)
      expect(cached.headers.get('etag'), what).toBe(origin.headers.get('etag'))
      expect(cached.headers.get('x-tessera-personalized'), what).toBe(origin.headers.get('x-tessera-personalized'))
      const [originBody, cachedBody] = await Promise.all([origin.arrayBuffer(), cached.arrayBuffer()])
      if (origin.headers.get('cache-control')?.startsWith('public')) {
        publicResponses++
        expect(Buffer.from(cachedBody).equals(Buffer.from(originBody)), `${what}: the cached body is the origin's`).toBe(true)
      } else {
        expect(cached.headers.get('x-cache-status'), `${what}: a private response is never stored`).not.toBe('HIT')
      }
      if (cached.headers.get('x-cache-status') === 'HIT') hits++
    }
    expect(publicResponses).toBeGreaterThan(50)
    expect(hits, 'the cache served some public responses itself').toBeGreaterThan(20)

    // A 304 from the cache is never another caller's: a keyed caller revalidating a public ETag gets its own decision.
    const publicHome = await fetch(`http://127.0.0.1:${CACHE_PORT}/api/render/home`)
    const keyed = await fetch(`http://127.0.0.1:${CACHE_PORT}/api/render/home?segment=loyal-gold`, {
      headers: { authorization: `Bearer ${DEMO.apiKey}`, 'if-none-match': publicHome.headers.get('etag')! },
    })
    expect(keyed.status).toBe(200)
    // A 429 or any error is never cached either (Cache-Control: no-store).
    const missing = await fetch(`http://127.0.0.1:${CACHE_PORT}/api/render/no-such-page`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('cache-control')).toBe('no-store')
  })
})
