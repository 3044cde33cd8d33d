import { describe, expect, it } from 'vitest'

import { onDestroy } from '../../delivery/http'

describe('onDestroy', () => {
  it('runs every stop once, in order, before the instance closes its database', async () => {
    const calls: string[] = []
    const instance = { destroy: async () => void calls.push('database closed') }
    onDestroy(instance, () => void calls.push('sharing stopped'))
    onDestroy(instance, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      calls.push('snapshot poll stopped')
    })
    await instance.destroy()
    await instance.destroy()
    expect(calls).toEqual(['sharing stopped', 'snapshot poll stopped', 'database closed', 'database closed'])
  })
})
