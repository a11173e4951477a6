/**
 * Redis names for a room. The `{roomId}` hash tag keeps all of a room's keys
 * in one Redis Cluster slot, so the append script may touch them together.
 */
export function roomKeys(prefix: string, roomId: string) {
  const base = `${prefix}{${roomId}}`
  return {
    /** Stream: the room's log. Entry ids are `<seq>-0`; fields t (ms), a (author), u (update). */
    log: `${base}:log`,
    /** Counter: the last sequence number handed out. */
    seq: `${base}:seq`,
    /**
     * Counter: update bytes in the log (the per-room log quota), kept by the
     * append script. Absent on logs written before it existed until
     * `logBytes` first counts them.
     */
    bytes: `${base}:bytes`,
    /** Hash: the newest snapshot, fields seq and data. */
    snapshot: `${base}:snap`,
    /** Pub/sub channel: `<serverId>|<seq>|<append time, ms>|<update>` for each appended update. */
    updates: `${base}:up`,
    /** Pub/sub channel: `<serverId>|<awareness update>`. */
    awareness: `${base}:aw`,
  }
}

/** Pub/sub channel on which every server announces itself each second. */
export function heartbeatChannel(prefix: string): string {
  return `${prefix}servers`
}

/** Default key prefix (`REDIS_PREFIX`). */
export const DEFAULT_REDIS_PREFIX = 'mb:'

/** Pub/sub channel announcing `<roomId>|<userId>` whose access changed. */
export function accessChannel(prefix: string): string {
  return `${prefix}access`
}
