/** Our first-party cookies' names, and reading one from a request (parsing is the `cookie` package's). */
import { parseCookie } from 'cookie'

export const PROFILE_COOKIE = 'tessera_profile'
export const CONSENT_COOKIE = 'tessera_consent'

export function readCookie(headers: Headers, name: string): string | undefined {
  const header = headers.get('cookie')
  return header ? parseCookie(header)[name] : undefined
}
