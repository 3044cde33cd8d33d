import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypeScript from 'eslint-config-next/typescript'

/** The rooms of delivery/: each is reached through its index.ts door. */
const ROOMS = ['http', 'limits', 'trust', 'snapshot', 'customers', 'render', 'experiments', 'api', 'sharing']
const CHANNELS = ['web', 'email', 'screen']
/** Rooms that may reach only some others (through their doors); a room not listed may reach any. */
const ROOM_MAY_IMPORT = { experiments: ['http', 'limits', 'trust', 'snapshot', 'customers'], sharing: ['http'] }

const engineDoor = { regex: '(^|/)engine/.+', message: 'Import the engine through its door: engine/index.ts.' }
const roomDoors = { regex: `(^|/)delivery/(${ROOMS.join('|')})/.+`, message: 'Import a delivery room through its door (delivery/<room>/index.ts).' }

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
    // Outside the engine and the rooms, code meets them at their doors (unit tests may test internals).
    files: ['app/**', 'collections/**', 'channels/**', 'migrations/**', 'bench/**', 'edge/**', 'scripts/**', 'test/integration/**', 'test/e2e/**', 'payload.config.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [engineDoor, roomDoors] }] },
  },
  ...ROOMS.map((room) => ({
    // A room imports another room through its door, never its files.
    files: [`delivery/${room}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            engineDoor,
            { regex: `^\\.\\./(${ROOMS.filter((other) => other !== room).join('|')})/.+`, message: 'Import another room through its door: ../<room>.' },
            ...(ROOM_MAY_IMPORT[room]
              ? [
                  {
                    regex: `^\\.\\./(${ROOMS.filter((other) => other !== room && !ROOM_MAY_IMPORT[room].includes(other)).join('|')})(/|$)`,
                    message: `delivery/${room} may import only the engine and ${ROOM_MAY_IMPORT[room].join(', ')}.`,
                  },
                ]
              : []),
            { regex: '(^|/)collections/', message: 'delivery/ does not import collections/ (collections depend on delivery, not the reverse).' },
          ],
        },
      ],
    },
  })),
  ...CHANNELS.map((channel) => ({
    // Channels share helpers through channels/shared, never each other's files.
    files: [`channels/${channel}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            engineDoor,
            { regex: `^\\.\\./(${CHANNELS.filter((other) => other !== channel).join('|')})(/|$)`, message: 'A channel does not import another channel: share through channels/shared.' },
          ],
        },
      ],
    },
  })),
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
            { regex: '^\\.\\./', message: 'engine/ imports nothing from the other layers.' },
          ],
        },
      ],
    },
  },
]

export default config
