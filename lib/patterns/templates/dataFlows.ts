import type { TemplateEntry } from '../catalogSchema'
import { S002, S003, S004 } from './seedIds'

/** Data across services: sagas, outbox + CDC, CQRS. */
export const dataFlowTemplates: TemplateEntry[] = [
  {
    id: 'saga-orchestration',
    name: 'Saga (orchestrated)',
    aliases: ['checkout flow', 'distributed transaction', 'multi-step process', 'saga template'],
    summary:
      'A business transaction across services as a sequence of local steps; when one fails, the orchestrator runs the compensating steps in reverse.',
    sources: [
      { source: S002, section: 'Saga Pattern' },
      { source: S003, section: '3. Saga Pattern (Preferred)' },
      { source: S004, section: 'Event-Driven Architecture' },
    ],
    blocks: [
      { key: 'client', kind: 'client', x: 0, y: 140 },
      { key: 'orders', kind: 'stateless-service', x: 380, y: 140, label: 'Order service', annotation: '3 instances' },
      {
        key: 'orchestrator',
        kind: 'workflow-engine',
        x: 760,
        y: 140,
        label: 'Saga orchestrator',
        annotation: 'compensate on failure',
      },
      { key: 'inventory', kind: 'stateless-service', x: 1140, y: 0, label: 'Inventory service' },
      {
        key: 'payment',
        kind: 'stateless-service',
        x: 1140,
        y: 140,
        label: 'Payment service',
        annotation: 'idempotency key',
      },
      { key: 'shipping', kind: 'stateless-service', x: 1140, y: 280, label: 'Shipping service' },
    ],
    connections: [
      { from: 'client', to: 'orders', protocol: 'REST', mode: 'sync', note: 'checkout' },
      { from: 'orders', to: 'orchestrator', protocol: 'Kafka', mode: 'async', note: 'start' },
      { from: 'orchestrator', to: 'inventory', protocol: 'Kafka', mode: 'async', note: 'reserve / release' },
      { from: 'orchestrator', to: 'payment', protocol: 'Kafka', mode: 'async', note: 'charge / refund' },
      { from: 'orchestrator', to: 'shipping', protocol: 'Kafka', mode: 'async', note: 'ship / cancel' },
    ],
  },
  {
    id: 'outbox-cdc',
    name: 'Outbox + CDC',
    aliases: ['dual write', 'debezium pipeline', 'reliable events'],
    summary:
      'Write the row and an outbox record in one local transaction; CDC tails the database log and publishes the event. No lost or phantom events.',
    sources: [{ source: S002, section: 'Outbox Pattern — The Production-Grade Dual-Write Fix' }],
    blocks: [
      { key: 'service', kind: 'stateless-service', x: 0, y: 100, label: 'Order service' },
      { key: 'db', kind: 'sql-database', x: 380, y: 0, label: 'Orders DB', annotation: 'primary + standby' },
      {
        key: 'outbox',
        kind: 'transactional-outbox',
        x: 380,
        y: 200,
        label: 'Outbox table',
        annotation: 'same transaction',
      },
      { key: 'cdc', kind: 'change-data-capture', x: 760, y: 200 },
      { key: 'bus', kind: 'kafka-log', x: 1140, y: 200, label: 'Order events', annotation: 'RF=3' },
      { key: 'search', kind: 'search-index', x: 1520, y: 100, annotation: '3 nodes, replicas' },
      { key: 'notify', kind: 'notification-service', x: 1520, y: 300 },
    ],
    connections: [
      { from: 'service', to: 'db', protocol: 'SQL', mode: 'sync', note: 'row' },
      { from: 'service', to: 'outbox', protocol: 'SQL', mode: 'sync', note: 'event' },
      { from: 'outbox', to: 'cdc', protocol: 'CDC', mode: 'async', note: 'tail WAL' },
      { from: 'cdc', to: 'bus', protocol: 'Kafka', mode: 'async' },
      { from: 'bus', to: 'search', protocol: 'Kafka', mode: 'async' },
      { from: 'bus', to: 'notify', protocol: 'Kafka', mode: 'async' },
    ],
  },
  {
    id: 'cqrs-read-model',
    name: 'CQRS with a read model',
    aliases: ['command query separation', 'cqrs template', 'projection'],
    summary:
      'Commands go to a write model; change events feed projections that keep a read-optimised model up to date. Reads scale on their own, a little stale.',
    sources: [
      { source: S002, section: 'Command Query Responsibility Segregation' },
      { source: S003, section: '5. Materialized Views / CQRS' },
      { source: S004, section: 'Event-Driven Architecture' },
    ],
    blocks: [
      { key: 'client', kind: 'client', x: 0, y: 140 },
      { key: 'gateway', kind: 'api-gateway', x: 380, y: 140 },
      { key: 'commands', kind: 'stateless-service', x: 760, y: 0, label: 'Command service' },
      { key: 'queries', kind: 'stateless-service', x: 760, y: 280, label: 'Query service' },
      { key: 'writeDb', kind: 'sql-database', x: 1140, y: 0, label: 'Write model', annotation: 'primary + standby' },
      { key: 'events', kind: 'kafka-log', x: 1520, y: 0, label: 'Change events', annotation: 'RF=3' },
      { key: 'projector', kind: 'stream-processor', x: 1520, y: 280, label: 'Projector' },
      {
        key: 'readDb',
        kind: 'document-store',
        x: 1140,
        y: 280,
        label: 'Read model',
        annotation: '3 replicas, lag < 1 s',
      },
    ],
    connections: [
      { from: 'client', to: 'gateway', protocol: 'HTTP', mode: 'sync' },
      { from: 'gateway', to: 'commands', protocol: 'REST', mode: 'sync', note: 'commands' },
      { from: 'gateway', to: 'queries', protocol: 'REST', mode: 'sync', note: 'queries' },
      { from: 'commands', to: 'writeDb', protocol: 'SQL', mode: 'sync' },
      { from: 'writeDb', to: 'events', protocol: 'CDC', mode: 'async' },
      { from: 'events', to: 'projector', protocol: 'Kafka', mode: 'async' },
      { from: 'projector', to: 'readDb', mode: 'async', note: 'upsert' },
      { from: 'queries', to: 'readDb', mode: 'sync', note: 'read' },
    ],
  },
]
