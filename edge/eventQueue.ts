/**
 * Events an edge learns are sent to the origin's events API in batches, off
 * the request's path: after the response, through the platform's `waitUntil`
 * where it has one. A batch the origin does not take (unreachable, 5xx, 429)
 * is kept and sent again with the next one; the queue is bounded, and the
 * oldest events are dropped first past its bound (each carries its
 * idempotency key, so a batch sent twice counts once).
 */
export type EdgeEvent = { idempotencyKey: string; type: string; [field: string]: unknown }

export type EventQueueOptions = {
  origin: string
  /** An API key with the events scope. */
  eventsKey: string
  /** Events per POST (the events API takes up to 1,000). */
  batchSize?: number
  /** Bound: events held while the origin does not take them. */
  maxQueued?: number
}

export class EventQueue {
  private queued: EdgeEvent[] = []
  private sending?: Promise<void>
  /** Events dropped past the bound (for the logs). */
  dropped = 0

  constructor(private readonly options: EventQueueOptions) {}

  get size() {
    return this.queued.length
  }

  add(event: EdgeEvent): void {
    this.queued.push(event)
    const excess = this.queued.length - (this.options.maxQueued ?? 10_000)
    if (excess > 0) {
      this.queued.splice(0, excess)
      this.dropped += excess
    }
  }

  /** Sends what is queued, batch by batch; resolves when done or when the origin stops taking them. */
  flush(): Promise<void> {
    this.sending ??= this.send().finally(() => {
      this.sending = undefined
    })
    return this.sending
  }

  private async send(): Promise<void> {
    const size = this.options.batchSize ?? 500
    while (this.queued.length > 0) {
      const batch = this.queued.slice(0, size)
      const response = await fetch(`${this.options.origin.replace(/\/$/, '')}/api/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.options.eventsKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: batch }),
      }).catch(() => undefined)
      // Kept for the next flush: the origin is away or asks us to slow down.
      if (!response || response.status >= 500 || response.status === 429) return
      await response.body?.cancel()
      // Taken (each event accepted, duplicate or rejected by its own merits): done with this batch.
      this.queued.splice(0, batch.length)
    }
  }
}
