/**
 * The edge renderer on Deno (and Deno Deploy): the same handler, served by
 * `Deno.serve`. TESSERA_ORIGIN, TESSERA_EDGE_KEY, PORT, TESSERA_EDGE_REVALIDATE_SECONDS.
 */
import { createEdgeRenderer } from '../handler'

declare const Deno: {
  env: { get: (name: string) => string | undefined }
  serve: (options: { port: number; hostname?: string; onListen?: () => void }, handler: (request: Request) => Promise<Response>) => unknown
}

const renderer = createEdgeRenderer({
  origin: Deno.env.get('TESSERA_ORIGIN') ?? 'http://127.0.0.1:3000',
  apiKey: Deno.env.get('TESSERA_EDGE_KEY') ?? '',
  revalidateSeconds: Number(Deno.env.get('TESSERA_EDGE_REVALIDATE_SECONDS') ?? 5),
})

const port = Number(Deno.env.get('PORT') ?? 8000)
Deno.serve({ port, hostname: Deno.env.get('HOST') ?? '127.0.0.1', onListen: () => console.log(`tessera edge on :${port}`) }, (request) => renderer.fetch(request))
