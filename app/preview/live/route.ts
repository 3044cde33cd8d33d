/**
 * The page Payload's live preview shows beside an edit form (its iframe).
 * Payload posts the form's values on every change; this page posts them on
 * to /api/pages/workbench/live (editors only: the admin session), which
 * compiles them in memory and renders them, and shows the result. Before the
 * first change it shows the saved draft. It holds no data itself.
 */
import { createHash } from 'node:crypto'

export const dynamic = 'force-static'

const SCRIPT = `(() => {
  const params = new URLSearchParams(location.search)
  const frame = document.getElementById('live-output')
  const status = document.getElementById('live-status')
  // The locale being edited is the one shown.
  const own = ['collection', 'id']
  const query = new URLSearchParams({ consent: 'personalization' })
  for (const [name, value] of params) if (!own.includes(name)) query.append(name, value)
  const collection = params.get('collection')
  const id = params.get('id')
  const saved = new URLSearchParams(query)
  saved.set(collection === 'pages' ? 'draft' : 'block', id)
  saved.set('format', 'html')
  frame.src = '/api/pages/workbench/preview?' + saved
  let latest
  let timer
  let sending = false
  async function send() {
    if (sending) return void (timer = setTimeout(send, 150))
    const message = latest
    latest = undefined
    if (!message) return
    sending = true
    try {
      const body = JSON.stringify({ collection: message.collectionSlug || collection, id: (message.data && message.data.id) || id, locale: message.locale || params.get('locale') || 'en', data: message.data })
      const response = await fetch('/api/pages/workbench/live?' + query, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body })
      if (response.ok) {
        frame.removeAttribute('src')
        frame.srcdoc = await response.text()
        status.textContent = ''
        document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1)
      } else {
        const problem = await response.json().catch(() => undefined)
        status.textContent = (problem && problem.error && problem.error.message) || 'The preview could not be rendered (' + response.status + ').'
      }
    } catch (error) {
      status.textContent = String(error)
    } finally {
      sending = false
    }
  }
  window.addEventListener('message', (event) => {
    if (event.origin !== location.origin || !event.data || event.data.type !== 'payload-live-preview' || !event.data.data) return
    latest = event.data
    clearTimeout(timer)
    timer = setTimeout(send, 250)
  })
  // Payload sends the form only once the preview says it listens.
  ;(window.opener || window.parent).postMessage({ type: 'payload-live-preview', ready: true }, location.origin)
})()`

const HASH = createHash('sha256').update(SCRIPT).digest('base64')

const HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Live preview · Tessera</title>
<style>html,body{margin:0;height:100%}body{display:flex;flex-direction:column;font-family:system-ui,sans-serif}#live-status{margin:0;padding:0 8px;color:#8a1c1c;font-size:14px}#live-status:empty{display:none}#live-output{flex:1;border:0;width:100%}</style></head>
<body><main><p id="live-status" role="status"></p></main><iframe id="live-output" title="Live preview" sandbox="allow-same-origin"></iframe><script>${SCRIPT}</script></body></html>`

export function GET(): Response {
  return new Response(HTML, {
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // Its own script only; what it shows (our render's output) runs no script.
      'Content-Security-Policy': `default-src 'self'; script-src 'sha256-${HASH}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'`,
    },
  })
}
