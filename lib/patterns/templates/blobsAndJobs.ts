import type { TemplateEntry } from '../catalogSchema'
import { S000, S001, S002, S003 } from './seedIds'

/** Work that outgrows a request: large uploads, long-running jobs, and proximity search over moving things. */
export const blobsAndJobsTemplates: TemplateEntry[] = [
  {
    id: 'large-file-upload',
    name: 'Large upload: signed URL + async + CDN',
    aliases: ['direct upload', 'blob upload flow', 'upload pipeline'],
    summary:
      'The API hands out a short-lived signed URL; the client sends the bytes straight to object storage, an upload event queues the processing, and reads come back through the CDN.',
    sources: [
      { source: S003, section: '6. Handling Large Blobs' },
      { source: S001, section: '1. Design Dropbox / Google Drive' },
    ],
    blocks: [
      { key: 'client', kind: 'client', x: 0, y: 140 },
      { key: 'api', kind: 'stateless-service', x: 380, y: 0, label: 'Upload API', annotation: '3 instances' },
      { key: 'meta', kind: 'sql-database', x: 760, y: 0, label: 'File metadata', annotation: 'primary + standby' },
      {
        key: 'raw',
        kind: 'object-storage',
        x: 380,
        y: 280,
        label: 'Raw uploads',
        annotation: 'multipart, 10 MB parts',
      },
      { key: 'queue', kind: 'message-queue', x: 760, y: 280, label: 'Upload events', annotation: 'replicated, DLQ' },
      { key: 'workers', kind: 'worker-pool', x: 1140, y: 280, label: 'Processors', annotation: 'pool of 20 workers' },
      {
        key: 'out',
        kind: 'object-storage',
        x: 1140,
        y: 140,
        label: 'Processed files',
        annotation: 'thumbs, renditions',
      },
      { key: 'cdn', kind: 'cdn', x: 760, y: 140, annotation: 'signed URLs, 95% hits' },
    ],
    connections: [
      { from: 'client', to: 'api', protocol: 'REST', mode: 'sync', note: 'init → signed URL' },
      { from: 'api', to: 'meta', protocol: 'SQL', mode: 'sync', note: 'status pending' },
      { from: 'client', to: 'raw', protocol: 'HTTP', mode: 'sync', note: 'PUT parts to signed URL' },
      { from: 'raw', to: 'queue', protocol: 'Pub/Sub', mode: 'async', note: 'object created' },
      { from: 'queue', to: 'workers', protocol: 'AMQP', mode: 'async', note: 'process' },
      { from: 'workers', to: 'out', protocol: 'HTTP', mode: 'sync', note: 'write outputs' },
      { from: 'workers', to: 'meta', protocol: 'SQL', mode: 'sync', note: 'status ready' },
      { from: 'client', to: 'cdn', protocol: 'HTTP', mode: 'sync', note: 'download' },
      { from: 'cdn', to: 'out', protocol: 'HTTP', mode: 'sync', note: 'on miss' },
    ],
  },
  {
    id: 'long-running-job',
    name: 'Long-running job: task id + status + progress',
    aliases: ['async job', 'job status polling', 'background task flow'],
    summary:
      'The API answers 202 with a task id at once; workers take the job from a queue, checkpoint and write progress to a status store, and the client follows it over SSE or gets a webhook at the end.',
    sources: [{ source: S003, section: '7. Managing Long Running Tasks' }, S001],
    blocks: [
      { key: 'client', kind: 'client', x: 0, y: 140 },
      { key: 'api', kind: 'stateless-service', x: 380, y: 140, label: 'Jobs API', annotation: '3 instances' },
      { key: 'status', kind: 'sql-database', x: 760, y: 0, label: 'Job status', annotation: 'primary + standby' },
      {
        key: 'queue',
        kind: 'message-queue',
        x: 760,
        y: 280,
        label: 'Job queue',
        annotation: 'replicated, DLQ after 3',
      },
      { key: 'workers', kind: 'worker-pool', x: 1140, y: 140, label: 'Workers', annotation: 'pool, checkpoint 5 min' },
      { key: 'progress', kind: 'sse', x: 380, y: 0, label: 'Progress stream' },
      { key: 'hook', kind: 'webhook', x: 1140, y: 0, label: 'Done webhook', annotation: 'HMAC-signed, retried' },
    ],
    connections: [
      { from: 'client', to: 'api', protocol: 'REST', mode: 'sync', note: 'POST → 202 + task id' },
      { from: 'api', to: 'status', protocol: 'SQL', mode: 'sync', note: 'status queued' },
      { from: 'api', to: 'queue', protocol: 'AMQP', mode: 'async', note: 'enqueue' },
      { from: 'queue', to: 'workers', protocol: 'AMQP', mode: 'async', note: 'claim, ack when done' },
      { from: 'workers', to: 'status', protocol: 'SQL', mode: 'sync', note: 'progress %, result' },
      { from: 'progress', to: 'client', protocol: 'SSE', mode: 'async', note: 'progress events' },
      { from: 'progress', to: 'status', protocol: 'SQL', mode: 'sync', note: 'watch' },
      { from: 'workers', to: 'hook', protocol: 'Webhook', mode: 'async', note: 'job finished' },
    ],
  },
  {
    id: 'geo-proximity',
    name: 'Geo proximity: geohash / Redis GEO',
    aliases: ['nearby search', 'proximity search', 'find nearby drivers'],
    summary:
      'Moving things report their position every few seconds into a geo index sharded by region; a nearby query searches the cells around the user, and the history goes to a log off the hot path.',
    sources: [
      S000,
      { source: S001, section: '10. Yelp - Location-Based Business Search' },
      { source: S002, section: 'Geohash Grid + Redis GEO' },
    ],
    blocks: [
      { key: 'drivers', kind: 'client', x: 0, y: 0, label: 'Driver apps' },
      { key: 'riders', kind: 'client', x: 0, y: 280, label: 'Rider apps' },
      { key: 'gateway', kind: 'api-gateway', x: 380, y: 140, annotation: 'auth, rate limit' },
      { key: 'location', kind: 'location-service', x: 760, y: 140, annotation: '3 instances' },
      { key: 'geo', kind: 'geospatial-index', x: 1140, y: 0, annotation: 'cluster, shard by region' },
      { key: 'log', kind: 'kafka-log', x: 1140, y: 280, label: 'Location log', annotation: 'RF=3' },
      { key: 'history', kind: 'wide-column-store', x: 1520, y: 280, label: 'Location history', annotation: 'RF=3' },
    ],
    connections: [
      { from: 'drivers', to: 'gateway', protocol: 'HTTP', mode: 'sync', note: 'position every 5 s' },
      { from: 'riders', to: 'gateway', protocol: 'HTTP', mode: 'sync', note: 'who is near me?' },
      { from: 'gateway', to: 'location', protocol: 'gRPC', mode: 'sync', note: 'update / search' },
      { from: 'location', to: 'geo', protocol: 'Redis', mode: 'sync', note: 'GEOADD / GEOSEARCH' },
      { from: 'location', to: 'log', protocol: 'Kafka', mode: 'async', note: 'position' },
      { from: 'log', to: 'history', protocol: 'Kafka', mode: 'async', note: 'persist' },
    ],
  },
]
