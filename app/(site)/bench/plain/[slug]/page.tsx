/**
 * Benchmarks only (TESSERA_BENCH=1): the same page without Tessera, as a
 * plain CMS site would build it: read through Payload's Local API with its
 * blocks populated, and render the default content with Payload's own
 * rich-text renderer.
 */
import config from '@payload-config'
import { RichText } from '@payloadcms/richtext-lexical/react'
import { notFound } from 'next/navigation'
import { getPayload } from 'payload'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

type PopulatedBlock = { id: number | string; content?: { headline?: string | null; body?: unknown } | null }

export default async function PlainPage({ params }: Props) {
  if (process.env.TESSERA_BENCH !== '1') notFound()
  const { slug } = await params
  const payload = await getPayload({ config })
  const { docs } = await payload.find({ collection: 'pages', where: { slug: { equals: slug } }, depth: 2, limit: 1, overrideAccess: true })
  const page = docs[0]
  if (!page) notFound()
  return (
    <main id="main">
      <h1>{page.title}</h1>
      {(page.slots ?? []).map((slot, index) => {
        const block = slot.block as PopulatedBlock | null
        return (
          <section key={index}>
            <h2>{block?.content?.headline}</h2>
            {block?.content?.body ? <RichText data={block.content.body as never} /> : null}
          </section>
        )
      })}
    </main>
  )
}
