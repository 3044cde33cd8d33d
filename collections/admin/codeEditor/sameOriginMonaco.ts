/**
 * Loads monaco from this origin into `window.monaco`. Payload's code editor
 * (@monaco-editor/react, whose loader @payloadcms/ui bundles, so it cannot be
 * configured from here) fetches monaco from a CDN unless `window.monaco` is
 * already there when the first editor mounts; `SameOriginCodeField` waits
 * for this before it renders one. Monaco's own workers then come from the
 * same folder (it sets `MonacoEnvironment` from the AMD loader's paths).
 */
type AmdRequire = {
  (modules: string[], onLoad: (loaded: unknown) => void, onError: (error: unknown) => void): void
  config(options: { paths: Record<string, string> }): void
}
type MonacoWindow = { monaco?: { editor?: unknown }; require?: AmdRequire }

let loading: Promise<void> | undefined

/** Resolves once `window.monaco` holds the editor loaded from `vs` (a same-origin URL of monaco's min/vs folder). */
export function loadSameOriginMonaco(vs: string): Promise<void> {
  const page = window as unknown as MonacoWindow
  if (page.monaco?.editor) return Promise.resolve()
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script')
    script.src = `${vs}/loader.js`
    script.onerror = () => reject(new Error(`The code editor could not be loaded from ${script.src}`))
    script.onload = () => {
      const amd = page.require!
      amd.config({ paths: { vs } })
      amd(
        ['vs/editor/editor.main'],
        (loaded) => {
          // 0.53 and 0.54 hand the module under `m` (as @monaco-editor/loader reads it).
          page.monaco = (loaded as { m?: MonacoWindow['monaco'] }).m ?? (loaded as MonacoWindow['monaco'])
          resolve()
        },
        reject,
      )
    }
    document.body.appendChild(script)
  }).catch((error: unknown) => {
    // A later field may try again.
    loading = undefined
    throw error
  })
  return loading
}
