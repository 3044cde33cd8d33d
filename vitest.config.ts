import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          // The outbox dispatcher runs where a test starts it (startSharing), not in every Payload a test boots.
          env: { TESSERA_SHARING: 'off' },
          hookTimeout: 180_000,
          // Each file boots Payload on its own fresh databases.
          fileParallelism: false,
        },
      },
    ],
  },
})
