import type { Duplex } from 'node:stream'
import type { WebSocket, RawData } from 'ws'
import type { Logger } from 'pino'
import { CloseCode } from '@/lib/collab/closeCodes'
import type { Room } from '../rooms/Room'
import type { RoomPeer } from '../rooms/RoomPeer'
import { FramedMessage } from './framedMessage'
import { AwarenessRejectedError, LogFullError, UpdateRejectedError } from '../rooms/errors'
import { decodeClientMessage, MalformedMessageError } from './messages'
import { RateLimiter } from './RateLimiter'
import { bytesIn, connectionsRejected, framesIn } from '../ops/metrics'
import { toBytes } from '../storage/bytes'

/** Limits applied to each connection. */
export interface ConnectionLimits {
  /** Frames per second a connection may send on average… */
  framesPerSecond: number
  /** …and in one burst (a reconnecting client sends a few at once). */
  frameBurst: number
  /** Bytes per second a connection may send on average (every frame counts, updates and presence)… */
  bytesPerSecond: number
  /** …and in one burst; at least the largest frame allowed, or that frame could never pass. */
  byteBurst: number
  /** Unsent bytes queued for a client before it is dropped as too slow. */
  maxBufferedBytes: number
}

/**
 * Defaults: a dragging user sends ~60 updates + 20 presence frames a second
 * (~6 KB/s). 256 KiB/s with an 8 MiB burst lets anyone paste several large
 * diagrams at once (a frame is at most 2 MiB) and replay an offline
 * session on reconnect, and cuts off "200 updates of 2 MiB in 11 s" after
 * the first few.
 */
export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  framesPerSecond: 300,
  frameBurst: 600,
  bytesPerSecond: 256 * 1024,
  byteBurst: 8 * 1024 * 1024,
  maxBufferedBytes: 16 * 1024 * 1024,
}

/** The shape of {@link STATE_REQUEST_LIMITS}. */
export interface StateRequestLimits {
  /** Answers a connection gets at once… */
  burst: number
  /** …and refilled per second after. */
  perSecond: number
}

/**
 * How often a connection may ask for the room's whole state: a sync step 1
 * (answered with a sync step 2 holding everything its state vector lacks,
 * the whole doc for an empty one) or a query-awareness (answered with every
 * presence state in the room). A token bucket per connection: a burst of
 * {@link StateRequestLimits.burst} answers, then one more every
 * 1 / {@link StateRequestLimits.perSecond} seconds; one request past it closes
 * the connection with `4429` (`CloseCode.RateLimited`).
 *
 * Why: such a frame is a few bytes but its answer is not. On a board of
 * 3,000 shapes (~2.2 MB) an observer's ~590 step-1 frames, well within the
 * frame and byte budgets, made the server encode and send the whole doc 590
 * times: the process stalled 2 s (11 s with 8 sockets) and each socket got
 * 7–27 MB before it was cut off as too slow. Now a connection costs at most
 * three whole-doc answers at once, and one per 10 s after.
 *
 * Never a real client: the stock y-websocket client sends sync step 1 once
 * per connection (a reconnect is a new connection with a new bucket; its
 * `resyncInterval`, which we do not set, would send one every interval, and
 * one every 10 s or slower still passes), and sends query-awareness only
 * over BroadcastChannel, never to the server. The burst of 3 leaves room for
 * tools that check the server has handled their frames by sending a step 1
 * (the tests' `barrier()`).
 */
export const STATE_REQUEST_LIMITS: Readonly<StateRequestLimits> = { burst: 3, perSecond: 1 / 10 }

/** y-websocket's awareness message (1) carrying an update with no clients (a length-1 payload: 0 entries). */
const EMPTY_AWARENESS = new FramedMessage(new Uint8Array([1, 1, 0]))

/**
 * One client's WebSocket in one room. Treats every frame as hostile: text
 * frames, undecodable or unknown messages, updates that fail to apply, floods
 * of frames or of bytes, requests for the whole state past
 * {@link STATE_REQUEST_LIMITS}, and updates to a full board each close this
 * connection alone, with a close code from {@link CloseCode}, a reason a
 * person can read, and a log line.
 */
export class ClientConnection implements RoomPeer {
  /** Set by pong; cleared by each keepalive ping. */
  alive = true
  /** Set by every send; cleared by each quiet-keepalive round (see {@link keepQuietAlive}). */
  private sentSinceQuietCheck = true
  private readonly limiter: RateLimiter
  private readonly byteBudget: RateLimiter
  /** Sync step 1 and query-awareness answers (see {@link STATE_REQUEST_LIMITS}). */
  private readonly stateRequests: RateLimiter
  private closed = false
  /** False once the server is shutting down: frames are ignored (the client resends them elsewhere). */
  private reading = true

  readonly roomId: string
  readonly userId: string
  readonly userName: string
  readonly canWrite: boolean
  private readonly logger: Logger
  private readonly limits: ConnectionLimits

