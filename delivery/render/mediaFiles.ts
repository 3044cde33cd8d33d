/**
 * Our own media files on disk. Renderers that need image bytes (the screen
 * PNG) read them here, by the file name of a rendition the snapshot lists:
 * never a URL from the request, never a path outside the media folder.
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

const FILE_NAME = /^[\w.-]+$/

/** Where this Payload instance stores uploads (the media collection's own folder). */
export function uploadDirectory(payload: Payload): string | undefined {
  const upload = payload.collections.media?.config.upload
  return typeof upload === 'object' && upload.staticDir ? upload.staticDir : undefined
}

/** The bytes of a rendition whose URL Payload gave as `/api/media/file/<name>`, or undefined. */
export async function readMediaFile(directory: string | undefined, url: string): Promise<Uint8Array | undefined> {
  if (!directory) return undefined
  let name: string
  try {
    name = decodeURIComponent(new URL(url, 'http://media.invalid').pathname.split('/').pop() ?? '')
  } catch {
    return undefined
  }
  if (!FILE_NAME.test(name) || name.startsWith('.')) return undefined
  const file = path.join(directory, name)
  if (path.dirname(file) !== path.resolve(directory)) return undefined
  try {
    return new Uint8Array(await readFile(file))
  } catch {
    return undefined
  }
}
