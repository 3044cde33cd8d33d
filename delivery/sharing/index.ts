/**
 * The sharing room: what other systems learn, in real time. Changes are
 * written to an outbox in the unit of work that makes them (emitChange), then
 * delivered at least once, with stable ids, to webhook endpoints (signed per
 * Standard Webhooks, retried for a day, dead-lettered, SSRF-guarded) and, when
 * NATS_URL is set, to a NATS JetStream stream; screens hear of publishes by
 * server-sent events.
 */
export { BEHAVIOUR_TYPES, CHANGE_TYPES, ChangeMessageSchema, changeId, isBehaviour, PersonSchema, subjectOf, type ChangeMessage, type ChangeType, type MessageType, type Person } from './changeTypes'
export { allowedNetworks, checkDestination, DestinationRefused, refusalOf, type Resolver } from './destinationGuard'
export { changesCommitted, replayDelivery, sharingIdle, startSharing, stopSharing, type AttemptRecord, type DispatcherOptions } from './dispatcher'
export { forgetEndpoints } from './endpoints'
export { closeStreams, streamSettings } from './natsStream'
export { emitChange, emitChanges, type Change, type ChangeUnit } from './outbox'
export { DEFAULT_RETRY_SCHEDULE_MS } from './retrySchedule'
export { attemptDelivery, signedHeaders } from './webhookRequest'
