/**
 * The NATS JetStream stream, when NATS_URL is set: every outbox message is
 * published to `<prefix>.<type>` (prefix NATS_SUBJECT_PREFIX, default
 * `tessera`) in one stream (NATS_STREAM, default `TESSERA`, created at start
 * if missing), with the message id as `Nats-Msg-Id` so that JetStream drops a
 * second copy (a publisher that restarts before marking a message streamed).
 */
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream'
import { connect, type NatsConnection } from '@nats-io/transport-node'

import { processWide } from '../http'
import { type ChangeMessage, subjectOf } from './changeTypes'

export type StreamSettings = { url: string; stream: string; prefix: string }

export function streamSettings(): StreamSettings | undefined {
  const url = process.env.NATS_URL
  if (!url) return undefined
  return { url, stream: process.env.NATS_STREAM || 'TESSERA', prefix: process.env.NATS_SUBJECT_PREFIX || 'tessera' }
}

export const streamConfigured = () => Boolean(process.env.NATS_URL)

type Publisher = { settings: StreamSettings; connection: NatsConnection; client: JetStreamClient }
const publishers = processWide('natsPublishers', () => new Map<string, Promise<Publisher>>())

/** Connects (once per URL and stream) and creates the stream if it is missing. */
async function publisherFor(settings: StreamSettings): Promise<Publisher> {
  const key = `${settings.url} ${settings.stream} ${settings.prefix}`
  let publisher = publishers.get(key)
  if (!publisher) {
    publisher = (async () => {
      const connection = await connect({ servers: settings.url.split(','), name: 'tessera', maxReconnectAttempts: -1 })
      const manager = await jetstreamManager(connection)
      const subjects = [`${settings.prefix}.>`]
      try {
        await manager.streams.info(settings.stream)
      } catch {
        // Two minutes of de-duplication (JetStream's default) covers a restart between publish and mark.
        await manager.streams.add({ name: settings.stream, subjects, duplicate_window: 120_000_000_000 })
      }
      return { settings, connection, client: jetstream(connection) }
    })()
    publishers.set(key, publisher)
    publisher.catch(() => publishers.delete(key))
  }
  return publisher
}

/** Publishes one message and waits for the stream's acknowledgement; answers whether JetStream had it already. */
export async function publishToStream(settings: StreamSettings, message: ChangeMessage): Promise<{ duplicate: boolean }> {
  const { client } = await publisherFor(settings)
  const ack = await client.publish(subjectOf(settings.prefix, message.type), JSON.stringify(message), { msgID: message.id })
  return { duplicate: ack.duplicate }
}

/** Closes this process's NATS connections (tests, shutdown). */
export async function closeStreams(): Promise<void> {
  const all = [...publishers.values()]
  publishers.clear()
  await Promise.all(all.map((publisher) => publisher.then(({ connection }) => connection.drain(), () => {})))
}
