/** Whether a browser call comes from our own pages (not a form posted by another site). */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin')
  if (origin) return origin === new URL(request.url).origin || origin === process.env.TESSERA_PUBLIC_URL?.replace(/\/$/, '')
  return request.headers.get('sec-fetch-site') === 'same-origin'
}
