import type { Awareness } from 'y-protocols/awareness'
import type { Logger } from 'pino'
import type { RoomStorage } from '../storage/RoomStorage'
import type { RoomPeer } from './RoomPeer'
import { roomLogKey } from '../storage/roomLogKey'
import { RateLimiter } from '../collab/RateLimiter'
import { DEFAULT_ROOM_LOG_MAX_BYTES, LogQuota } from './LogQuota'
import { encodePresenceBatch, type RecordedPresenceSample } from '@/lib/replay/recordedPresence'

/** At most this many recorded presence states per participant per second: the room's recording ticks. */
export const PRESENCE_RECORD_HZ = 5

/**
 * Bytes of selected shape ids (`s`, as JSON) recorded per user and room: a
 * token bucket refilled at `perSecond`, holding up to `burst`. A state whose
 * selection does not fit is recorded without it (its cursor, page and the
 * rest are kept). A person dragging 60 selected shapes records ~7 KB/s of
 * ids, under the refill; 200 shapes fill the burst after ~20 s of dragging,
 * after which the replay shows the cursor but not every outline of that drag.
 */
export const RECORDED_SELECTION_BYTES = { perSecond: 8 * 1024, burst: 256 * 1024 } as const

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/**
 * Records the cursors of a room's own peers for replay, separately from the
 * document log, in ticks of 1/{@link PRESENCE_RECORD_HZ} s: each tick writes
 * one log entry holding the newest state of cursors that changed since the
 * last (so at most {@link PRESENCE_RECORD_HZ} states per cursor a second,
 * and a cursor's final position is never lost), or `null` for one that left.
 * Each server records only its own peers, so nothing is recorded twice.
 *
 * One entry a tick for the whole room, not one per cursor: the appends were
 * a fifth of a busy room's server and Redis CPU when each cursor had its own
 * (50 people moving: 250 appends a second, now 5 per server).
 *
 * What one user can cost, whatever they send (hostile input is normal: an
 * observer's 8 sockets sending valid 32 KiB states of 470 selected ids grew
 * the data dir 11 MB in 10 s, and nothing bounded the presence log):
 *
 * - **Per user, not per socket**: a tick records at most one state of each
 *   user (all their sockets and awareness clients in the room); the others
 *   wait, newest state kept, for the next tick, so a user records at most
 *   {@link PRESENCE_RECORD_HZ} states a second, however many sockets they
 *   open, and each of their cursors still ends where it stopped. A leave
 *   (`null`) is never held back. A person moves one cursor at a time.
 * - **Selections by budget** ({@link RECORDED_SELECTION_BYTES}): every other
 *   field of a state is short and bounded by `wirePresenceSchema` (under
 *   ~700 B), so a user records at most ~5 × 0.7 KB + 8 KiB ≈ 12 KB a second
 *   once their burst is spent, against ~0.7 KB for a moving cursor with no
 *   selection (README, Sizing: 154 B an entry).
 * - **Per room**: the presence log may hold `maxBytes` (the board log's
 *   limit, `ROOM_LOG_MAX_BYTES`, counted apart from it): the size is read
 *   from storage when recording starts and grown by each append; past it,
 *   recording stops for the room, with one warning. The board, live cursors
 *   and replay of what was recorded keep working. Across servers each counts
 *   only its own appends after the read, so the limit is approximate there.
 *
 * Entries go to the `<roomId>.presence` log with server time, in the format
 * of `lib/replay/recordedPresence.ts`. Replay reads them back by time.
 */
export class PresenceRecorder {
  /** Each cursor's newest change not written yet (since the last tick, or held back for its user). */
  private readonly pending = new Map<number, RecordedPresenceSample>()
  /** Each user's selection budget ({@link RECORDED_SELECTION_BYTES}). */
  private readonly selectionBudgets = new Map<string, RateLimiter>()
  private tickTimer: ReturnType<typeof setTimeout> | null = null
  private lastTick = Number.NEGATIVE_INFINITY
  private writeChain: Promise<void>
  private stopped = false
  /** Bytes of the presence log as far as this server knows: read from storage, then grown by our appends. */
  private readonly quota: LogQuota
  /** The presence log reached its quota: nothing more is recorded. */
  private full = false
  private readonly logKey: string

  constructor(
    private readonly awareness: Awareness,
    private readonly deps: {
      roomId: string
      storage: RoomStorage
      logger: Logger
      isPeer: (origin: unknown) => origin is RoomPeer
      /** Bytes the room's presence log may hold; default {@link DEFAULT_ROOM_LOG_MAX_BYTES}. */
      maxBytes?: number
    }
  ) {
    this.quota = new LogQuota(deps.maxBytes ?? DEFAULT_ROOM_LOG_MAX_BYTES, 0)
    this.logKey = roomLogKey(deps.roomId, 'presence')
    // Every append waits for this read, so the first one is already checked against the stored size.
    this.writeChain = deps.storage.logBytes(this.logKey).then(
      (bytes) => this.quota.add(bytes),
      (error: unknown) =>
        deps.logger.warn({ err: error, room: deps.roomId }, 'reading the presence log size failed; counting from 0')
    )
    // 'change', not 'update': a client's renewal of an unchanged state (every 15 s) is nothing to replay.
    awareness.on('change', this.onChange)
  }

