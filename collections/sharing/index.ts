/** The Sharing group: webhook endpoints, their delivery log, and the outbox behind both. */
export { OutboxMessages } from './outbox-messages'
export { WebhookDeliveries } from './webhook-deliveries'
export { WebhookEndpoints } from './webhook-endpoints'
