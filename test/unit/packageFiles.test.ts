import { describe, expect, it } from 'vitest'

import { installedVersion, packageFilesRoute } from '../../delivery/http/packageFiles'

const serveMonaco = packageFilesRoute('monaco-editor', 'min')
const version = installedVersion('monaco-editor')
const get = (fileVersion: string, ...path: string[]) => serveMonaco(new Request('http://localhost/'), { params: Promise.resolve({ version: fileVersion, path }) })

describe('an installed package served from this origin (the admin code editor)', () => {
  it('serves its scripts and styles with their type, cached for good', async () => {
    const script = await get(version, 'vs', 'loader.js')
    expect(script.status).toBe(200)
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    expect(script.headers.get('X-Content-Type-Options')).toBe('nosniff')
    expect(await script.text()).toContain('AMDLoader')
    expect((await get(version, 'vs', 'editor', 'editor.main.css')).headers.get('Content-Type')).toBe('text/css; charset=utf-8')
  })

  it('answers a URL of another version with a 404, so that an upgrade never meets a stale cached file', async () => {
    expect((await get('0.0.1', 'vs', 'loader.js')).status).toBe(404)
  })

  it('refuses paths out of its folder, files it does not have and folders', async () => {
    for (const path of [['..', 'package.json'], ['vs', '..', '..', 'package.json'], ['../../../../package.json'], ['vs', '/etc/passwd'], ['vs', 'nope.js'], ['vs'], ['vs', 'editor']]) {
      expect((await get(version, ...path)).status, path.join('/')).toBe(404)
    }
  })
})
