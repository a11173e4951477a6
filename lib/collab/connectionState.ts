/** What the status badge shows. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline'

/** Inputs the badge state is derived from. */
export interface ConnectionFacts {
  /** The provider's socket status. */
  socket: 'connecting' | 'connected' | 'disconnected'
  /** The doc has completed a sync with the server on the current socket. */
  synced: boolean
  /** The doc has synced with the server at least once since the page loaded. */
  everSynced: boolean
  /** The browser reports a network connection. */
  browserOnline: boolean
  /** Milliseconds since the socket was last connected and synced (0 while it is). */
  msSinceConnected: number
}

/** After this long without the server, "reconnecting" becomes "offline". */
export const OFFLINE_AFTER_MS = 10_000

/**
 * Derives the badge state. Connected means synced, not merely open: until
 * the server has our offline edits and we have theirs, we are reconnecting.
 *
 * @example
 * ```ts
 * connectionState({ socket: 'connected', synced: true, everSynced: true, browserOnline: true, msSinceConnected: 0 })
 * // 'connected'
 * ```
 */
export function connectionState(facts: ConnectionFacts): ConnectionState {
  if (facts.socket === 'connected' && facts.synced) return 'connected'
  if (!facts.browserOnline) return 'offline'
  if (!facts.everSynced) return facts.msSinceConnected >= OFFLINE_AFTER_MS ? 'offline' : 'connecting'
  return facts.msSinceConnected >= OFFLINE_AFTER_MS ? 'offline' : 'reconnecting'
}