  /**
   * The TCP (or TLS) stream under `socket`, where a broadcast's pre-built
   * frame is written as is: the same bytes `socket.send()` would write, in
   * order with ws's own control frames, because ws writes to this stream
   * synchronously whenever no extension is negotiated (nothing to compress).
   * Null when an extension was negotiated: then `socket.send()` frames it.
   */
  private readonly wire: Duplex | null

  constructor(
    private readonly socket: WebSocket,
    private readonly room: Room,
    options: {
      roomId: string
      userId: string
      userName: string
      canWrite: boolean
      logger: Logger
      limits?: ConnectionLimits
      /** The stream the HTTP upgrade handed to `socket` (see {@link wire}). */
      stream?: Duplex
    }
  ) {
    this.wire = options.stream && socket.extensions === '' ? options.stream : null
    this.roomId = options.roomId
    this.userId = options.userId
    this.userName = options.userName
    this.canWrite = options.canWrite
    this.logger = options.logger
    this.limits = options.limits ?? DEFAULT_CONNECTION_LIMITS
    this.limiter = new RateLimiter({ perSecond: this.limits.framesPerSecond, burst: this.limits.frameBurst })
    this.byteBudget = new RateLimiter({ perSecond: this.limits.bytesPerSecond, burst: this.limits.byteBurst })
    this.stateRequests = new RateLimiter(STATE_REQUEST_LIMITS)
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary))
    socket.on('pong', () => (this.alive = true))
    socket.on('error', (error) =>
      this.logger.warn({ err: error, room: room.roomId, user: this.userId }, 'socket error')
    )
  }

  send(message: FramedMessage): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return
    // Counts what the TCP socket has not taken yet, including frames written to it directly below.
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CloseCode.TryAgainLater, 'client too slow')
      return
    }
    this.sentSinceQuietCheck = true
    if (this.wire) this.wire.write(message.wire)
    else this.socket.send(message.bytes, { binary: true })
  }

  /**
   * Sends an empty awareness update (3 bytes, which changes nothing) when
   * nothing was sent since the previous round. The stock y-websocket client
   * closes and reopens a socket that received no message for 30 s, and a
   * socket can be quiet that long: nobody else in the room, or a session
   * document nobody changes (the server never echoes a client's own
   * presence). Without this, such sockets reconnected every ~30 s.
   */
  keepQuietAlive(): void {
    if (!this.sentSinceQuietCheck) this.send(EMPTY_AWARENESS)
    this.sentSinceQuietCheck = false
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.socket.close(code, reason)
    // A peer that never answers the close handshake is cut off.
    setTimeout(() => this.socket.terminate(), 5_000).unref()
  }

  /**
   * Ignores every later frame (shutdown): what was accepted is flushed before
   * the socket closes, and what arrives now is resent by the client to the
   * server it reconnects to, so nothing is logged twice or lost.
   */
  stopReading(): void {
    this.reading = false
  }

  /** Sends a keepalive ping; a peer that missed the previous pong is dropped. */
  ping(): void {
    if (!this.alive) {
      this.logger.info({ room: this.room.roomId, user: this.userId }, 'no pong; dropping connection')
      this.socket.terminate()
      return
    }
    this.alive = false
    this.socket.ping()
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closed || !this.reading) return
    if (!isBinary) return this.reject(CloseCode.MalformedMessage, 'text frames are not part of the protocol')
    if (!this.limiter.take()) return this.reject(CloseCode.RateLimited, 'too many frames')
    const frame = toBytes(data)
    if (!this.byteBudget.take(frame.byteLength)) {
      return this.reject(CloseCode.ByteBudgetExceeded, 'too much data sent too fast; slow down and reconnect')
    }
    framesIn.inc()
    bytesIn.inc(frame.byteLength)
    try {
      const message = decodeClientMessage(frame)
      if ((message.type === 'sync-step-1' || message.type === 'query-awareness') && !this.stateRequests.take()) {
        return this.reject(
          CloseCode.RateLimited,
          'asked for the whole board too often (sync step 1 or query awareness)'
        )
      }
      this.room.handleMessage(this, message)
    } catch (error) {
      if (error instanceof MalformedMessageError || error instanceof AwarenessRejectedError) {
        return this.reject(CloseCode.MalformedMessage, error.message)
      }
      if (error instanceof UpdateRejectedError) return this.reject(CloseCode.UpdateRejected, error.message)
      if (error instanceof LogFullError) return this.reject(CloseCode.BoardFull, error.message)
      this.logger.error({ err: error, room: this.room.roomId }, 'unexpected error handling a frame')
      return this.reject(CloseCode.ServerError, 'internal error')
    }
  }

  private reject(code: number, reason: string): void {
    this.logger.warn({ room: this.room.roomId, user: this.userId, code, reason }, 'closing connection')
    connectionsRejected.inc({ code: String(code) })
    this.close(code, reason.slice(0, 120))
  }
}
