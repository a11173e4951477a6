import type { IceConfig, SignalPayload } from './callWire'

/** Options of a {@link PeerLink}. */
export interface PeerLinkOptions {
  ice: IceConfig
  /** The polite peer yields when both offer at once ("perfect negotiation"); exactly one side of a pair is polite. */
  polite: boolean
  /**
   * Whether this side makes the first offer (exactly one side of a pair does;
   * see {@link offersFirst}). The other answers it and offers only after that
   * (an ICE restart), so the first negotiation never collides.
   */
  offersFirst: boolean
  /** Sends a description or candidate to the remote peer through the signalling server. */
  signal: (payload: SignalPayload) => void
  /** This browser's microphone track to send (null: listen only, or muted). */
  track: MediaStreamTrack | null
  /** Whether to send at all (false for listeners: no sender is ever added). */
  publish: boolean
  /** The remote peer's audio arrived (or was replaced). */
  onTrack: (track: MediaStreamTrack) => void
}

/**
 * One audio connection to one remote peer: an `RTCPeerConnection` negotiated
 * with the "perfect negotiation" pattern (W3C WebRTC §10.7; MDN), so either
 * side may renegotiate at any time and simultaneous offers resolve
 * themselves. The first negotiation is left to one side ({@link PeerLinkOptions.offersFirst}):
 * when both offered at once, the polite side's rollback could drop the ICE
 * candidates it was still gathering (Chromium sends none for its answer
 * then), and the link stayed `new` for good, silent, with nothing to restart
 * it. Muting swaps the sent track for none (`replaceTrack(null)`), so nothing
 * at all is sent while muted, without renegotiating.
 */
export class PeerLink {
  readonly pc: RTCPeerConnection
  private sender: RTCRtpSender | null = null
  private makingOffer = false
  private ignoreOffer = false
  private closed = false
  /** Whether this side may offer: from the start if it offers first, else once the other's offer is applied. */
  private mayOffer: boolean

  constructor(private readonly options: PeerLinkOptions) {
    const pc = new RTCPeerConnection({
      iceServers: options.ice.iceServers,
      iceTransportPolicy: options.ice.iceTransportPolicy,
    })
    this.pc = pc
    this.mayOffer = options.offersFirst
    // Not yet allowed: the other side's offer is coming, and answering it negotiates our track too.
    pc.onnegotiationneeded = () => void (this.mayOffer && this.offer())
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) options.signal({ candidate: candidate.toJSON() as SignalPayload['candidate'] })
    }
    pc.oniceconnectionstatechange = () => {
      if (pc.iceConnectionState === 'failed') pc.restartIce()
    }
    pc.ontrack = ({ track }) => options.onTrack(track)
    if (options.publish) {
      // addTrack (not addTransceiver), so a glare's incoming offer reuses this transceiver.
      const stream = new MediaStream(options.track ? [options.track] : [])
      this.sender = options.track ? pc.addTrack(options.track, stream) : pc.addTransceiver('audio').sender
    } else if (options.offersFirst) {
      // Nothing to send (our microphone failed), but the first offer is ours: offer to receive.
      pc.addTransceiver('audio', { direction: 'recvonly' })
    }
  }

  /** Sends `track` instead of what was sent (null: send nothing, i.e. muted). */
  async setTrack(track: MediaStreamTrack | null): Promise<void> {
    if (!this.sender || this.closed) return
    await this.sender.replaceTrack(track).catch(() => undefined)
  }

  /** The remote peer's current audio level (0–1), from the last packets received; 0 when none. */
  remoteLevel(): number {
    let level = 0
    for (const receiver of this.pc.getReceivers()) {
      for (const source of receiver.getSynchronizationSources()) {
        if (isRecent(source.timestamp)) level = Math.max(level, source.audioLevel ?? 0)
      }
    }
    return level
  }

  /** Handles a description or candidate from the remote peer. */
  async receive({ description, candidate }: SignalPayload): Promise<void> {
    if (this.closed) return
    const pc = this.pc
    try {
      if (description) {
        const collision = description.type === 'offer' && (this.makingOffer || pc.signalingState !== 'stable')
        this.ignoreOffer = !this.options.polite && collision
        if (this.ignoreOffer) return
        await pc.setRemoteDescription(description)
        if (description.type === 'offer') {
          await pc.setLocalDescription()
          this.sendDescription()
          // From now on either side may renegotiate (e.g. an ICE restart); if our track still needs it, that fires now.
          this.mayOffer = true
        }
      } else if (candidate) {
        try {
          await pc.addIceCandidate(candidate)
        } catch (error) {
          if (!this.ignoreOffer) throw error
        }
      }
    } catch (error) {
      console.warn('call negotiation failed', error)
    }
  }

  /** Closes the connection. */
  close(): void {
    this.closed = true
    this.pc.close()
  }

  private async offer(): Promise<void> {
    try {
      this.makingOffer = true
      await this.pc.setLocalDescription()
      this.sendDescription()
    } catch (error) {
      console.warn('call offer failed', error)
    } finally {
      this.makingOffer = false
    }
  }

  private sendDescription(): void {
    const local = this.pc.localDescription
    if (!local || this.closed || (local.type !== 'offer' && local.type !== 'answer')) return
    this.options.signal({ description: { type: local.type, sdp: local.sdp } })
  }
}

/** Whether a contributing source's timestamp is from the last half second (the spec moved it from page time to epoch time). */
function isRecent(timestamp: number): boolean {
  const age = timestamp > 1e12 ? Date.now() - timestamp : performance.now() - timestamp
  return age < 500
}

/**
 * Which side of a pair makes the first offer: one that sends audio (a
 * listener has nothing to offer), and when both do, the one already in the
 * call (it learns of the other by `joined`; the newcomer finds it in its
 * `welcome`). So exactly one side of every linked pair offers first.
 *
 * @example
 * ```ts
 * offersFirst({ publishes: true, peerPublishes: true, peerIsNew: true }) // true: we were here first
 * offersFirst({ publishes: true, peerPublishes: false, peerIsNew: false }) // true: the other only listens
 * ```
 */
export function offersFirst(pair: { publishes: boolean; peerPublishes: boolean; peerIsNew: boolean }): boolean {
  return pair.publishes && (!pair.peerPublishes || pair.peerIsNew)
}
