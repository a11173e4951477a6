/** A room stays in this server's heads announcements this long after its last append here. */
export const HEADS_WINDOW_MS = 3_000

/**
 * The rooms this server appended to lately, with the last sequence number
 * it got for each: what its heads announcement says once a second.
 *
 * Why: pub/sub can lose a room's message (a subscriber reconnecting, a shard
 * failing over). A lost message in the middle of activity shows up as a hole
 * when the next one arrives; a lost *last* message has no next one. Rooms
 * used to read their stream every 5 s to cover that tail (2,000 `XRANGE`/s
 * for 10,000 idle rooms per server). Instead each writer repeats, once a
 * second and for {@link HEADS_WINDOW_MS} after its last append, the heads it
 * reached, on one server-wide channel: every other server that holds one of
 * those rooms and is behind reads the hole. That is one `PUBLISH` per
 * second per server that wrote anything, whatever the number of rooms, and
 * nothing at all while every room is idle. The announcement travels on the
 * plain pub/sub connection, not the room's (sharded) one, so a loss on one
 * is seen through the other; and it is repeated three times, so one lost
 * announcement costs nothing.
 *
 * @example
 * ```ts
 * heads.note('abc', 12)
 * const message = heads.encode('server-a', Date.now()) // '{"s":"server-a","h":{"abc":12}}'
 * ```
 */
export class AppendHeads {
  private readonly recent = new Map<string, { seq: number; at: number }>()

  /** Records that this server appended `seq` to `roomId`. */
  note(roomId: string, seq: number, now = Date.now()): void {
    const known = this.recent.get(roomId)
    this.recent.set(roomId, { seq: Math.max(seq, known?.seq ?? 0), at: now })
  }

  /** The announcement to publish now (forgetting rooms quiet for the window), or null when there is none. */
  encode(serverId: string, now = Date.now()): string | null {
    const heads: Record<string, number> = {}
    let any = false
    for (const [roomId, { seq, at }] of this.recent) {
      if (now - at > HEADS_WINDOW_MS) this.recent.delete(roomId)
      else {
        heads[roomId] = seq
        any = true
      }
    }
    return any ? JSON.stringify({ s: serverId, h: heads }) : null
  }
}

/** Reads an announcement from {@link AppendHeads.encode}; null if it is not one. */
export function decodeHeads(message: string): { serverId: string; heads: [string, number][] } | null {
  try {
    const parsed = JSON.parse(message) as { s?: unknown; h?: unknown }
    if (typeof parsed.s !== 'string' || typeof parsed.h !== 'object' || parsed.h === null) return null
    const heads = Object.entries(parsed.h).filter((entry): entry is [string, number] => Number.isSafeInteger(entry[1]))
    return { serverId: parsed.s, heads }
  } catch {
    return null
  }
}
