/**
 * Every Redis key and channel name Mockboard uses, in one place.
 *
 * Cluster rule: everything of one room carries the room's hash tag
 * `{roomId}`, so a room lives in one slot and the scripts and transactions
 * that touch several of its keys stay on one node. Keys that span rooms
 * (invites, per-user indexes, migration markers) are each touched with
 * single-key commands only; the server-wide channels (heartbeats, access
 * changes) are plain pub/sub, which a cluster broadcasts to every node.
 */

/** Default key prefix (`REDIS_PREFIX`). */
export const DEFAULT_REDIS_PREFIX = 'mb:'

/**
 * The hash-tagged base of a room's log keys. A log key is the room id for
 * the board and `<roomId>.<log>` for its other logs (`roomLogKey`); all of
 * them are tagged with the room id alone: `mb:{abc}` and `mb:{abc}.presence`.
 */
function logBase(prefix: string, logKey: string): string {
  const dot = logKey.indexOf('.')
  if (dot < 0) return `${prefix}{${logKey}}`
  return `${prefix}{${logKey.slice(0, dot)}}${logKey.slice(dot)}`
}

/**
 * Redis names for one of a room's logs (`logKey` as `roomLogKey` builds it).
 * The `{roomId}` hash tag keeps all of a room's keys in one Redis Cluster
 * slot, so the append script may touch them together.
 */
export function roomKeys(prefix: string, logKey: string) {
  const base = logBase(prefix, logKey)
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
    /**
     * Hash: server id → that server's fence token (`RedisLogFence`). Kept only
     * in the memory of the node holding the log: never replicated or persisted.
     */
    fence: `${base}:fence`,
    /** Hash: the newest snapshot, fields seq and data. */
    snapshot: `${base}:snap`,
    /**
     * Hash (with `DATABASE_URL`): how far the log was archived to PostgreSQL
     * (`s`) and that entry's time (`t`, the floor of the next append's time
     * once the stream is gone).
     */
    archived: `${base}:archived`,
    /** Channel (sharded on a cluster): `<serverId>|<seq>|<append time, ms>|<update>` for each appended update. */
    updates: `${base}:up`,
    /** Channel (sharded on a cluster): `<serverId>|<awareness update>`. */
    awareness: `${base}:aw`,
  }
}

/**
 * Log keys of releases before the cluster layout, which tagged a room's
 * non-board logs with the whole log key (`mb:{abc.presence}:log`, another
 * slot than the room's). Matches them for the start-up migration
 * (`migrateLogKeys`); `null` for anything else.
 */
export function legacyLogKey(prefix: string, key: string): { logKey: string; suffix: string } | null {
  if (!key.startsWith(`${prefix}{`)) return null
  const match = /^\{([^{}.]+\.[^{}]+)\}:(log|seq|bytes|snap)$/.exec(key.slice(prefix.length))
  return match ? { logKey: match[1]!, suffix: match[2]! } : null
}

/** A room's directory and session keys, all under its hash tag. */
export function roomDataKeys(prefix: string, roomId: string) {
  const base = `${prefix}{${roomId}}`
  return {
    /** Hash: owner, created, name, active. */
    meta: `${base}:meta`,
    /** Hash: user id → member JSON. */
    members: `${base}:members`,
    /** Hash: role → invite token. */
    invites: `${base}:invites`,
    /** String: one session record (JSON). */
    session: (sessionId: string) => `${base}:isession:${sessionId}`,
    /** Sorted set: the room's session ids by start time. */
    sessions: `${base}:isessions`,
    /** Hash: author → rubric sheet JSON, for one session. */
    sheets: (sessionId: string) => `${base}:sheets:${sessionId}`,
  }
}

/** MATCH patterns over every room's keys, for start-up migrations (SCAN on every primary). */
export const roomPatterns = {
  members: (prefix: string) => `${prefix}{*}:members`,
  legacySession: (prefix: string) => `${prefix}{*}:session`,
  /** Keys that may be old-layout logs (`legacyLogKey` says which are). */
  legacyLogs: (prefix: string) => `${prefix}{*.*}:*`,
}

/** The room id in a key of {@link roomDataKeys} (`mb:{abc}:members` → `abc`). */
export function roomIdOfKey(prefix: string, key: string): string | null {
  const match = /^\{([^{}]+)\}:/.exec(key.slice(prefix.length))
  return key.startsWith(prefix) && match ? match[1]! : null
}

/** Keys that span rooms: each is read and written with single-key commands only. */
export const globalKeys = {
  /** String: JSON `{ roomId, role }` of one invite token. */
  invite: (prefix: string, token: string) => `${prefix}invite:${token}`,
  /** Set: the rooms a user is a member of (My boards). */
  userRooms: (prefix: string, userId: string) => `${prefix}user-rooms:${userId}`,
  /** Sorted set: `<room>/<session>` refs of a user's sessions by start time (My sessions). */
  userSessions: (prefix: string, userId: string) => `${prefix}user-isessions:${userId}`,
  /** String: set once the user → rooms index has been built. */
  userRoomsMigrated: (prefix: string) => `${prefix}migrated:user-rooms`,
  /**
   * Sorted set: one HTTP quota's recent events for one user or IP
   * (`RedisQuotaLimiter`); expires one window after its last event.
   */
  quota: (prefix: string, quota: string, key: string) => `${prefix}quota:${quota}:${key}`,
}

/** Pub/sub channel on which every server announces itself each second. */
export function heartbeatChannel(prefix: string): string {
  return `${prefix}servers`
}

/** Pub/sub channel announcing `<roomId>|<userId>` whose access changed. */
export function accessChannel(prefix: string): string {
  return `${prefix}access`
}

/** Pub/sub channel on which servers announce the log heads of rooms they appended to lately (`AppendHeads`). */
export function headsChannel(prefix: string): string {
  return `${prefix}heads`
}
