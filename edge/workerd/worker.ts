/**
 * The edge renderer on Cloudflare Workers (workerd): the same handler, with
 * the platform's `waitUntil` for what comes after the response (manifest
 * revalidation, events). Bindings: TESSERA_ORIGIN, TESSERA_EDGE_KEY (a
 * secret: `wrangler secret put TESSERA_EDGE_KEY`), TESSERA_EDGE_REVALIDATE_SECONDS.
 * An isolate keeps its snapshot in memory for as long as it lives; bundles
 * also go to the Cache API, so a fresh isolate does not ask the origin again.
 */
import { createEdgeRenderer, type EdgeRenderer } from '../handler'

type Env = { TESSERA_ORIGIN: string; TESSERA_EDGE_KEY: string; TESSERA_EDGE_REVALIDATE_SECONDS?: string }
type ExecutionContext = { waitUntil: (work: Promise<unknown>) => void }

let renderer: EdgeRenderer | undefined

const worker = {
  fetch(request: Request, env: Env, context: ExecutionContext): Promise<Response> {
    renderer ??= createEdgeRenderer({
      origin: env.TESSERA_ORIGIN,
      apiKey: env.TESSERA_EDGE_KEY,
      revalidateSeconds: Number(env.TESSERA_EDGE_REVALIDATE_SECONDS ?? 5),
    })
    return renderer.fetch(request, (work) => context.waitUntil(work))
  },
}

export default worker
