/** The public origin absolute links and media URLs are built from: TESSERA_PUBLIC_URL, else the request's own. */
export function publicOrigin(request: Request): string {
  return (process.env.TESSERA_PUBLIC_URL || new URL(request.url).origin).replace(/\/$/, '')
}
