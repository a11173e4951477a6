/**
 * Protocols a connection between blocks can carry. The arrow shows the name
 * as its label; `async` ones default to a dashed line when picked.
 */
export const connectionProtocols = [
  { id: 'HTTP', mode: 'sync' },
  { id: 'REST', mode: 'sync' },
  { id: 'gRPC', mode: 'sync' },
  { id: 'GraphQL', mode: 'sync' },
  { id: 'WebSocket', mode: 'async' },
  { id: 'SSE', mode: 'async' },
  { id: 'WebRTC', mode: 'async' },
  { id: 'TCP', mode: 'sync' },
  { id: 'SQL', mode: 'sync' },
  { id: 'Redis', mode: 'sync' },
  { id: 'Kafka', mode: 'async' },
  { id: 'AMQP', mode: 'async' },
  { id: 'Pub/Sub', mode: 'async' },
  { id: 'CDC', mode: 'async' },
  { id: 'Webhook', mode: 'async' },
] as const

/** A protocol name from {@link connectionProtocols}. */
export type ConnectionProtocol = (typeof connectionProtocols)[number]['id']

/** Whether the caller waits for the answer (`sync`, solid line) or not (`async`, dashed). */
export type ConnectionMode = 'sync' | 'async'

/** Protocol ids, for zod's enum. */
export const connectionProtocolIds = connectionProtocols.map((p) => p.id) as [
  ConnectionProtocol,
  ...ConnectionProtocol[],
]
