import type { Logger } from 'pino'
import type { TLSchema } from '@tldraw/tlschema'
import type { RoomStorage } from '../storage/RoomStorage'
import { Room } from './Room'
import type { RoomBus } from './RoomBus'
import { ROOM_LOGS, roomLogKey } from '../storage/roomLogKey'

/** Options of a {@link RoomRegistry}. */
export interface RoomRegistryOptions {
  storage: RoomStorage
  schema: TLSchema
  logger: Logger
  /** Fan-out to other servers (Redis mode). */
  bus?: RoomBus
  /**
   * How long an empty room stays in memory before it is unloaded. A short
   * grace keeps a page reload from loading the room twice.
   */
  unloadDelayMs?: number
  /** Update bytes each room's log may hold (`ROOM_LOG_MAX_BYTES`); default `DEFAULT_ROOM_LOG_MAX_BYTES`. */
  logMaxBytes?: number
}

/**
 * How long a room warmed for its page stays held: long enough for a slow
 * device to load the board's scripts and connect, short enough that pages
 * opened and left cost little.
 */
export const WARM_HOLD_MS = 15_000

interface Entry {
  room: Promise<Room>
  /** The room once loaded, to match releases to the right incarnation. */
  loaded: Room | null
  /** Connections holding (or about to hold) the room. */
  holders: number
  unloadTimer: ReturnType<typeof setTimeout> | null
}

/**
 * Loads each room once, shares it between its connections, and unloads it
 * (after its writes are durable and a snapshot is saved) when the last one
 * leaves.
 *
 * @example
 * ```ts
 * const room = await registry.acquire('abc')
 * room.join(peer)
 * // on close:
 * room.leave(peer); registry.release(room)
 * ```
 */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>()
  private readonly unloadDelayMs: number

  constructor(private readonly options: RoomRegistryOptions) {
    this.unloadDelayMs = options.unloadDelayMs ?? 2_000
  }

  /** Number of rooms in memory (loaded or loading). */
  get loadedCount(): number {
    return this.entries.size
  }

  /** Whether a room is in memory. */
  has(roomId: string): boolean {
    return this.entries.has(roomId)
  }

  /**
   * Returns the live room, loading it if needed. Pair with {@link release}.
   * `seed: false` for documents that are not boards (a room's private notes).
   */
  async acquire(roomId: string, options: { seed?: boolean } = {}): Promise<Room> {
    let entry = this.entries.get(roomId)
    if (!entry) {
      const room = Room.load(roomId, {
        storage: this.options.storage,
        schema: this.options.schema,
        logger: this.options.logger,
        bus: this.options.bus,
        seed: options.seed,
        logMaxBytes: this.options.logMaxBytes,
        onFailure: (failed) => this.evict(roomId, failed),
      })
      const created: Entry = { room, loaded: null, holders: 0, unloadTimer: null }
      this.entries.set(roomId, created)
      room.then(
        (loaded) => (created.loaded = loaded),
        () => this.entries.get(roomId) === created && this.entries.delete(roomId)
      )
      entry = created
    }
    entry.holders++
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer)
    entry.unloadTimer = null
    try {
      return await entry.room
    } catch (error) {
      entry.holders--
      throw error
    }
  }

  /**
   * Loads the room now if it is not in memory, and holds it for `holdMs`
   * (default {@link WARM_HOLD_MS}): called when a board's page is served, so
   * the page's WebSocket, which opens only once the page's scripts have run,
   * finds the room loaded instead of waiting for storage. Never throws: a
   * failed load is logged, and the connection then loads (and reports) it.
   */
  warm(roomId: string, options: { seed?: boolean; holdMs?: number } = {}): void {
    this.acquire(roomId, { seed: options.seed }).then(
      (room) => setTimeout(() => this.release(room), options.holdMs ?? WARM_HOLD_MS).unref(),
      (error: unknown) => this.options.logger.warn({ err: error, room: roomId }, 'warming the room failed')
    )
  }

  /** Gives back a room obtained from {@link acquire}. */
  release(room: Room): void {
    const roomId = room.roomId
    const entry = this.entries.get(roomId)
    // The room was evicted after a failure; a newer copy is not ours to release.
    if (!entry || entry.loaded !== room) return
    entry.holders = Math.max(0, entry.holders - 1)
    if (entry.holders > 0) return
    entry.unloadTimer = setTimeout(() => void this.unload(roomId, entry), this.unloadDelayMs)
  }

  /**
   * The board `roomId` was deleted: each of its rooms in memory (board,
   * session, private notes) writes nothing more (see {@link Room.discard}).
   * They unload as usual once their peers are gone.
   */
  discard(roomId: string): void {
    for (const log of ROOM_LOGS) {
      void this.entries
        .get(roomLogKey(roomId, log))
        ?.room.then((room) => room.discard())
        .catch(() => undefined)
    }
  }

  /** Resolves when every loaded room's accepted updates are durable. */
  async flushAll(): Promise<void> {
    await Promise.all(
      [...this.entries.values()].map(async (entry) => {
        const room = await entry.room.catch(() => null)
        await room?.flush()
      })
    )
  }

  /** Flushes and snapshots every room, then unloads them all (shutdown). */
  async closeAll(): Promise<void> {
    await Promise.all(
      [...this.entries.entries()].map(async ([roomId, entry]) => {
        if (entry.unloadTimer) clearTimeout(entry.unloadTimer)
        entry.holders = 0
        await this.unload(roomId, entry)
      })
    )
  }

  private async unload(roomId: string, entry: Entry): Promise<void> {
    entry.unloadTimer = null
    const room = await entry.room.catch(() => null)
    if (!room) return
    await room.flush()
    try {
      await room.saveSnapshot()
    } catch (error) {
      this.options.logger.warn({ err: error, room: roomId }, 'snapshot on unload failed; the log still has everything')
    }
    // Someone joined while we were flushing: keep the room.
    if (entry.holders > 0 || this.entries.get(roomId) !== entry) return
    this.entries.delete(roomId)
    room.destroy()
    this.options.logger.debug({ room: roomId }, 'room unloaded')
  }

  private evict(roomId: string, room: Room): void {
    const entry = this.entries.get(roomId)
    if (entry) {
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer)
      this.entries.delete(roomId)
    }
    void room.flush().then(() => room.destroy())
  }
}
