import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { Logger } from 'pino'
import { encodeAwarenessMessage } from '../collab/messages'
import { AwarenessRejectedError } from './errors'
import { decodeAwarenessEntries, encodeAwarenessEntries } from './awarenessEntries'
import { gatePresence } from './presenceGate'
import type { RoomPeer } from './RoomPeer'
import type { RoomChannel } from './RoomBus'
import { PresenceTick } from './PresenceTick'

/**
 * Awareness bytes accepted per state a frame may carry: a presence state is
 * ~150 bytes, and at most ~34 KB with the most selected ids it may hold
 * (`MAX_SHARED_SELECTION`, each ≤ 64 characters; `wirePresenceSchema`).
 */
export const MAX_AWARENESS_BYTES = 40 * 1024

/** Awareness sent to other servers at most this often per room (20 Hz). */
export const AWARENESS_FANOUT_MS = 50

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/** Origin of awareness removals when a local peer leaves. */
const LOCAL_LEAVE = Symbol('local-leave')

/**
 * A room's presence (y-protocols awareness): who owns which awareness
 * client id, relaying changes to local peers (coalesced to one frame per
 * 50 ms tick, see {@link PresenceTick}), batching our peers' changes to other
 * servers (20 Hz), and forgetting the cursors of peers that leave or of
 * servers that die.
 */
export class RoomAwareness {
  readonly awareness: Awareness
  /** Awareness client ids set by our peers, and which peer. */
  private readonly owners = new Map<number, RoomPeer>()
  /** Awareness client ids whose state came from another server, and which. */
  private readonly remote = new Map<number, string>()
  /** The one awareness client id each peer publishes (see `presenceGate.ts`). */
  private readonly claims = new WeakMap<RoomPeer, number>()
  private readonly toPublish = new Set<number>()
  /** Whether {@link toPublish} holds a real change, not only renewals of unchanged states. */
  private toPublishChanges = false
  /** Ids whose state changed in the awareness event being handled ('change' comes just before 'update'). */
  private changedNow = false
  private publishTimer: ReturnType<typeof setTimeout> | null = null
  /** Sends the changes to our own peers, one merged update per tick. */
  private readonly tick: PresenceTick

  constructor(
    doc: Y.Doc,
    private readonly deps: {
      roomId: string
      logger: Logger
      isPeer: (origin: unknown) => origin is RoomPeer
      /** The room's connected peers. */
      peers: () => ReadonlySet<RoomPeer>
      /** The room's bus channel, when several servers hold it. */
      channel: () => RoomChannel | null
    }
  ) {
    this.awareness = new Awareness(doc)
    this.awareness.setLocalState(null)
    this.tick = new PresenceTick({
      awareness: this.awareness,
      peers: deps.peers,
      onError: (error) => deps.logger.error({ err: error, room: deps.roomId }, 'sending presence failed'),
    })
    this.awareness.on('change', this.onChange)
    this.awareness.on('update', this.onUpdate)
  }

