import * as Y from 'yjs'
import type { Logger } from 'pino'
import type { TLSchema } from '@tldraw/tlschema'
import { CloseCode } from '@/lib/collab/closeCodes'
import type { RoomStorage } from '../storage/RoomStorage'
import { readDocSchema } from '@/lib/binding/yRecords'
import { encodeSyncMessage, SyncType, type ClientMessage } from '../collab/messages'
import { UpdateRejectedError } from './errors'
import { acceptFromPeer, applyAndCapture, broadcastTo, captureUpdate, sendTo } from './captureUpdate'
import { BoardUpdateGuard } from './BoardUpdateGuard'
import { RoomAwareness } from './RoomAwareness'
import type { RoomPeer } from './RoomPeer'
import type { RoomBus, RoomChannel } from './RoomBus'
import { LogFollower } from './LogFollower'
import { LogRepair } from './LogRepair'
import { seedRoom } from './seedRoom'
import type { LogFence } from '../storage/logFence'
import { PresenceRecorder } from './PresenceRecorder'
import { DEFAULT_ROOM_LOG_MAX_BYTES, LogQuota } from './LogQuota'
import { updatesAccepted, updatesFromOtherServers } from '../ops/metrics'

export { SYSTEM_AUTHOR } from './seedRoom'

/** A room saves a snapshot after this many log entries, so loading stays fast. */
export const SNAPSHOT_EVERY = 500

/** Origin of doc changes that came from another server. */
const REMOTE = Symbol('remote')

/** Origin of changes the server makes itself ({@link Room.applyServerChange}). */
const SERVER_ORIGIN = Symbol('server')

/** What {@link Room.load} needs. */
export interface RoomDeps {
  storage: RoomStorage
  schema: TLSchema
  logger: Logger
  /** Fan-out to other servers holding the room (Redis mode); absent on the embedded store. */
  bus?: RoomBus
  onFailure?: (room: Room) => void
  /** Seed an empty room with a board (false for documents that are not boards, e.g. private notes). */
  seed?: boolean
  /** Update bytes the room's log may hold (`ROOM_LOG_MAX_BYTES`); see {@link LogQuota}. */
  logMaxBytes?: number
}

/**
 * One live room: its Yjs doc, its awareness, and the peers connected to it.
 *
 * Every update a peer sends is applied to the doc; what it actually changed
 * is appended to the room's durable log (with server time and author) and
 * only then sent to the other peers. Appends run one after another, so the
 * log order is the order updates were accepted.
 *
 * @example
 * ```ts
 * const room = await Room.load('abc', { storage, schema, logger })
 * room.join(peer)
 * room.handleMessage(peer, decodeClientMessage(frame))
 * room.leave(peer)
 * await room.flush()
 * ```
 */
export class Room {
  readonly doc = new Y.Doc()
  readonly presence: RoomAwareness
  private readonly peers = new Set<RoomPeer>()
  private channel: RoomChannel | null = null
  private follower: LogFollower
  /** Repairs the log after a failover lost some of it (Redis only; see {@link LogRepair}). */
  private repair: LogRepair | null = null
  private recorder: PresenceRecorder | null = null
  /** Checks peers' updates against the board's schema (boards only; see {@link BoardUpdateGuard}). */
  private guard: BoardUpdateGuard | null = null
  private writeChain: Promise<void> = Promise.resolve()
  /** Updates applied to the doc whose log append has not finished yet. */
  private unloggedWrites = 0
  private snapshotSeq = 0
  private failed = false
  /** Set by {@link discard}: the board was deleted. */
  private discarded = false
  /** The log's size against its limit: set on load, grown by every append (ours from when it is queued) or another server's. */
  private logQuota = new LogQuota(DEFAULT_ROOM_LOG_MAX_BYTES, 0)