  /** Writes every state taken so far, ones waiting for their tick included; resolves when they are durable. */
  flush(): Promise<void> {
    if (!this.stopped) {
      if (this.tickTimer) clearTimeout(this.tickTimer)
      this.write(true)
    }
    return this.writeChain
  }

  /**
   * Stops recording and drops what was not written yet (the board was
   * deleted: its logs are going, and nothing may write them again). An append
   * already under way still lands; the deletion comes after it.
   */
  discard(): void {
    this.full = true
    this.pending.clear()
    this.stopRecording()
  }

  /** Stops recording; resolves when what was already taken, waiting ones included, is written. */
  async stop(): Promise<void> {
    if (this.stopped) return this.writeChain
    this.stopRecording()
    this.write(true)
    return this.writeChain
  }

  private stopRecording(): void {
    this.stopped = true
    this.awareness.off('change', this.onChange)
    if (this.tickTimer) clearTimeout(this.tickTimer)
    this.tickTimer = null
  }

  private readonly onChange = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    if (this.full || !this.deps.isPeer(origin)) return
    const states = this.awareness.getStates()
    const time = Date.now()
    const author = origin.userId
    for (const client of [...added, ...updated])
      this.pending.set(client, { client, state: states.get(client) ?? null, author, time })
    for (const client of removed) this.pending.set(client, { client, state: null, author, time })
    this.tickTimer ??= setTimeout(this.tick, Math.max(0, this.lastTick + 1000 / PRESENCE_RECORD_HZ - time))
  }

  private readonly tick = (): void => this.write(false)

  /**
   * Writes what was taken since the last tick as one entry: one state per
   * user, unless `everything` (stopping), and the rest at the next tick.
   */
  private write(everything: boolean): void {
    this.tickTimer = null
    if (this.full) this.pending.clear()
    if (this.pending.size === 0) return
    const time = Date.now()
    this.lastTick = time
    const samples = this.take(everything)
    if (this.pending.size > 0 && !this.stopped) this.tickTimer = setTimeout(this.tick, 1000 / PRESENCE_RECORD_HZ)
    // The entry's author is the one user it holds, if one (for whoever reads the raw log); each state names its own.
    const author = samples.every((sample) => sample.author === samples[0]!.author) ? samples[0]!.author : ''
    const update = encodePresenceBatch(samples, time)
    this.writeChain = this.writeChain
      .then(() => this.append({ time, author, update }))
      .then(
        () => undefined,
        (error: unknown) => this.deps.logger.warn({ err: error, room: this.deps.roomId }, 'recording presence failed')
      )
  }

  /** Takes the pending samples to write now (oldest waiting first): one state per user, leaves always. */
  private take(everything: boolean): RecordedPresenceSample[] {
    const taken: RecordedPresenceSample[] = []
    const users = new Set<string>()
    for (const [client, sample] of this.pending) {
      if (sample.state !== null) {
        if (!everything && users.has(sample.author)) continue
        users.add(sample.author)
      }
      this.pending.delete(client)
      taken.push(this.withinSelectionBudget(sample))
    }
    return taken
  }

  /** The sample, without its selected ids when its user's selection budget cannot pay for them. */
  private withinSelectionBudget(sample: RecordedPresenceSample): RecordedPresenceSample {
    const state = sample.state
    if (typeof state !== 'object' || state === null || !('s' in state)) return sample
    const { s: selection, ...rest } = state as { s: unknown }
    let budget = this.selectionBudgets.get(sample.author)
    if (!budget)
      this.selectionBudgets.set(sample.author, (budget = new RateLimiter(RECORDED_SELECTION_BYTES, () => Date.now())))
    return budget.take(JSON.stringify(selection)?.length ?? 0) ? sample : { ...sample, state: rest }
  }

  /** Appends one entry, unless it would take the presence log past its limit (then recording stops). */
  private async append(entry: { time: number; author: string; update: Uint8Array }): Promise<void> {
    if (this.full) return
    if (!this.quota.fits(entry.update.byteLength)) {
      this.full = true
      this.pending.clear()
      this.deps.logger.warn(
        { room: this.deps.roomId, logBytes: this.quota.logBytes, maxBytes: this.quota.maxBytes },
        'the presence log reached its size limit; cursors are no longer recorded for replay in this room'
      )
      return
    }
    this.quota.add(entry.update.byteLength)
    await this.deps.storage.appendUpdate(this.logKey, entry)
  }
}
