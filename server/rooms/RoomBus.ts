/** What a room hears from its copies on other servers. */
export interface RoomBusHandlers {
  /** An update another server (or this one: `fromSelf`) appended to the log as `seq`. */
  onUpdate(seq: number, update: Uint8Array, fromSelf: boolean): void
  /** An awareness update published by another server's clients. */
  onAwareness(update: Uint8Array, serverId: string): void
  /** The bus may have missed messages and could not tell which rooms: read the log to catch up. */
  onResync(): void
  /**
   * The bus reconnected to Redis (a restart or a failover may lie behind it):
   * the log itself may have lost entries, which a room checks for (its
   * failover fence) whatever the heads say.
   */
  onReconnected(): void
  /**
   * The room's log reaches at least `seq` (another server announced its
   * append, or the bus read every room's head after a reconnect): anything
   * up to it that was not delivered must be read from the log.
   */
  onHead(seq: number): void
  /** Another server started holding the room: it knows none of our peers' cursors yet. */
  onServerJoined(serverId: string): void
  /** A server stopped sending heartbeats: forget the cursors of its clients. */
  onServerGone(serverId: string): void
}

/** A room's subscription on the bus. */
export interface RoomChannel {
  /**
   * Publishes an awareness update from this server's clients to the other
   * servers. `renewal`: it only renews states that did not change (clients
   * do that every 15 s), which the bus may skip when no other server holds
   * the room.
   */
  publishAwareness(update: Uint8Array, renewal?: boolean): void
  /** Tells the other servers that this server appended `seq` to the room's log (see {@link RoomBusHandlers.onHead}). */
  announceAppend(seq: number): void
  /** Leaves the room's channels. */
  leave(): Promise<void>
}

/**
 * Fan-out between collab servers that hold the same room. Updates are
 * published by the storage in the same step that appends them (see
 * `RedisRoomStorage`); the bus delivers them, with their sequence numbers,
 * to the other servers. Delivery is best effort: rooms repair gaps from the
 * log ({@link LogFollower}).
 */
export interface RoomBus {
  /** This server's id, as other servers see it in messages. */
  readonly serverId: string
  /** Tells every server that `userId`'s access to `roomId` changed (they close that user's connections). */
  publishAccessChange?(roomId: string, userId: string): Promise<void>
  /** Registers the handler for access changes announced by any server (this one included). */
  onAccessChange?(handler: (roomId: string, userId: string) => void): void
  /** Tells every server that `roomId` was deleted (they close its connections and write nothing more for it). */
  publishRoomDeleted?(roomId: string): Promise<void>
  /** Registers the handler for deletions announced by any server (this one included). */
  onRoomDeleted?(handler: (roomId: string) => void): void
  /** Subscribes to the room. Resolves once subscribed, so no later update is missed. */
  join(roomId: string, handlers: RoomBusHandlers): Promise<RoomChannel>
  close(): Promise<void>
}
