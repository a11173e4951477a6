import type { TemplateEntry } from './catalogSchema'
import { blobsAndJobsTemplates } from './templates/blobsAndJobs'
import { dataFlowTemplates } from './templates/dataFlows'
import { edgeAndContentionTemplates } from './templates/edgeAndContention'
import { fanOutTemplates } from './templates/fanOut'
import { requestPathTemplates } from './templates/requestPaths'

const PALETTE_ORDER = [
  'hld-five-layer',
  'cache-aside-read-replicas',
  'websocket-pubsub-fanout',
  'fan-out-on-write',
  'fan-out-on-read',
  'fan-out-hybrid',
  'saga-orchestration',
  'outbox-cdc',
  'cqrs-read-model',
  'read-write-async-paths',
  'rate-limited-api-edge',
  'url-shortener-starter',
  'large-file-upload',
  'long-running-job',
  'geo-proximity',
  'contention-hold',
  'analytics-pipeline',
  'resilient-call-chain',
  'cdn-geodns',
]

/**
 * Pre-wired groups of blocks, inserted in one step (one undo), in the order
 * the palette lists them. Each is a starting point to adapt, not a finished
 * answer: the labels and numbers are there to be edited.
 */
export const patternTemplates: TemplateEntry[] = [
  ...requestPathTemplates,
  ...fanOutTemplates,
  ...dataFlowTemplates,
  ...blobsAndJobsTemplates,
  ...edgeAndContentionTemplates,
].sort((a, b) => PALETTE_ORDER.indexOf(a.id) - PALETTE_ORDER.indexOf(b.id))
