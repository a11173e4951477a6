import { randomBytes } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Logger } from 'pino'
import { CloseCode } from '@/lib/collab/closeCodes'
import { MAX_CALL_FRAME_BYTES, type CallPeer } from '@/lib/call/callWire'
import { roomIdSchema } from '@/lib/room/roomId'
import { COLLAB_TOKEN_TTL_SECONDS } from '../access/collabToken'
import { ConnectionAccess, type Admitted, type Recheck } from '../collab/ConnectionAccess'
import type { MemberRoles } from '../collab/MemberRoles'
import type { UserSocketCount } from '../collab/UserSocketCount'
import { CallConnection } from './CallConnection'
import { CallRoom, MAX_CALL_PEERS } from './CallRoom'
import { iceConfigFor, type IceSettings } from './iceConfig'

/** Where a room's call is signalled: beside its collab documents, so the same upgrade routing reaches it. */
const CALL_PATH = /^\/collab\/([^/]+)\/call$/

/** The room whose call `pathname` names (`/collab/<roomId>/call`), or null. */
export function parseCallPath(pathname: string): string | null {
  const match = CALL_PATH.exec(pathname)
  if (!match) return null
  const roomId = roomIdSchema.safeParse(safeDecode(match[1]!))
  return roomId.success ? roomId.data : null
}

/** Options of a {@link CallServer}. */
export interface CallServerOptions {
  authSecret: string
  /** Members' current roles (null: trust the token's role, for tests without a directory). */
  roles: MemberRoles | null
  logger: Logger
  ice: IceSettings
  /** The collab server's per-user socket count: call sockets count against the same cap. */
  userSockets: UserSocketCount
  /** An open call socket's access is checked again this often even when it sends nothing. Default 5 min. */
  revalidateMs?: number
}

/**
 * Signalling for the rooms' audio calls, on `/collab/<roomId>/call`. A
 * socket is admitted like a collab connection (a collab token naming user
 * and room, and the member's current role from the directory); every frame
 * it sends is checked again against the member's role now. Observers, and
 * speakers past {@link MAX_CALL_SPEAKERS}, join as listeners. Each peer gets
 * the ICE configuration (TURN credentials minted for them) in its welcome.
 * Calls are in memory: a peer meets the peers on the same server.
 */
export class CallServer {
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CALL_FRAME_BYTES,
    perMessageDeflate: false,
  })
  private readonly rooms = new Map<string, CallRoom>()
  private readonly connections = new Set<CallConnection & { roomId: string }>()
  private readonly access: ConnectionAccess

  constructor(private readonly options: CallServerOptions) {
    this.access = new ConnectionAccess({ authSecret: options.authSecret, roles: options.roles })
  }

  /** Takes over the upgrade of `/collab/<roomId>/call`. */
  async handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, roomId: string, token: string | null) {
    const admitted = await this.access.admit(token, roomId, 'board')
    if (!admitted.ok) return this.accept(req, socket, head, (ws) => ws.close(admitted.code, admitted.reason))
    this.accept(req, socket, head, (ws) => this.open(ws, roomId, admitted))
  }

  /** Closes `userId`'s call sockets in `roomId` (4409): their access changed, so they reconnect with their new rights or are refused. */
  revokeUser(roomId: string, userId: string): void {
    for (const connection of this.connections) {
      if (connection.roomId === roomId && connection.peer.userId === userId) {
        connection.close(CloseCode.AccessChanged, 'your access to this room changed')
      }
    }
  }

  /** Closes every call socket (1001: clients reconnect). */
  close(): void {
    for (const connection of this.connections) connection.close(CloseCode.GoingAway, 'server shutting down')
    this.wss.close()
  }

  private accept(req: IncomingMessage, socket: Duplex, head: Buffer, then: (ws: WebSocket) => void): void {
    if (socket.destroyed) return
    this.wss.handleUpgrade(req, socket, head, then)
  }

  private open(ws: WebSocket, roomId: string, admitted: Admitted): void {
    const { userSockets, logger } = this.options
    const room = this.rooms.get(roomId) ?? new CallRoom()
    if (room.size >= MAX_CALL_PEERS) return ws.close(CloseCode.CallFull, `the call is full (${MAX_CALL_PEERS} people)`)
    if (!userSockets.tryOpen(admitted.userId)) return ws.close(CloseCode.TooManyConnections, 'too many connections')
    this.rooms.set(roomId, room)
    const peer: CallPeer = {
      peerId: randomBytes(12).toString('base64url'),
      userId: admitted.userId,
      name: admitted.name,
      role: admitted.role,
      canPublish: admitted.role !== 'observer' && room.hasSpeakerSeat(),
      muted: false,
    }
    const connection = Object.assign(
      new CallConnection(ws, peer, room, { roomId, logger, check: () => this.check(roomId, admitted) }),
      { roomId }
    )
    this.connections.add(connection)
    const timer = setInterval(
      () => void connection.revalidate(),
      this.options.revalidateMs ?? COLLAB_TOKEN_TTL_SECONDS * 1000
    )
    timer.unref()
    ws.on('close', () => {
      clearInterval(timer)
      userSockets.closed(admitted.userId)
      this.connections.delete(connection)
      room.leave(peer.peerId)
      if (room.size === 0 && this.rooms.get(roomId) === room) this.rooms.delete(roomId)
    })
    const peers = room.join(connection)
    connection.send({ type: 'welcome', self: peer, peers, ice: iceConfigFor(this.options.ice, admitted.userId) })
    if (this.access.changedSince(roomId, admitted)) connection.close(CloseCode.AccessChanged, 'your access changed')
    logger.debug({ room: roomId, user: admitted.userId, canPublish: peer.canPublish }, 'joined the call')
  }

  /** The member's access now (the role cache lives 2 s): gone → 4403, another role → 4409. */
  private async check(roomId: string, admitted: Admitted): Promise<Recheck> {
    const roles = this.options.roles
    if (!roles) return { ok: true }
    const role = await roles.role(roomId, admitted.userId)
    if (!role) return { ok: false, code: CloseCode.Forbidden, reason: 'no longer a member of this room' }
    if (role !== admitted.role) return { ok: false, code: CloseCode.AccessChanged, reason: 'your role changed' }
    return { ok: true }
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return ''
  }
}
