/**
 * Reads a whole JetStream stream from its start with an ordered consumer
 * (the NATS tests' downstream system), and removes test streams.
 */
import { jetstream, jetstreamManager } from '@nats-io/jetstream'
import { connect } from '@nats-io/transport-node'

export type StreamedMessage = { subject: string; msgId?: string; body: { id: string; type: string; data: Record<string, unknown> } }

/** TEST_NATS_URL, or undefined with a loud note: the NATS runs are then skipped. */
export function testNatsUrl(): string | undefined {
  const url = process.env.TEST_NATS_URL
  if (!url) console.warn('TEST_NATS_URL is not set: the NATS JetStream checks are SKIPPED')
  return url
}

export async function readStream(url: string, stream: string): Promise<StreamedMessage[]> {
  const connection = await connect({ servers: url })
  try {
    const manager = await jetstreamManager(connection)
    const total = (await manager.streams.info(stream)).state.messages
    const consumer = await jetstream(connection).consumers.get(stream)
    const messages: StreamedMessage[] = []
    while (messages.length < total) {
      const batch = await consumer.fetch({ max_messages: Math.min(1000, total - messages.length), expires: 5000 })
      let got = 0
      for await (const message of batch) {
        got++
        messages.push({ subject: message.subject, msgId: message.headers?.get('Nats-Msg-Id'), body: message.json() })
      }
      if (got === 0) throw new Error(`The stream ${stream} holds ${total} messages, but only ${messages.length} could be read`)
    }
    return messages
  } finally {
    await connection.close()
  }
}

export async function deleteStream(url: string, stream: string): Promise<void> {
  const connection = await connect({ servers: url })
  try {
    await (await jetstreamManager(connection)).streams.delete(stream).catch(() => false)
  } finally {
    await connection.close()
  }
}
