import type { CollabTicket } from '../collab/TicketedConnection'
import type { CallPeer, CallServerMessage, IceConfig } from './callWire'
import { CallSocket } from './CallSocket'
import { microphone } from './microphone'
import { offersFirst, PeerLink } from './PeerLink'

/** What the call looks like to this browser. */
export interface CallView {
  status: 'connecting' | 'live' | 'failed'
  /** Why the call failed, or why the microphone is not sent; null when all is well. */
  problem: string | null
  self: CallPeer | null
  /** The other peers, in the order they joined. */
  peers: CallPeer[]
  muted: boolean
  /** The microphone being sent (its device id), once there is one. */
  deviceId: string | null
}

/** Options of a {@link CallMesh}. */
export interface CallMeshOptions {
  collabUrl: string
  roomId: string
  fetchTicket: () => Promise<CollabTicket>
  onChange: (view: CallView) => void
}

/**
 * This browser in a room's call: one {@link PeerLink} to every other peer
 * (a full mesh; the server seats at most four speakers), the microphone
 * (echo cancellation, noise suppression and auto gain on) sent to each, and
 * every remote voice played through an `<audio>` element. Listeners (and
 * peers between two listeners) open no microphone and send nothing.
 */
export class CallMesh {
  private readonly socket: CallSocket
  private readonly links = new Map<string, PeerLink>()
  private readonly players = new Map<string, HTMLAudioElement>()
  private view: CallView = { status: 'connecting', problem: null, self: null, peers: [], muted: false, deviceId: null }
  private ice: IceConfig | null = null
  private stream: MediaStream | null = null
  private chain: Promise<void> = Promise.resolve()
  private left = false

  constructor(private readonly options: CallMeshOptions) {
    this.socket = new CallSocket({
      collabUrl: options.collabUrl,
      roomId: options.roomId,
      fetchTicket: options.fetchTicket,
      // In order: a signal must not overtake the welcome whose microphone it waits for.
      onMessage: (message) => (this.chain = this.chain.then(() => this.handle(message))),
      onDisconnected: () => {
        this.dropLinks()
        this.update({ status: 'connecting', peers: [] })
      },
      onFailed: (reason) => {
        this.dropLinks()
        this.update({ status: 'failed', problem: reason, peers: [] })
      },
    })
  }

  /** The microphone stream being sent, if any (for the local speaking meter). */
  get localStream(): MediaStream | null {
    return this.stream
  }

  /** Each remote peer's audio level now (0–1), by peer id. */
  levels(): Map<string, number> {
    return new Map([...this.links].map(([peerId, link]) => [peerId, link.remoteLevel()]))
  }

  /** Mutes or unmutes this browser's microphone: while muted nothing is sent to anyone. */
  setMuted(muted: boolean): void {
    const track = muted ? null : (this.stream?.getAudioTracks()[0] ?? null)
    for (const link of this.links.values()) void link.setTrack(track)
    this.socket.send({ type: 'state', muted })
    this.update({ muted })
  }

  /** Sends the microphone `deviceId` instead of the current one. */
  async setDevice(deviceId: string): Promise<void> {
    if (!this.view.self?.canPublish) return
    try {
      const next = await microphone(deviceId)
      const old = this.stream
      this.stream = next
      const track = this.view.muted ? null : next.getAudioTracks()[0]!
      await Promise.all([...this.links.values()].map((link) => link.setTrack(track)))
      old?.getTracks().forEach((t) => t.stop())
      this.update({ deviceId: trackDevice(next), problem: null })
    } catch (error) {
      this.update({ problem: `That microphone could not be opened: ${(error as Error).message}` })
    }
  }

  /** Leaves the call: closes every connection, the socket and the microphone. */
  leave(): void {
    this.left = true
    this.socket.close()
    this.dropLinks()
    this.stream?.getTracks().forEach((t) => t.stop())
    this.stream = null
  }

