import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  images: { unoptimized: true },
  // `npm test` type-checks the whole project (tsc); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
  // The admin's code editor is served from node_modules at run time (delivery/http/packageFiles.ts): a traced deployment takes it along.
  outputFileTracingIncludes: { '/admin/monaco/**': ['./node_modules/monaco-editor/package.json', './node_modules/monaco-editor/min/vs/**/*'] },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
