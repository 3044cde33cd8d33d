import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypeScript from 'eslint-config-next/typescript'

const config = [
  {
    ignores: [
      '.next/**',
      'data/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'migrations/sqlite/**',
      'migrations/postgres/**',
      'collections/payload-types.ts',
      'app/(payload)/admin/importMap.js',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypeScript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine runs in edge runtimes: Web-standard APIs only.
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'crypto', 'os', 'http', 'https', 'stream', 'buffer', 'child_process'], message: 'engine/ runs at the edge: no Node built-ins.' },
            { group: ['payload', 'payload/*', '@payloadcms/*', 'next', 'next/*', 'pg', 'mongoose', '@libsql/*'], message: 'engine/ is pure: no Payload, Next or database imports.' },
            { group: ['../collections/*', '../delivery/*', '../channels/*', '../app/*'], message: 'engine/ imports nothing from the other layers.' },
          ],
        },
      ],
    },
  },
]

export default config