  private constructor(
    readonly roomId: string,
    private readonly storage: RoomStorage,
    private readonly logger: Logger,
    private readonly onFailure: (room: Room) => void
  ) {
    this.presence = new RoomAwareness(this.doc, {
      roomId,
      logger,
      isPeer: (origin): origin is RoomPeer => this.peers.has(origin as RoomPeer),
      peers: () => this.peers,
      channel: () => this.channel,
    })
    this.follower = this.newFollower()
  }

  private newFollower(): LogFollower {
    return new LogFollower({
      readLog: (afterSeq) => this.storage.readLog(this.roomId, afterSeq),
      apply: (_seq, update, via) => {
        updatesFromOtherServers.inc({ via })
        // Counted only if new here: a catch-up may re-read our own append still in flight.
        if (this.applyRemote(update)) this.logQuota.add(update.byteLength)
      },
      onError: (error) =>
        this.logger.warn({ err: error, room: this.roomId }, 'catching up from the log failed; will retry'),
    })
  }

  /**
   * Rebuilds a room from storage: the newest snapshot plus the log after it.
   * A room with no history is seeded by the server, and the seed is logged.
   * With a bus, the room subscribes first, so nothing appended meanwhile by
   * another server is missed.
   */
  static async load(roomId: string, deps: RoomDeps): Promise<Room> {
    const room = new Room(roomId, deps.storage, deps.logger, deps.onFailure ?? (() => {}))
    try {
      if (deps.bus) room.channel = await deps.bus.join(roomId, room.busHandlers)
      if (deps.storage.logFence) room.repair = await room.startRepair(deps.storage.logFence)
      const logBytes = await deps.storage.logBytes(roomId)
      room.logQuota = new LogQuota(deps.logMaxBytes ?? DEFAULT_ROOM_LOG_MAX_BYTES, logBytes)
      const stored = await deps.storage.loadRoom(roomId)
      let seq = 0
      if (stored.snapshot) {
        Y.applyUpdate(room.doc, stored.snapshot.update)
        seq = room.snapshotSeq = stored.snapshot.seq
      }
      for (const entry of stored.entries) {
        Y.applyUpdate(room.doc, entry.update)
        seq = entry.seq
      }
      const isBoard = deps.seed ?? true
      if (isBoard && !readDocSchema(room.doc)) seq = await seedRoom(room.doc, roomId, deps.storage, deps.schema, seq)
      if (isBoard) room.guard = new BoardUpdateGuard(room.doc, deps.schema)
      // No timer: an idle room costs Redis nothing. Lost messages are found from sequence numbers (LogFollower).
      room.follower.start(seq)
      return room
    } catch (error) {
      room.destroy()
      throw error
    }
  }

  /** Arms the log's fence (before the log is read) for {@link LogRepair}. */
  private async startRepair(fence: LogFence): Promise<LogRepair> {
    const restartFollower = () => {
      this.follower.stop()
      return (this.follower = this.newFollower())
    }
    const applyFromLog = (update: Uint8Array) => void this.applyRemote(update)
    const { roomId, doc, storage, logger } = this
    return LogRepair.start({ roomId, doc, storage, fence, logger, applyFromLog, restartFollower })
  }

  /** Number of connected peers. */
  get size(): number {
    return this.peers.size
  }

  /** Update bytes in the room's log, as far as this server knows (see {@link LogQuota}). */
  get logBytes(): number {
    return this.logQuota.logBytes
  }

  /** Sequence number of the newest durable log entry. */
  get logSeq(): number {
    return this.follower.position
  }

  /**
   * Starts recording the peers' cursors for replay (boards; idempotent). See
   * {@link PresenceRecorder}: its log may hold as many bytes as the board's
   * (`ROOM_LOG_MAX_BYTES`), counted apart.
   */
  recordPresence(): void {
    this.recorder ??= new PresenceRecorder(this.presence.awareness, {
      roomId: this.roomId,
      storage: this.storage,
      logger: this.logger,
      isPeer: (origin): origin is RoomPeer => this.peers.has(origin as RoomPeer),
      maxBytes: this.logQuota.maxBytes,
    })
  }

