import type { Awareness } from 'y-protocols/awareness'
import * as encoding from 'lib0/encoding'
import { encodeAwarenessMessage } from '../collab/messages'
import { broadcastTo, sendTo } from './captureUpdate'
import type { RoomPeer } from './RoomPeer'
import { writeAwarenessEntry } from './awarenessEntries'

/**
 * A room's presence reaches its local peers at most once per tick: 50 ms,
 * the 20 Hz browsers send their own presence at (`PRESENCE_MAX_HZ`).
 */
export const PRESENCE_TICK_MS = 50

/** What a {@link PresenceTick} needs from its room. */
export interface PresenceTickDeps {
  /** The room's awareness, already holding every change (the tick only delays sending them). */
  awareness: Awareness
  /** The room's connected peers. */
  peers: () => ReadonlySet<RoomPeer>
  /** Default {@link PRESENCE_TICK_MS}. */
  tickMs?: number
  /** A send that threw (it runs on a timer, where a throw would end the process): logged, and the room goes on. */
  onError: (error: unknown) => void
}

/**
 * Coalesces a room's presence for its local peers. Every awareness change
 * (a peer's cursor, a state from another server, a removal) is applied to the
 * room's awareness at once, but sent on a tick: all the client ids that
 * changed within one tick go out as one y-protocols awareness update, with
 * each client's newest clock and state (`null` for one that left). A busy
 * room (50 users at 20 Hz) thus sends each peer 20 presence frames a second
 * instead of ~1,000, while document updates, which never pass through here,
 * are not delayed at all.
 *
 * The first change after a quiet tick goes out at once (in the same event
 * loop turn's check phase, so changes read together leave together); later
 * ones wait for the tick to end, so a two-person room gets no added delay.
 * A peer is never sent its own states back: it gets the others' entries of
 * the tick (or nothing), everyone else the one shared frame.
 *
 * @example
 * ```ts
 * const tick = new PresenceTick({ awareness, peers: () => room.peers, onError: (err) => logger.error({ err }) })
 * awareness.on('update', ({ added, updated, removed }, origin) =>
 *   tick.add([...added, ...updated, ...removed], isPeer(origin) ? origin : null))
 * ```
 */
export class PresenceTick {
  /** Client ids changed since the last send, and the local peer whose update changed each (null: anyone else). */
  private readonly pending = new Map<number, RoomPeer | null>()
  private timer: ReturnType<typeof setTimeout> | null = null
  private immediate: ReturnType<typeof setImmediate> | null = null
  private lastSent = Number.NEGATIVE_INFINITY
  private readonly tickMs: number

  constructor(private readonly deps: PresenceTickDeps) {
    this.tickMs = deps.tickMs ?? PRESENCE_TICK_MS
  }

  /** Queues `ids` (changed by `from`, or null) for the next send. */
  add(ids: readonly number[], from: RoomPeer | null): void {
    for (const id of ids) this.pending.set(id, from)
    if (this.pending.size === 0 || this.timer || this.immediate) return
    // Clamped: a wall clock set back must not hold presence for longer than a tick.
    const wait = Math.min(this.tickMs, this.lastSent + this.tickMs - Date.now())
    if (wait <= 0) this.immediate = setImmediate(this.send)
    else this.timer = setTimeout(this.send, wait)
  }

  /** Drops what is pending and stops the timers (the room is going away). */
  destroy(): void {
    if (this.timer) clearTimeout(this.timer)
    if (this.immediate) clearImmediate(this.immediate)
    this.timer = this.immediate = null
    this.pending.clear()
  }

  /** Sends what changed since the last send to every peer, and starts a new tick. */
  private readonly send = (): void => {
    this.timer = this.immediate = null
    this.lastSent = Date.now()
    try {
      this.sendPending()
    } catch (error) {
      this.pending.clear()
      this.deps.onError(error)
    }
  }

  private sendPending(): void {
    const entries: Entry[] = []
    const { awareness } = this.deps
    const states = awareness.getStates()
    for (const [clientId, from] of this.pending) {
      const clock = awareness.meta.get(clientId)?.clock
      if (clock !== undefined) entries.push({ from, bytes: encodeEntry(clientId, clock, states.get(clientId)) })
    }
    this.pending.clear()
    if (!entries.length) return
    const peers = this.deps.peers()
    const senders = new Set<RoomPeer>()
    for (const { from } of entries) if (from && peers.has(from)) senders.add(from)
    if (peers.size > senders.size) broadcastTo(peers, awarenessFrame(entries), senders)
    for (const sender of senders) {
      const others = entries.filter((entry) => entry.from !== sender)
      if (others.length) sendTo(sender, awarenessFrame(others))
    }
  }
}

/** One client's entry of an awareness update, encoded, and the peer it came from. */
interface Entry {
  from: RoomPeer | null
  bytes: Uint8Array
}

/** A client's entry of an awareness update; a client without a state (it left) is sent as `null`. */
function encodeEntry(clientId: number, clock: number, state: unknown): Uint8Array {
  const encoder = encoding.createEncoder()
  writeAwarenessEntry(encoder, { clientId, clock, state: state ?? null })
  return encoding.toUint8Array(encoder)
}

/** The awareness message carrying `entries` as one awareness update. */
function awarenessFrame(entries: readonly Entry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { bytes } of entries) encoding.writeUint8Array(encoder, bytes)
  return encodeAwarenessMessage(encoding.toUint8Array(encoder))
}
