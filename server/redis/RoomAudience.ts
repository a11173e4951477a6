/** Other servers drop a cursor not renewed for this long (y-protocols' awareness timeout). */
export const AWARENESS_TIMEOUT_MS = 30_000

interface Audience {
  /** Whether the room's last awareness publish reached another server (Redis says how many subscribers got it). */
  othersListening: boolean
  /** When another server was last heard in the room. */
  heardAt: number
  /** The other servers heard in the room, to notice a new one. */
  servers: Set<string>
}

/**
 * Whether anybody but this server hears a room's awareness, so that idle
 * rooms held by one server cost Redis nothing.
 *
 * Clients renew their unchanged awareness state every 15 s; another server
 * holding the room needs those renewals (or it drops the cursors after
 * {@link AWARENESS_TIMEOUT_MS}), a room nobody else holds does not: 10,000
 * idle rooms would otherwise publish ~670 renewals a second for nobody.
 * Real changes are always published. A renewal is skipped when the room's
 * last publish reached no other server (`PUBLISH`/`SPUBLISH` return the
 * number of subscribers) and no other server was heard in the room lately.
 * A server that starts holding the room says hello on its awareness
 * channel; the others then publish their cursors again at once.
 *
 * @example
 * ```ts
 * if (audience.shouldPublish('abc', renewal)) void publish().then((n) => audience.published('abc', n))
 * ```
 */
export class RoomAudience {
  private readonly rooms = new Map<string, Audience>()

  /** Starts tracking a room this server now holds. */
  track(roomId: string): void {
    if (!this.rooms.has(roomId))
      this.rooms.set(roomId, { othersListening: true, heardAt: -Infinity, servers: new Set() })
  }

  /** Whether to publish an awareness update of `roomId` (`renewal`: it only renews unchanged states). */
  shouldPublish(roomId: string, renewal: boolean, now = Date.now()): boolean {
    const audience = this.rooms.get(roomId)
    if (!renewal || !audience) return true
    return audience.othersListening || now - audience.heardAt < AWARENESS_TIMEOUT_MS
  }

  /** Records how many subscribers (this server's included) a publish of `roomId` reached. */
  published(roomId: string, receivers: number): void {
    const audience = this.rooms.get(roomId)
    if (audience) audience.othersListening = receivers > 1
  }

  /** Records a message from `serverId` in `roomId`; true the first time that server is heard there. */
  heard(roomId: string, serverId: string, now = Date.now()): boolean {
    const audience = this.rooms.get(roomId)
    if (!audience) return false
    audience.heardAt = now
    audience.othersListening = true
    if (audience.servers.has(serverId)) return false
    audience.servers.add(serverId)
    return true
  }

  /** Forgets a server that went away (if it comes back, it is new again). */
  forgetServer(serverId: string): void {
    for (const audience of this.rooms.values()) audience.servers.delete(serverId)
  }

  /** Forgets a room this server no longer holds. */
  drop(roomId: string): void {
    this.rooms.delete(roomId)
  }
}
