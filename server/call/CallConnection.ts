import type { RawData, WebSocket } from 'ws'
import type { Logger } from 'pino'
import { CloseCode } from '@/lib/collab/closeCodes'
import { callClientMessageSchema, type CallClientMessage, type CallServerMessage } from '@/lib/call/callWire'
import type { Recheck } from '../collab/ConnectionAccess'
import { RateLimiter } from '../collab/RateLimiter'
import type { CallMember, CallRoom } from './CallRoom'
import type { CallPeer } from '@/lib/call/callWire'
import { sdpMedia } from './sdpMedia'

/** Frames a call socket may send: a negotiation is a description and a dozen candidates, a few times a minute. */
export const CALL_FRAME_LIMITS = { perSecond: 20, burst: 100 }

/** Unsent bytes queued for a peer before it is dropped as too slow. */
const MAX_BUFFERED_BYTES = 1024 * 1024

/**
 * One browser's signalling socket in a call. Treats every frame as hostile:
 * binary, non-JSON or invalid frames close it with 4400, floods with 4429;
 * before each valid frame is acted on, the member's access is checked again
 * (`check`: a removed member gets 4403, a changed role 4409), in order, so
 * a removed member's signalling stops with their next frame. A peer who may
 * not publish (an observer, or past the speaker seats) cannot send a
 * description that sends media; nobody can offer video.
 */
export class CallConnection implements CallMember {
  private readonly frames = new RateLimiter(CALL_FRAME_LIMITS)
  private queue: Promise<void> = Promise.resolve()
  private closed = false

  constructor(
    private readonly socket: WebSocket,
    readonly peer: CallPeer,
    private readonly room: CallRoom,
    private readonly options: { roomId: string; logger: Logger; check: () => Promise<Recheck> }
  ) {
    socket.on('message', (data, isBinary) => this.onFrame(data, isBinary))
    socket.on('error', (error) => options.logger.warn({ err: error, room: options.roomId }, 'call socket error'))
  }

  send(message: CallServerMessage): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) return this.close(CloseCode.TryAgainLater, 'client too slow')
    this.socket.send(JSON.stringify(message))
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.socket.close(code, reason.slice(0, 120))
    setTimeout(() => this.socket.terminate(), 5_000).unref()
  }

  /** Checks access now (periodic re-validation); closes the socket when it is gone or changed. */
  revalidate(): Promise<void> {
    return this.enqueue(async () => undefined)
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    if (this.closed) return
    if (isBinary) return this.reject(CloseCode.MalformedMessage, 'binary frames are not part of the call protocol')
    if (!this.frames.take()) return this.reject(CloseCode.RateLimited, 'too many signalling frames')
    let message: CallClientMessage
    try {
      const parsed = callClientMessageSchema.safeParse(JSON.parse(rawText(data)))
      if (!parsed.success) return this.reject(CloseCode.MalformedMessage, 'invalid signalling frame')
      message = parsed.data
    } catch {
      return this.reject(CloseCode.MalformedMessage, 'signalling frames are JSON')
    }
    void this.enqueue(async () => this.handle(message))
  }

  /** Runs `act` after the frames before it, once the member's access is confirmed. */
  private enqueue(act: () => Promise<void> | void): Promise<void> {
    this.queue = this.queue.then(async () => {
      if (this.closed) return
      const verdict = await this.options
        .check()
        .catch((): Recheck => ({ ok: false, code: CloseCode.Unauthorized, reason: 'access could not be checked' }))
      if (this.closed) return
      if (!verdict.ok) return this.reject(verdict.code, verdict.reason)
      try {
        await act()
      } catch (error) {
        // A bug must not stall this socket's queue or reach the process: close this socket only.
        this.options.logger.error({ err: error, room: this.options.roomId }, 'call frame failed')
        this.close(CloseCode.ServerError, 'the server could not handle that frame')
      }
    })
    return this.queue
  }

  private handle(message: CallClientMessage): void {
    if (message.type === 'state') return this.room.setMuted(this.peer.peerId, message.muted)
    const { description } = message.payload
    if (description) {
      const media = sdpMedia(description.sdp)
      if (media.video) return this.refuse('the call is audio only')
      if (media.sends && !this.peer.canPublish) return this.refuse('you listen in this call: you cannot send audio')
    }
    this.room.relay(this.peer.peerId, message.to, message.payload)
  }

  /** Drops a frame the rules forbid and says why; the socket stays open. */
  private refuse(reason: string): void {
    this.options.logger.info({ room: this.options.roomId, user: this.peer.userId, reason }, 'call signal refused')
    this.send({ type: 'refused', reason })
  }

  private reject(code: number, reason: string): void {
    this.options.logger.warn({ room: this.options.roomId, user: this.peer.userId, code, reason }, 'closing call socket')
    this.close(code, reason)
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data as ArrayBuffer).toString('utf8')
}
