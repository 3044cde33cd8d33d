/**
 * The cookies that tell the server who a website visitor is and what they
 * chose: both signed by this server, read from a request, and written back
 * (HttpOnly, SameSite=Lax, Secure outside localhost, one year). Parsing and
 * serializing are the `cookie` package's.
 */
import { stringifySetCookie } from 'cookie'

import { readCookie } from '../../contract'

import { CONSENT_COOKIE, PROFILE_COOKIE, readConsentCookie, readProfileCookie, signConsentCookie, signProfileCookie, type ConsentClaims } from './signedCookies'

const YEAR_SECONDS = 365 * 24 * 3600

export { readCookie }

export async function visitorCookies(request: Request): Promise<{ visitor?: string; consent?: ConsentClaims }> {
  const [profile, consent] = await Promise.all([
    readProfileCookie(readCookie(request.headers, PROFILE_COOKIE)),
    readConsentCookie(readCookie(request.headers, CONSENT_COOKIE)),
  ])
  return { visitor: profile?.visitor, consent }
}

function isLocal(request: Request): boolean {
  const { hostname } = new URL(request.url)
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]'
}

function cookie(request: Request, name: string, value: string, maxAge: number): string {
  return stringifySetCookie({ name, value, path: '/', maxAge, httpOnly: true, sameSite: 'lax', secure: !isLocal(request) })
}

export async function consentCookie(request: Request, claims: ConsentClaims): Promise<string> {
  return cookie(request, CONSENT_COOKIE, await signConsentCookie(claims, YEAR_SECONDS), YEAR_SECONDS)
}

export async function visitorCookie(request: Request, visitor: string): Promise<string> {
  return cookie(request, PROFILE_COOKIE, await signProfileCookie({ visitor }, YEAR_SECONDS), YEAR_SECONDS)
}

/** Forgets the visitor id (consent withdrawn): the browser drops the cookie. */
export function clearVisitorCookie(request: Request): string {
  return cookie(request, PROFILE_COOKIE, '', 0)
}