  /** The awareness frame of every known state (for a joining peer), or null when empty. */
  encodeAll(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()]
    return ids.length ? encodeAwarenessMessage(encodeAwarenessUpdate(this.awareness, ids)) : null
  }

  /**
   * Applies a peer's awareness update: only its own client id's state,
   * validated and stamped with its user (see `gatePresence`); entries for
   * other people's ids are dropped.
   * @throws AwarenessRejectedError for oversized or undecodable updates,
   *   invalid presence states, or invented client ids.
   */
  applyFromPeer(update: Uint8Array, peer: RoomPeer): void {
    // The stock y-websocket client echoes every awareness change it receives, everyone's states with its own: a frame
    // may carry each state in the room. A limit of one state's size closed real clients (three people who selected a
    // big board's every shape: the echo of their ~12 KB states was over it, and a stock client gives up on 4400).
    // The gate then applies only the connection's own state, which the schema bounds.
    const limit = MAX_AWARENESS_BYTES * (this.awareness.getStates().size + 1)
    if (update.byteLength > limit) {
      throw new AwarenessRejectedError(`awareness update of ${update.byteLength} bytes is too large`)
    }
    const { entries, claimed } = gatePresence(
      decodeAwarenessEntries(update),
      {
        claimed: this.claims.get(peer),
        clockOf: (id) => this.awareness.meta.get(id)?.clock,
        ownedByOthers: (id) =>
          id === this.awareness.clientID ||
          this.remote.has(id) ||
          (this.owners.has(id) && this.owners.get(id) !== peer),
      },
      { userId: peer.userId, name: peer.userName, canWrite: peer.canWrite }
    )
    if (claimed !== undefined) this.claims.set(peer, claimed)
    if (entries.length) applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), peer)
  }

  /** Applies an awareness update another server published. */
  applyFromServer(update: Uint8Array, serverId: string): void {
    try {
      applyAwarenessUpdate(this.awareness, update, { remoteServer: serverId })
    } catch (error) {
      this.deps.logger.warn({ err: error, room: this.deps.roomId }, 'bad awareness update from another server')
    }
  }

  /** Removes the cursors a leaving peer owned, everywhere. */
  removePeer(peer: RoomPeer): void {
    const owned = [...this.owners].filter(([, owner]) => owner === peer).map(([id]) => id)
    for (const id of owned) this.owners.delete(id)
    if (owned.length) removeAwarenessStates(this.awareness, owned, LOCAL_LEAVE)
  }

  /** Removes the cursors of a server that stopped sending heartbeats. */
  removeServer(serverId: string): void {
    const gone = [...this.remote].filter(([, server]) => server === serverId).map(([id]) => id)
    for (const id of gone) this.remote.delete(id)
    if (gone.length) removeAwarenessStates(this.awareness, gone, { remoteServer: serverId })
  }

  /**
   * Sends every cursor of our own peers to the other servers again (one
   * joined the room and has not seen them: we skip renewals while alone).
   */
  republish(): void {
    if (!this.deps.channel() || this.owners.size === 0) return
    this.queue([...this.owners.keys()], true)
  }

  destroy(): void {
    if (this.publishTimer) clearTimeout(this.publishTimer)
    this.tick.destroy()
    this.awareness.off('change', this.onChange)
    this.awareness.off('update', this.onUpdate)
    this.awareness.destroy()
  }

  private readonly onChange = (): void => {
    this.changedNow = true
  }

  private readonly onUpdate = ({ added, updated, removed }: AwarenessChange, origin: unknown): void => {
    const peer = this.deps.isPeer(origin) ? origin : null
    const remoteServer = (origin as { remoteServer?: string } | null)?.remoteServer
    if (peer) {
      for (const id of [...added, ...updated]) this.owners.set(id, peer)
      for (const id of removed) this.owners.delete(id)
    } else if (remoteServer) {
      for (const id of [...added, ...updated]) this.remote.set(id, remoteServer)
      for (const id of removed) this.remote.delete(id)
    }
    const realChange = this.changedNow
    this.changedNow = false
    const changed = [...added, ...updated, ...removed]
    if (!changed.length) return
    this.tick.add(changed, peer)
    // Our own peers' changes go to the other servers, batched to 20 Hz.
    if (this.deps.channel() && (peer || origin === LOCAL_LEAVE)) this.queue(changed, realChange)
  }

  private queue(ids: number[], realChange: boolean): void {
    for (const id of ids) this.toPublish.add(id)
    this.toPublishChanges ||= realChange
    this.publishTimer ??= setTimeout(this.publish, AWARENESS_FANOUT_MS)
  }

  private readonly publish = (): void => {
    this.publishTimer = null
    const ids = [...this.toPublish]
    const renewal = !this.toPublishChanges
    this.toPublish.clear()
    this.toPublishChanges = false
    const channel = this.deps.channel()
    if (ids.length && channel) channel.publishAwareness(encodeAwarenessUpdate(this.awareness, ids), renewal)
  }
}