  /** Adds a peer and starts the y-websocket handshake (sync step 1 and awareness). */
  join(peer: RoomPeer): void {
    this.peers.add(peer)
    sendTo(peer, encodeSyncMessage(SyncType.Step1, Y.encodeStateVector(this.doc)))
    this.sendAllAwareness(peer)
  }

  /** Removes a peer and the cursors it owned, everywhere. */
  leave(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return
    this.presence.removePeer(peer)
  }

  /**
   * Handles one decoded frame from a peer.
   * @throws UpdateRejectedError, LogFullError or AwarenessRejectedError; the caller closes that peer.
   */
  handleMessage(peer: RoomPeer, message: ClientMessage): void {
    switch (message.type) {
      case 'sync-step-1':
        sendTo(peer, encodeSyncMessage(SyncType.Step2, this.encodeDiff(message.stateVector)))
        return
      case 'sync-step-2':
      case 'update':
        // The server, not the UI, decides: a read-only peer's changes go nowhere
        // (not applied, not logged, not broadcast) and its connection stays open.
        if (peer.canWrite) {
          this.logQuota.admit(message.update, this.doc) // throws LogFullError: not applied, logged or sent
          this.applyUpdate(message.update, peer)
        }
        return
      case 'awareness':
        this.presence.applyFromPeer(message.update, peer)
        return
      case 'query-awareness':
        this.sendAllAwareness(peer)
        return
    }
  }

  /**
   * Changes the doc on the server's own authority (the session clock, a
   * shared rubric): `change` runs in one transaction, and what it changed is
   * logged under `author` and sent to every peer, like a peer's update.
   * Resolves once it is durable in the log; rejects if storage failed.
   *
   * @example
   * ```ts
   * await room.applyServerChange('guest:ada', (doc) => doc.getMap('session').set('ended', true))
   * ```
   */
  async applyServerChange(author: string, change: (doc: Y.Doc) => void): Promise<void> {
    if (this.failed) throw new Error('room storage failed')
    const update = captureUpdate(this.doc, SERVER_ORIGIN, () =>
      this.doc.transact(() => change(this.doc), SERVER_ORIGIN)
    )
    if (update) this.persistThenBroadcast(update, author, null)
    await this.writeChain
    if (this.failed) throw new Error('room storage failed')
  }

  /**
   * Reads whatever the log holds past this room's position (entries other
   * servers appended that pub/sub has not delivered yet), so the doc is as
   * current as the log. For server changes computed from the doc's state
   * (a restore). Harmless on the embedded store, where the log has nothing new.
   */
  catchUp(): Promise<void> {
    return this.follower.catchUp()
  }

  /** Resolves when every accepted update is durable, and every cursor state taken so far is recorded. */
  async flush(): Promise<void> {
    await this.writeChain
    await this.recorder?.flush()
  }

  /**
   * The board was deleted: from now on this room writes nothing (no
   * snapshot, no cursor states, the ones waiting dropped), so the logs the
   * deletion empties after this stay empty. Its peers are closed by the
   * collab server; the room unloads as usual.
   */
  discard(): void {
    this.discarded = true
    this.recorder?.discard()
  }

  /**
   * Saves a snapshot of the doc at the current log position, if the log grew
   * since the last one. Skipped while appends are in flight, so a snapshot
   * never holds an update the log does not.
   */
  async saveSnapshot(): Promise<void> {
    const seq = this.follower.position
    if (this.failed || this.discarded || this.unloggedWrites > 0 || seq <= this.snapshotSeq || this.repair?.busy) return
    // A log that lost entries may reuse seq for others: no snapshot may claim it until repaired.
    if (this.repair && !(await this.repair.holds())) return
    await this.storage.saveSnapshot(this.roomId, { seq, update: Y.encodeStateAsUpdate(this.doc) })
    this.snapshotSeq = Math.max(this.snapshotSeq, seq)
  }

  /** Frees the doc and awareness and leaves the bus. The room must not be used afterwards. */
  destroy(): void {
    this.follower.stop()
    void this.recorder?.stop()
    void this.channel?.leave().catch(() => undefined)
    this.channel = null
    this.presence.destroy()
    this.guard?.destroy()
    this.doc.destroy()
  }

