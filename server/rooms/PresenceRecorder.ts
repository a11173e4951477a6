import type { Awareness } from 'y-protocols/awareness'
import type { Logger } from 'pino'
import type { RoomStorage } from '../storage/RoomStorage'
import type { RoomPeer } from './RoomPeer'
import { roomLogKey } from '../storage/roomLogKey'
import { encodePresenceBatch, type RecordedPresenceSample } from '@/lib/replay/recordedPresence'

/** At most this many recorded presence states per participant per second: the room's recording ticks. */
export const PRESENCE_RECORD_HZ = 5

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/**
 * Records the cursors of a room's own peers for replay, separately from the
 * document log, in ticks of 1/{@link PRESENCE_RECORD_HZ} s: each tick writes
 * one log entry holding the newest state of every cursor that changed since
 * the last (so at most {@link PRESENCE_RECORD_HZ} states per cursor a second,
 * and a cursor's final position is never lost), or `null` for one that left.
 * Each server records only its own peers, so nothing is recorded twice.
 *
 * One entry a tick for the whole room, not one per cursor: the appends were
 * a fifth of a busy room's server and Redis CPU when each cursor had its own
 * (50 people moving: 250 appends a second, now 5 per server).
 *
 * Entries go to the `<roomId>.presence` log with server time, in the format
 * of `lib/replay/recordedPresence.ts`. Replay reads them back by time.
 */
export class PresenceRecorder {
  /** Each cursor's newest change since the last tick, not yet written. */
  private readonly pending = new Map<number, RecordedPresenceSample>()
  private tickTimer: ReturnType<typeof setTimeout> | null = null
  private lastTick = Number.NEGATIVE_INFINITY
  private writeChain: Promise<void> = Promise.resolve()
  private stopped = false

  constructor(
    private readonly awareness: Awareness,
    private readonly deps: {
      roomId: string
      storage: RoomStorage
      logger: Logger
      isPeer: (origin: unknown) => origin is RoomPeer
    }
  ) {
    // 'change', not 'update': a client's renewal of an unchanged state (every 15 s) is nothing to replay.
    awareness.on('change', this.onChange)
  }

  /** Resolves when every state written so far is durable (ones waiting for their tick are not). */
  flushed(): Promise<void> {
    return this.writeChain
  }

  /** Stops recording; resolves when what was already taken, waiting ones included, is written. */
  async stop(): Promise<void> {
    if (this.stopped) return this.writeChain
    this.stopped = true
    this.awareness.off('change', this.onChange)
    if (this.tickTimer) clearTimeout(this.tickTimer)
    this.tickTimer = null
    this.tick()
    return this.writeChain
  }

  private readonly onChange = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    if (!this.deps.isPeer(origin)) return
    const states = this.awareness.getStates()
    const time = Date.now()
    const author = origin.userId
    for (const client of [...added, ...updated])
      this.pending.set(client, { client, state: states.get(client) ?? null, author, time })
    for (const client of removed) this.pending.set(client, { client, state: null, author, time })
    this.tickTimer ??= setTimeout(this.tick, Math.max(0, this.lastTick + 1000 / PRESENCE_RECORD_HZ - time))
  }

  /** Writes what was taken since the last tick as one entry. */
  private readonly tick = (): void => {
    this.tickTimer = null
    if (this.pending.size === 0) return
    const time = Date.now()
    this.lastTick = time
    const samples = [...this.pending.values()]
    this.pending.clear()
    // The entry's author is the one user it holds, if one (for whoever reads the raw log); each state names its own.
    const author = samples.every((sample) => sample.author === samples[0]!.author) ? samples[0]!.author : ''
    const update = encodePresenceBatch(samples, time)
    this.writeChain = this.writeChain
      .then(() => this.deps.storage.appendUpdate(roomLogKey(this.deps.roomId, 'presence'), { time, author, update }))
      .then(
        () => undefined,
        (error: unknown) => this.deps.logger.warn({ err: error, room: this.deps.roomId }, 'recording presence failed')
      )
  }
}
