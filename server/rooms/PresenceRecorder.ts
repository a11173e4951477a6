import type { Awareness } from 'y-protocols/awareness'
import type { Logger } from 'pino'
import type { RoomStorage } from '../storage/RoomStorage'
import type { RoomPeer } from './RoomPeer'
import { roomLogKey } from '../storage/roomLogKey'

/** At most this many recorded presence states per participant per second. */
export const PRESENCE_RECORD_HZ = 5

/** One recorded presence change: an awareness client and its state, or null when it left. */
export interface RecordedPresence {
  c: number
  s: unknown
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/**
 * Records the cursors of a room's own peers for replay, separately from the
 * document log: at most {@link PRESENCE_RECORD_HZ} states per awareness
 * client (the last state of a burst is kept and written when its slot comes,
 * so a cursor's final position is never lost), and a `null` when it leaves.
 * Each server records only its own peers, so nothing is recorded twice.
 *
 * Entries go to the `<roomId>.presence` log with server time and author, as
 * JSON. Replay reads them back by time.
 */
export class PresenceRecorder {
  private readonly lastWrite = new Map<number, number>()
  private readonly pending = new Map<number, { state: unknown; author: string; timer: ReturnType<typeof setTimeout> }>()
  private writeChain: Promise<void> = Promise.resolve()
  private stopped = false

  constructor(
    private readonly awareness: Awareness,
    private readonly deps: {
      roomId: string
      storage: RoomStorage
      logger: Logger
      isPeer: (origin: unknown) => origin is RoomPeer
      now?: () => number
    }
  ) {
    // 'change', not 'update': a client's renewal of an unchanged state (every 15 s) is nothing to replay.
    awareness.on('change', this.onUpdate)
  }

  /** Resolves when every state written so far is durable (throttled ones still waiting are not). */
  flushed(): Promise<void> {
    return this.writeChain
  }

  /** Stops recording; resolves when what was already taken is written. Pending throttled states are written first. */
  async stop(): Promise<void> {
    if (this.stopped) return this.writeChain
    this.stopped = true
    this.awareness.off('change', this.onUpdate)
    for (const [client, { state, author, timer }] of this.pending) {
      clearTimeout(timer)
      this.write(client, state, author)
    }
    this.pending.clear()
    return this.writeChain
  }

  private readonly onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    if (!this.deps.isPeer(origin)) return
    const states = this.awareness.getStates()
    for (const client of [...added, ...updated]) this.take(client, states.get(client) ?? null, origin.userId)
    for (const client of removed) this.take(client, null, origin.userId)
  }

  private take(client: number, state: unknown, author: string): void {
    const now = this.now()
    const wait = (this.lastWrite.get(client) ?? -Infinity) + 1000 / PRESENCE_RECORD_HZ - now
    const queued = this.pending.get(client)
    if (state !== null && wait > 0) {
      // Too soon: keep only the newest state and write it when the slot opens.
      if (queued) queued.state = state
      else {
        const timer = setTimeout(() => {
          const entry = this.pending.get(client)
          this.pending.delete(client)
          if (entry && !this.stopped) this.write(client, entry.state, entry.author)
        }, wait)
        this.pending.set(client, { state, author, timer })
      }
      return
    }
    if (queued) {
      clearTimeout(queued.timer)
      this.pending.delete(client)
    }
    this.write(client, state, author)
  }

  private write(client: number, state: unknown, author: string): void {
    const time = this.now()
    this.lastWrite.set(client, time)
    if (state === null) this.lastWrite.delete(client)
    const update = new TextEncoder().encode(JSON.stringify({ c: client, s: state } satisfies RecordedPresence))
    this.writeChain = this.writeChain
      .then(() => this.deps.storage.appendUpdate(roomLogKey(this.deps.roomId, 'presence'), { time, author, update }))
      .then(
        () => undefined,
        (error: unknown) => this.deps.logger.warn({ err: error, room: this.deps.roomId }, 'recording presence failed')
      )
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now()
  }
}