  /** Closes every peer (used on shutdown and failure). */
  closeAll(code: number, reason: string): void {
    for (const peer of [...this.peers]) peer.close(code, reason)
  }

  private encodeDiff(stateVector: Uint8Array): Uint8Array {
    try {
      return Y.encodeStateAsUpdate(this.doc, stateVector)
    } catch {
      throw new UpdateRejectedError('sync step 1 carried an invalid state vector')
    }
  }

  private applyUpdate(update: Uint8Array, peer: RoomPeer): void {
    // Null when the update held nothing new (a resent or duplicate update).
    const accepted = acceptFromPeer(this.doc, this.guard, update, peer)
    if (accepted) this.persistThenBroadcast(accepted, peer.userId, peer)
  }

  /** Applies an update another server accepted, and passes on what was new to our peers. True if anything was. */
  private applyRemote(update: Uint8Array): boolean {
    let applied: Uint8Array | null = null
    try {
      applied = applyAndCapture(this.doc, update, REMOTE)
    } catch (error) {
      this.logger.error({ err: error, room: this.roomId }, 'an update from the log failed to apply')
    }
    if (applied) this.broadcast(encodeSyncMessage(SyncType.Update, applied), null)
    return applied !== null
  }

  private readonly busHandlers = {
    onUpdate: (seq: number, update: Uint8Array, fromSelf: boolean) => {
      if (fromSelf) this.follower.markOwn(seq)
      else this.follower.receive(seq, update)
    },
    onAwareness: (update: Uint8Array, serverId: string) => this.presence.applyFromServer(update, serverId),
    onResync: () => void this.follower.catchUp(),
    onReconnected: () => {
      // A failover reconnects the bus: if the log lost entries, repair it (in turn with appends).
      if (this.repair) {
        this.writeChain = this.repair.verifyAfter(
          this.writeChain,
          () => this.failed,
          (error) => this.fail(error)
        )
      }
    },
    onHead: (seq: number) => this.follower.noteHead(seq),
    onServerJoined: () => this.presence.republish(),
    onServerGone: (serverId: string) => this.presence.removeServer(serverId),
  }

  private persistThenBroadcast(update: Uint8Array, author: string, origin: RoomPeer | null): void {
    const time = Date.now()
    const index = this.repair?.accepted() ?? 0
    this.unloggedWrites++
    this.logQuota.add(update.byteLength) // now, not once appended: the next frame may come first
    this.writeChain = this.writeChain
      .then(async () => {
        if (this.failed) return
        const entry = { time, author, update }
        // Null: a log repair already appended it (see LogRepair).
        const seq = await (this.repair?.append(index, entry) ?? this.storage.appendUpdate(this.roomId, entry))
        this.unloggedWrites--
        updatesAccepted.inc()
        if (seq !== null) {
          this.follower.markOwn(seq)
          this.channel?.announceAppend(seq)
        }
        this.broadcast(encodeSyncMessage(SyncType.Update, update), origin)
        if (seq !== null && seq - this.snapshotSeq >= SNAPSHOT_EVERY) await this.saveSnapshot()
      })
      .catch((error: unknown) => this.fail(error))
  }

  /**
   * Storage failed: the doc now holds an update the log may not. Close every
   * peer so they reconnect to a fresh copy loaded from the log; their clients
   * still hold their edits and resend them on reconnect.
   */
  private fail(error: unknown): void {
    if (this.failed) return
    this.failed = true
    this.logger.error({ err: error, room: this.roomId }, 'room storage failed; closing the room')
    this.closeAll(CloseCode.ServerError, 'storage failure')
    this.onFailure(this)
  }

  private sendAllAwareness(peer: RoomPeer): void {
    const frame = this.presence.encodeAll()
    if (frame) sendTo(peer, frame)
  }

  private broadcast(message: Uint8Array, except: RoomPeer | null): void {
    broadcastTo(this.peers, message, except)
  }
}
