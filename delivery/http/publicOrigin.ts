import { publicOriginOf, renderSettingsFrom } from '../../contract'

/** The public origin absolute links and media URLs are built from: TESSERA_PUBLIC_URL, else the request's own. */
export function publicOrigin(request: Request): string {
  return publicOriginOf(request, renderSettingsFrom(process.env))
}
