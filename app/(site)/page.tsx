import type { Metadata } from 'next'

import { SitePageView, sitePageMetadata } from './SitePageView'

export const dynamic = 'force-dynamic'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export const generateMetadata = ({ searchParams }: Props): Promise<Metadata> => sitePageMetadata('home', '/', searchParams)

export default function HomePage({ searchParams }: Props) {
  return <SitePageView slug="home" path="/" searchParams={searchParams} />
}
