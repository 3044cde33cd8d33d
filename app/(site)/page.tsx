import config from '@payload-config'
import Link from 'next/link'
import { getPayload } from 'payload'

export const dynamic = 'force-dynamic'

export default async function SiteIndex() {
  const payload = await getPayload({ config })
  const pages = await payload.find({ collection: 'pages', where: { _status: { equals: 'published' } }, depth: 0, limit: 100 })
  return (
    <main>
      <h1>Tessera</h1>
      <p>
        Headless content personalization. Editors work in the <Link href="/admin">admin</Link>.
      </p>
      <h2>Published pages</h2>
      <ul>
        {pages.docs.map((page) => (
          <li key={page.id}>
            {page.title} <small>({page.channel}, /{page.slug})</small>
          </li>
        ))}
      </ul>
    </main>
  )
}
