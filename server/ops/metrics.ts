import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'

/**
 * Prometheus metrics of one process, served at `/metrics`. Module-level, as
 * prom-client intends: every part of the server increments the same series.
 */
export const metricsRegistry = new Registry()
// Event-loop lag sampled every 100 ms, not the default 10 ms: the default
// wakes an idle server 100 times a second (~6 ms of CPU per second, measured).
collectDefaultMetrics({ register: metricsRegistry, prefix: 'mockboard_process_', eventLoopMonitoringPrecision: 100 })

/** Frames and bytes clients sent us. */
export const framesIn = new Counter({
  name: 'mockboard_frames_in_total',
  help: 'WebSocket frames received from clients',
  registers: [metricsRegistry],
})
export const bytesIn = new Counter({
  name: 'mockboard_bytes_in_total',
  help: 'Bytes received from clients',
  registers: [metricsRegistry],
})
/** Frames and bytes sent to clients. */
export const framesOut = new Counter({
  name: 'mockboard_frames_out_total',
  help: 'WebSocket frames sent to clients',
  registers: [metricsRegistry],
})
export const bytesOut = new Counter({
  name: 'mockboard_bytes_out_total',
  help: 'Bytes sent to clients',
  registers: [metricsRegistry],
})
/** Document updates accepted from clients and appended to the log. */
export const updatesAccepted = new Counter({
  name: 'mockboard_updates_accepted_total',
  help: 'Document updates accepted from clients and appended to the room log',
  registers: [metricsRegistry],
})
/** Updates from other servers applied here, by how they arrived. */
export const updatesFromOtherServers = new Counter({
  name: 'mockboard_updates_fanout_in_total',
  help: 'Updates appended by other servers and applied here',
  labelNames: ['via'] as const,
  registers: [metricsRegistry],
})
/** Log repairs after a lost fence (a failover), by whether the log lacked anything (`appended`). */
export const logRepairs = new Counter({
  name: 'mockboard_log_repairs_total',
  help: 'Rooms that found their log fence gone and repaired the log',
  labelNames: ['appended'] as const,
  registers: [metricsRegistry],
})
/** Connections closed for bad input, by close code. */
export const connectionsRejected = new Counter({
  name: 'mockboard_connections_rejected_total',
  help: 'Connections closed by the server for hostile or broken input, by close code',
  labelNames: ['code'] as const,
  registers: [metricsRegistry],
})
/** Time from an update's append on one server to its arrival on another (same clock source). */
export const fanoutLag = new Histogram({
  name: 'mockboard_fanout_lag_seconds',
  help: 'Time from append on one server to delivery on another, through Redis',
  buckets: [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  registers: [metricsRegistry],
})
/** Entries announced on the bus but not yet applied because an earlier one is missing. */
export const fanoutBacklog = new Gauge({
  name: 'mockboard_fanout_backlog_entries',
  help: 'Entries waiting for a gap before them to be repaired from the log',
  registers: [metricsRegistry],
})
