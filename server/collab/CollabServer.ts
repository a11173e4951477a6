import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Logger } from 'pino'
import type { TLSchema } from '@tldraw/tlschema'
import { CloseCode } from '@/lib/collab/closeCodes'
import type { RoomDoc } from '@/lib/access/roles'
import { COLLAB_TOKEN_TTL_SECONDS } from '../access/collabToken'
import type { RoomStorage } from '../storage/RoomStorage'
import { RoomRegistry } from '../rooms/RoomRegistry'
import type { RoomBus } from '../rooms/RoomBus'
import { ClientConnection, DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './ClientConnection'
import { COLLAB_PATH_PREFIX, parseCollabPath } from './collabPath'
import { ConnectionAccess, type Admitted } from './ConnectionAccess'
import { MemberRoles, type CurrentRole } from './MemberRoles'
import { UserSocketCount } from './UserSocketCount'
import { CallServer, parseCallPath } from '../call/CallServer'
import type { IceSettings } from '../call/iceConfig'

export { COLLAB_PATH_PREFIX }

/** Options of a {@link CollabServer}. */
export interface CollabServerOptions {
  storage: RoomStorage
  schema: TLSchema
  logger: Logger
  /** Secret that signs collab tokens (`AUTH_SECRET`). */
  authSecret: string
  /** Fan-out to other collab servers (Redis mode). */
  bus?: RoomBus
  /** Largest frame accepted; larger ones close the connection with 1009. Default 2 MiB. */
  maxFrameBytes?: number
  /** Keepalive ping interval; a connection that misses one pong is dropped. Default 30 s. */
  keepaliveMs?: number
  /**
   * How often quiet connections get an empty awareness update: one that
   * received nothing in a whole round gets one, so the longest silence is
   * about two rounds, under the stock y-websocket client's 30 s
   * reconnect-on-silence. Default 10 s.
   */
  quietKeepaliveMs?: number
  /** How long an empty room stays loaded. Default 2 s. */
  roomUnloadDelayMs?: number
  limits?: Partial<ConnectionLimits>
  /** Collab sockets one user id may hold open on this server; more are refused with 4431. Default 32. */
  socketsPerUser?: number
  /** Update bytes a room's log may hold; writes past it are refused with 4413. Default 64 MiB (`DEFAULT_ROOM_LOG_MAX_BYTES`). */
  roomLogMaxBytes?: number
  /**
   * The member's current role in a room, from the room directory (null: not a
   * member). Decides every connection's rights; the token then only proves
   * who the client is. Without it the token's role is trusted: only for tests
   * and tools that have no directory (`createCollabStack` always sets it).
   */
  currentRole?: CurrentRole
  /** After a connection's token expired, its access is looked up again this often. Default 5 min. */
  revalidateMs?: number
  /** STUN/TURN servers handed to the members who join a room's audio call. Default: none (LAN, localhost). */
  ice?: IceSettings
}

/** Default of {@link CollabServerOptions.socketsPerUser}: three documents per tab, ten tabs, and some slack. */
export const DEFAULT_SOCKETS_PER_USER = 32

/** True for upgrade requests the collab server should take. */
export function isCollabRequest(url: string | undefined): boolean {
  return !!url && url.startsWith(COLLAB_PATH_PREFIX)
}

/**
 * The y-websocket endpoint. It owns no HTTP server: hand it the `upgrade`
 * events for `/collab/*` from whichever server you run (the one-process app
 * server, or the standalone collab server).
 *
 * Every connection carries a short-lived signed token (`?token=`, see
 * `collabToken.ts`) that proves its user and room; its rights come from the
 * member's current role (`currentRole`, see {@link ConnectionAccess}). Both
 * are checked before the room is touched; a refused connection is upgraded
 * only to be closed with a code the client understands (4401: fetch a new
 * token, 4403: not allowed). When the token expires the role is read again
 * and the connection kept, or closed if access was lost. Observers' document
 * updates are dropped; only interviewers may open a room's private document.
 *
 * @example
 * ```ts
 * const collab = new CollabServer({ storage, schema, logger })
 * httpServer.on('upgrade', (req, socket, head) => {
 *   if (isCollabRequest(req.url)) collab.handleUpgrade(req, socket, head)
 * })
 * ```
 */
export class CollabServer {
  readonly rooms: RoomRegistry
  private readonly wss: WebSocketServer
  private readonly connections = new Set<ClientConnection>()
  private readonly keepalive: ReturnType<typeof setInterval>
  private readonly quietKeepalive: ReturnType<typeof setInterval>
  private readonly limits: ConnectionLimits
  private readonly roles: MemberRoles | null
  private readonly access: ConnectionAccess
  private readonly userSockets: UserSocketCount
  /** The rooms' audio calls: signalling on `/collab/<roomId>/call`, never in a document. */
  readonly calls: CallServer
  private closing = false

  constructor(private readonly options: CollabServerOptions) {
    this.rooms = new RoomRegistry({
      storage: options.storage,
      schema: options.schema,
      logger: options.logger,
      bus: options.bus,
      unloadDelayMs: options.roomUnloadDelayMs,
      logMaxBytes: options.roomLogMaxBytes,
    })
    this.limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.limits }
    this.roles = options.currentRole ? new MemberRoles(options.currentRole) : null
    this.userSockets = new UserSocketCount(options.socketsPerUser ?? DEFAULT_SOCKETS_PER_USER)
    this.access = new ConnectionAccess({ authSecret: options.authSecret, roles: this.roles })
    this.calls = new CallServer({
      authSecret: options.authSecret,
      roles: this.roles,
      logger: options.logger,
      ice: options.ice ?? { servers: [], turn: null, transportPolicy: 'all' },
      userSockets: this.userSockets,
      revalidateMs: options.revalidateMs,
    })
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxFrameBytes ?? 2 * 1024 * 1024,
      perMessageDeflate: false,
    })
    this.keepalive = setInterval(() => {
      for (const connection of this.connections) connection.ping()
    }, options.keepaliveMs ?? 30_000)
    this.keepalive.unref()
    this.quietKeepalive = setInterval(() => {
      for (const connection of this.connections) connection.keepQuietAlive()
    }, options.quietKeepaliveMs ?? 10_000)
    this.quietKeepalive.unref()
    options.bus?.onAccessChange?.((roomId, userId) => this.revokeUser(roomId, userId))
    options.bus?.onRoomDeleted?.((roomId) => this.discardRoom(roomId))
  }

  /**
   * Closes every connection of `userId` in `roomId` on this server (4409), so
   * a changed role or a removal takes effect at once: the client fetches a new
   * token, which carries the new role or is refused. The member's cached
   * role is forgotten, so their next connection reads the directory.
   */
  revokeUser(roomId: string, userId: string): number {
    this.roles?.invalidate(roomId, userId)
    this.calls.revokeUser(roomId, userId)
    let closed = 0
    for (const connection of this.connections) {
      if (connection.roomId === roomId && connection.userId === userId) {
        connection.close(CloseCode.AccessChanged, 'your access to this room changed')
        closed++
      }
    }
    return closed
  }

  /** {@link revokeUser} on every server: this one, and the others through the bus. */
  async announceAccessChange(roomId: string, userId: string): Promise<void> {
    this.revokeUser(roomId, userId)
    await this.options.bus?.publishAccessChange?.(roomId, userId)
  }

  /**
   * The board `roomId` was deleted: its rooms on this server write nothing
   * more (no snapshot on unload, no cursor states; see `Room.discard`), and
   * every connection to it closes (4409; the client's new token is refused).
   */
  discardRoom(roomId: string): void {
    this.rooms.discard(roomId)
    for (const connection of this.connections) {
      if (connection.roomId === roomId) connection.close(CloseCode.AccessChanged, 'this board was deleted')
    }
  }

  /** {@link discardRoom} on every server: this one, and the others through the bus. Call before deleting the logs. */
  async announceRoomDeleted(roomId: string): Promise<void> {
    this.discardRoom(roomId)
    await this.options.bus?.publishRoomDeleted?.(roomId)
  }

  /** True once {@link close} has begun: new connections are refused. */
  get isClosing(): boolean {
    return this.closing
  }

  /** Number of open connections. */
  get connectionCount(): number {
    return this.connections.size
  }

  /** Takes over an HTTP upgrade for `/collab/<roomId>`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    void this.upgrade(req, socket, head).catch((error: unknown) => {
      // The path only: the query carries the collab token, which never goes into logs.
      this.options.logger.error({ err: error, path: req.url?.split('?')[0] }, 'upgrade failed')
      rejectUpgrade(socket, 503, 'Service Unavailable')
    })
  }

  /**
   * Shuts down without losing or doubling an edit: stops reading frames,
   * waits until every accepted update is in the log, then closes every
   * connection (1001, clients reconnect, to another server in Redis mode) and
   * unloads every room. Closing first would let a client resend an update
   * this server is still appending to the server it reconnects to, and the
   * log would hold it twice.
   */
  async close(): Promise<void> {
    this.closing = true
    clearInterval(this.keepalive)
    clearInterval(this.quietKeepalive)
    for (const connection of this.connections) connection.stopReading()
    await this.rooms.flushAll()
    for (const connection of this.connections) connection.close(CloseCode.GoingAway, 'server shutting down')
    this.calls.close()
    await this.rooms.closeAll()
    this.wss.close()
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    if (this.closing) return rejectUpgrade(socket, 503, 'Service Unavailable')
    const url = new URL(req.url ?? '/', 'http://collab.invalid')
    const callRoom = parseCallPath(url.pathname)
    if (callRoom && looksLikeWebSocketHandshake(req)) {
      return this.calls.handleUpgrade(req, socket, head, callRoom, url.searchParams.get('token'))
    }
    const target = parseCollabPath(url.pathname)
    if (!target || !looksLikeWebSocketHandshake(req)) return rejectUpgrade(socket, 400, 'Bad Request')

    const admitted = await this.access.admit(url.searchParams.get('token'), target.roomId, target.doc)
    if (!admitted.ok) return this.refuse(req, socket, head, admitted.code, admitted.reason)
    // Checked before the room is loaded, and again (counting) once the socket exists.
    if (this.userSockets.count(admitted.userId) >= this.userSockets.max) {
      return this.refuse(req, socket, head, CloseCode.TooManyConnections, this.tooManySocketsReason())
    }

    const board = target.doc === 'board'
    const room = await this.rooms.acquire(target.storageKey, { seed: board })
    if (board) room.recordPresence()
    if (socket.destroyed || this.closing) {
      this.rooms.release(room)
      return rejectUpgrade(socket, 503, 'Service Unavailable')
    }
    this.wss.handleUpgrade(req, socket, head, (ws: WebSocket) => {
      // Another socket of this user may have opened while the room loaded.
      if (!this.userSockets.tryOpen(admitted.userId)) {
        this.rooms.release(room)
        this.options.logger.info({ user: admitted.userId, code: CloseCode.TooManyConnections }, 'connection refused')
        return ws.close(CloseCode.TooManyConnections, this.tooManySocketsReason())
      }
      const connection = new ClientConnection(ws, room, {
        roomId: target.roomId,
        userId: admitted.userId,
        userName: admitted.name,
        canWrite: admitted.canWrite,
        logger: this.options.logger,
        limits: this.limits,
        stream: socket,
      })
      this.connections.add(connection)
      const stopWatching = this.watchExpiry(connection, target.doc, admitted)
      ws.on('close', (code) => {
        stopWatching()
        this.userSockets.closed(admitted.userId)
        this.connections.delete(connection)
        room.leave(connection)
        this.rooms.release(room)
        this.options.logger.debug({ room: target.storageKey, user: admitted.userId, code }, 'connection closed')
      })
      room.join(connection)
      // An access change announced while this connection was being admitted.
      if (this.access.changedSince(target.roomId, admitted)) {
        connection.close(CloseCode.AccessChanged, 'your access to this room changed')
      }
    })
  }

  private tooManySocketsReason(): string {
    return `too many connections open for your account (at most ${this.userSockets.max}); close some tabs`
  }

  /**
   * Re-validates `connection` when its token expires, then every
   * `revalidateMs`, until it closes. Returns the function that stops it.
   */
  private watchExpiry(connection: ClientConnection, doc: RoomDoc, admitted: Admitted): () => void {
    let timer: ReturnType<typeof setTimeout> | null = null
    let stopped = false
    const check = async () => {
      const verdict = await this.access.recheck(connection.roomId, doc, connection)
      if (stopped) return
      if (!verdict.ok) {
        this.options.logger.info(
          { room: connection.roomId, user: connection.userId, code: verdict.code },
          verdict.reason
        )
        return connection.close(verdict.code, verdict.reason)
      }
      arm(this.options.revalidateMs ?? COLLAB_TOKEN_TTL_SECONDS * 1000)
    }
    const arm = (delayMs: number) => {
      timer = setTimeout(() => void check(), Math.max(0, delayMs))
      timer.unref()
    }
    arm(admitted.expiresAt - Date.now())
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
    }
  }

  /**
   * Completes the WebSocket handshake only to close it with `code`: browsers
   * do not expose HTTP statuses of failed upgrades, but they do show close
   * codes, so this is how a client learns to fetch a new token or give up.
   */
  private refuse(req: IncomingMessage, socket: Duplex, head: Buffer, code: number, reason: string): void {
    this.options.logger.info({ url: req.url?.split('?')[0], code, reason }, 'connection refused')
    this.wss.handleUpgrade(req, socket, head, (ws) => ws.close(code, reason))
  }
}

/** Checked before a room is loaded, so a bad handshake cannot pin a room in memory. */
function looksLikeWebSocketHandshake(req: IncomingMessage): boolean {
  const key = req.headers['sec-websocket-key']
  const version = req.headers['sec-websocket-version']
  return (
    req.method === 'GET' &&
    req.headers.upgrade?.toLowerCase() === 'websocket' &&
    typeof key === 'string' &&
    /^[+/0-9A-Za-z]{22}==$/.test(key) &&
    (version === '8' || version === '13')
  )
}

function rejectUpgrade(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}
