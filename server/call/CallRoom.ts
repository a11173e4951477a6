import { MAX_CALL_SPEAKERS, type CallPeer, type CallServerMessage, type SignalPayload } from '@/lib/call/callWire'

/** One peer's socket, as a room sees it. */
export interface CallMember {
  readonly peer: CallPeer
  send(message: CallServerMessage): void
}

/** Peers in one call at most (speakers and listeners): each speaker's browser sends its voice to every other peer. */
export const MAX_CALL_PEERS = 12

/**
 * The peers in one room's call, on this server. Relays signals between
 * them, stamped with the sender the server knows (a peer cannot speak for
 * another), and tells everyone who joined, left or muted. Holds no media.
 */
export class CallRoom {
  private readonly members = new Map<string, CallMember>()

  /** Peers in the call. */
  get size(): number {
    return this.members.size
  }

  /** Whether one more speaker fits (the first {@link MAX_CALL_SPEAKERS} non-observers publish; later ones listen). */
  hasSpeakerSeat(): boolean {
    let speakers = 0
    for (const { peer } of this.members.values()) if (peer.canPublish) speakers++
    return speakers < MAX_CALL_SPEAKERS
  }

  /** Adds `member` and tells the others; returns the peers already there. */
  join(member: CallMember): CallPeer[] {
    const others = [...this.members.values()].map((m) => m.peer)
    for (const other of this.members.values()) other.send({ type: 'joined', peer: member.peer })
    this.members.set(member.peer.peerId, member)
    return others
  }

  /** Removes the peer and tells the others. */
  leave(peerId: string): void {
    if (!this.members.delete(peerId)) return
    for (const other of this.members.values()) other.send({ type: 'left', peerId })
  }

  /** Hands `payload` from `from` to `to`; false when `to` is not in this call (it may just have left). */
  relay(from: string, to: string, payload: SignalPayload): boolean {
    const target = this.members.get(to)
    if (!target || to === from) return false
    target.send({ type: 'signal', from, payload })
    return true
  }

  /** Records and announces that `peerId` muted or unmuted. */
  setMuted(peerId: string, muted: boolean): void {
    const member = this.members.get(peerId)
    if (!member || member.peer.muted === muted) return
    member.peer.muted = muted
    for (const other of this.members.values()) {
      if (other !== member) other.send({ type: 'state', peerId, muted })
    }
  }
}