  private async handle(message: CallServerMessage): Promise<void> {
    if (this.left) return
    switch (message.type) {
      case 'welcome':
        return this.welcome(message.self, message.peers, message.ice)
      case 'joined':
        this.update({ peers: [...this.view.peers.filter((p) => p.peerId !== message.peer.peerId), message.peer] })
        this.link(message.peer, true)
        return
      case 'left':
        this.unlink(message.peerId)
        return this.update({ peers: this.view.peers.filter((p) => p.peerId !== message.peerId) })
      case 'state':
        return this.update({
          peers: this.view.peers.map((p) => (p.peerId === message.peerId ? { ...p, muted: message.muted } : p)),
        })
      case 'signal': {
        const peer = this.view.peers.find((p) => p.peerId === message.from)
        if (peer) await this.link(peer)?.receive(message.payload)
        return
      }
      case 'refused':
        console.warn('call: the server refused a signal:', message.reason)
    }
  }

  private async welcome(self: CallPeer, peers: CallPeer[], ice: IceConfig): Promise<void> {
    this.dropLinks()
    this.ice = ice
    let problem: string | null = null
    if (!self.canPublish && this.stream) {
      // Demoted to listener (a role change reconnected us): the microphone closes.
      this.stream.getTracks().forEach((t) => t.stop())
      this.stream = null
    }
    if (self.canPublish && !this.stream) {
      try {
        this.stream = await microphone(this.view.deviceId)
      } catch (error) {
        problem = `Your microphone could not be opened, so you only listen: ${(error as Error).message}`
      }
    }
    if (self.role === 'observer') problem = 'Observers listen to the call.'
    else if (!self.canPublish) problem = 'The call already has four speakers: you listen.'
    const muted = this.view.muted
    this.update({ status: 'live', self, peers, problem, deviceId: this.stream ? trackDevice(this.stream) : null })
    if (muted) this.socket.send({ type: 'state', muted })
    for (const peer of peers) this.link(peer)
  }

  /** The link to `peer`, made when missing (none between two listeners); `peerIsNew`: it joined after us. */
  private link(peer: CallPeer, peerIsNew = false): PeerLink | undefined {
    const self = this.view.self
    const existing = this.links.get(peer.peerId)
    if (existing || !self || !this.ice || (!self.canPublish && !peer.canPublish)) return existing
    const track = this.stream?.getAudioTracks()[0] ?? null
    const link = new PeerLink({
      ice: this.ice,
      polite: self.peerId < peer.peerId,
      offersFirst: offersFirst({ publishes: self.canPublish, peerPublishes: peer.canPublish, peerIsNew }),
      signal: (payload) => this.socket.send({ type: 'signal', to: peer.peerId, payload }),
      track,
      publish: self.canPublish && !!track,
      onTrack: (remote) => this.play(peer.peerId, remote),
    })
    if (this.view.muted) void link.setTrack(null)
    this.links.set(peer.peerId, link)
    return link
  }

  private play(peerId: string, track: MediaStreamTrack): void {
    const player = this.players.get(peerId) ?? new Audio()
    player.autoplay = true
    player.srcObject = new MediaStream([track])
    player.dataset.peer = peerId
    this.players.set(peerId, player)
    void player.play().catch(() => undefined)
  }

  private unlink(peerId: string): void {
    this.links.get(peerId)?.close()
    this.links.delete(peerId)
    const player = this.players.get(peerId)
    if (player) player.srcObject = null
    this.players.delete(peerId)
  }

  private dropLinks(): void {
    for (const peerId of [...this.links.keys()]) this.unlink(peerId)
  }

  private update(change: Partial<CallView>): void {
    this.view = { ...this.view, ...change }
    if (!this.left) this.options.onChange(this.view)
  }
}

function trackDevice(stream: MediaStream): string | null {
  return stream.getAudioTracks()[0]?.getSettings().deviceId ?? null
}
