import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databasesUnderTest, startPayload, type TestPayload } from './harness'

for (const database of databasesUnderTest()) {
  describe.skipIf(Boolean(database.skipReason))(`smoke on ${database.name}`, () => {
    let t: TestPayload
    beforeAll(async () => {
      t = await startPayload(database)
    })
    afterAll(async () => t?.close())
    it('boots', async () => {
      const { totalDocs } = await t.payload.count({ collection: 'pages' })
      expect(totalDocs).toBe(0)
    })
  })
}
