import type { IncomingMessage, ServerResponse } from 'node:http'
import { Gauge } from 'prom-client'
import type { CollabStack } from '../createCollab'
import { metricsRegistry } from './metrics'
import { mayReadMetrics } from './metricsAccess'

/** How long `/readyz` waits for storage to answer. */
const READY_TIMEOUT_MS = 1_000

/**
 * Serves the operations endpoints of a process:
 * - `GET /healthz`: 200 while the process runs;
 * - `GET /readyz`: 200 when storage answers and the server is not shutting down, else 503;
 * - `GET /metrics`: Prometheus text format, with `Authorization: Bearer $METRICS_TOKEN`,
 *   or from loopback when `METRICS_TOKEN` is unset (see `mayReadMetrics`); 401 otherwise.
 *
 * @returns a handler that answers those paths and returns false for any other.
 */
export function createOpsHandler(stack: CollabStack): (req: IncomingMessage, res: ServerResponse) => boolean {
  metricsRegistry.removeSingleMetric('mockboard_connections')
  metricsRegistry.removeSingleMetric('mockboard_rooms_loaded')
  new Gauge({
    name: 'mockboard_connections',
    help: 'Open collab WebSocket connections',
    registers: [metricsRegistry],
    collect() {
      this.set(stack.collab.connectionCount)
    },
  })
  new Gauge({
    name: 'mockboard_rooms_loaded',
    help: 'Rooms held in memory',
    registers: [metricsRegistry],
    collect() {
      this.set(stack.collab.rooms.loadedCount)
    },
  })

  return (req, res) => {
    const path = (req.url ?? '').split('?')[0]
    if (req.method !== 'GET' && req.method !== 'HEAD') return false
    if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n')
      return true
    }
    if (path === '/readyz') {
      void isReady(stack).then((ready) => {
        res.writeHead(ready.ok ? 200 : 503, { 'content-type': 'text/plain' }).end(`${ready.reason}\n`)
      })
      return true
    }
    if (path === '/metrics') {
      if (!mayReadMetrics(req)) {
        res
          .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' })
          .end('metrics need Authorization: Bearer $METRICS_TOKEN (unset: loopback only)\n')
        return true
      }
      void metricsRegistry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(text)
      })
      return true
    }
    return false
  }
}

async function isReady(stack: CollabStack): Promise<{ ok: boolean; reason: string }> {
  if (stack.collab.isClosing) return { ok: false, reason: 'shutting down' }
  try {
    await Promise.race([
      stack.storage.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), READY_TIMEOUT_MS).unref()),
    ])
    return { ok: true, reason: `ready (${stack.mode})` }
  } catch (error) {
    return { ok: false, reason: `storage unreachable: ${(error as Error).message}` }
  }
}
