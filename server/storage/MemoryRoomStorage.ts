import type {
  LogEntry,
  LogPage,
  LogPageBounds,
  NewLogEntry,
  RoomSnapshot,
  RoomStorage,
  StoredRoom,
} from './RoomStorage'
import { pageSize } from './logPage'

/** One room's log and newest snapshot, as a {@link MemoryRoomStorage} keeps them. */
interface MemoryRoom {
  entries: LogEntry[]
  snapshot: RoomSnapshot | null
}

/**
 * Room storage in this process's memory, **for fast unit tests only**: nothing
 * survives the process, and nothing is shared with another process. It keeps
 * the same contract as the durable stores (`tests/storage/roomStorage.contract.ts`):
 * gapless sequence numbers from 1, times that never decrease along a log,
 * snapshots that only move forward, copies of the bytes it is given, and
 * rejections after {@link close}.
 *
 * Two instances made with {@link MemoryRoomStorage.sharing} see the same rooms,
 * as two servers on one Redis do.
 *
 * @example
 * ```ts
 * const storage = new MemoryRoomStorage()
 * const seq = await storage.appendUpdate('room1', { time: Date.now(), author: 'user:a', update })
 * const server2 = MemoryRoomStorage.sharing(storage)
 * ```
 */
export class MemoryRoomStorage implements RoomStorage {
  private closed = false

  /** A store of its own, or (internal) one over `rooms` shared with another instance. */
  constructor(private readonly rooms: Map<string, MemoryRoom> = new Map()) {}

  /** A second handle on the same rooms (another "server"); closing one leaves the other open. */
  static sharing(other: MemoryRoomStorage): MemoryRoomStorage {
    return new MemoryRoomStorage(other.rooms)
  }

  async loadRoom(roomId: string): Promise<StoredRoom> {
    const room = this.open(roomId)
    const snapshot = room.snapshot ? { seq: room.snapshot.seq, update: room.snapshot.update.slice() } : null
    return { snapshot, entries: await this.readLog(roomId, snapshot?.seq ?? 0) }
  }

  async appendUpdate(roomId: string, entry: NewLogEntry): Promise<number> {
    return this.append(this.open(roomId), entry)
  }

  async appendIfEmpty(roomId: string, entry: NewLogEntry): Promise<number | null> {
    const room = this.open(roomId)
    return room.entries.length === 0 ? this.append(room, entry) : null
  }

  async saveSnapshot(roomId: string, snapshot: RoomSnapshot): Promise<void> {
    const room = this.open(roomId)
    if (room.snapshot && room.snapshot.seq >= snapshot.seq) return
    if (snapshot.seq > room.entries.length) return // past the log's end: its log was deleted meanwhile
    room.snapshot = { seq: snapshot.seq, update: snapshot.update.slice() }
  }

  async readLog(roomId: string, afterSeq = 0, limit = Number.MAX_SAFE_INTEGER): Promise<LogEntry[]> {
    const { entries } = this.open(roomId)
    // Entry n has seq n + 1 (gapless from 1).
    return entries
      .slice(Math.max(0, afterSeq), Math.max(0, afterSeq) + Math.max(0, limit))
      .map((entry) => ({ ...entry, update: entry.update.slice() }))
  }

  async readLogPage(roomId: string, afterSeq: number, bounds: LogPageBounds): Promise<LogPage> {
    const { entries } = this.open(roomId)
    const from = Math.max(0, afterSeq)
    const sizes = entries.slice(from, from + bounds.maxEntries + 1).map((entry) => entry.update.byteLength)
    const count = pageSize(sizes, bounds)
    return { entries: await this.readLog(roomId, afterSeq, count), more: sizes.length > count }
  }

  async logBytes(roomId: string): Promise<number> {
    return this.open(roomId).entries.reduce((sum, entry) => sum + entry.update.byteLength, 0)
  }

  async deleteLog(key: string): Promise<void> {
    this.assertOpen()
    this.rooms.delete(key)
  }

  async ping(): Promise<void> {
    this.assertOpen()
  }

  async close(): Promise<void> {
    this.closed = true
  }

  private append(room: MemoryRoom, entry: NewLogEntry): number {
    const last = room.entries.at(-1)
    const seq = room.entries.length + 1
    const time = Math.max(entry.time, last?.time ?? entry.time)
    room.entries.push({ seq, time, author: entry.author, update: entry.update.slice() })
    return seq
  }

  /** The room's record (created empty on first use); throws once closed. */
  private open(roomId: string): MemoryRoom {
    this.assertOpen()
    let room = this.rooms.get(roomId)
    if (!room) {
      room = { entries: [], snapshot: null }
      this.rooms.set(roomId, room)
    }
    return room
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('storage is closed')
  }
}
