/**
 * The files of an installed package, served from this origin so that the
 * admin asks no CDN for them (the JSON fields' code editor, monaco). The URL
 * names the installed version, so a file may be cached for good: an upgrade
 * changes its URL, and a URL of another version is a 404.
 */
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
}

const versions = new Map<string, string>()

/** The installed version of `name`, read once from the project's node_modules. */
export function installedVersion(name: string): string {
  let version = versions.get(name)
  if (version === undefined) {
    version = (JSON.parse(readFileSync(path.join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
    versions.set(name, version)
  }
  return version
}

type PackageFileParams = { params: Promise<{ version: string; path: string[] }> }

/** GET …/[version]/[...path]: the file at `path` under `folder` of package `name`, when `version` is the installed one. */
export function packageFilesRoute(name: string, folder: string) {
  const root = path.join(process.cwd(), 'node_modules', name, folder)
  return async (_request: Request, { params }: PackageFileParams): Promise<Response> => {
    const { version, path: segments } = await params
    const file = path.resolve(root, ...segments)
    const type = CONTENT_TYPES[path.extname(file)]
    // path.resolve folds `..`: whatever resolves outside the folder, or is not a file type we serve, is not here.
    if (version !== installedVersion(name) || !file.startsWith(root + path.sep) || !type) return notFound()
    let body: Buffer
    try {
      body = await readFile(file)
    } catch {
      return notFound()
    }
    return new Response(new Uint8Array(body), {
      headers: { 'Content-Type': type, 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' },
    })
  }
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
