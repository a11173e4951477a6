import { CloseCode } from '../collab/closeCodes'
import { AccessDeniedError, NO_LONGER_MEMBER, type CollabTicket } from '../collab/TicketedConnection'
import { callServerMessageSchema, type CallClientMessage, type CallServerMessage } from './callWire'

/** Options of a {@link CallSocket}. */
export interface CallSocketOptions {
  /** Base URL of the collab endpoint (`ws://host/collab`); the call is signalled on `<base>/<roomId>/call`. */
  collabUrl: string
  roomId: string
  /** Fetches a fresh collab token before each (re)connect. */
  fetchTicket: () => Promise<CollabTicket>
  /** Every frame from the server (checked against the protocol; others are dropped). */
  onMessage: (message: CallServerMessage) => void
  /** The socket closed and will reconnect (the call's peers are gone until a new welcome). */
  onDisconnected: () => void
  /** The call cannot go on (access denied, call full, protocol error): the socket is closed for good. */
  onFailed: (reason: string) => void
}

/** Reconnect delays after a dropped socket: 0.5 s doubling to 8 s. */
const RETRY_MS = [500, 1_000, 2_000, 4_000, 8_000]

/** Close codes after which reconnecting cannot help. */
const FATAL: Partial<Record<number, string>> = {
  [CloseCode.Forbidden]: NO_LONGER_MEMBER,
  [CloseCode.CallFull]: 'The call is full.',
  [CloseCode.MalformedMessage]: 'The call was closed after a protocol error.',
  [CloseCode.RateLimited]: 'The call was closed: too many signalling messages.',
  [CloseCode.TooManyConnections]: 'Too many connections open for your account; close some tabs.',
}

/**
 * The browser's signalling socket for a room's call: fetches a collab token,
 * connects to `/collab/<roomId>/call`, hands over the server's frames, and
 * reconnects with a fresh token after a drop, an expired token (4401) or a
 * role change (4409). A refusal (4403) or a broken rule ends it.
 */
export class CallSocket {
  private socket: WebSocket | null = null
  private attempt = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private stopped = false

  constructor(private readonly options: CallSocketOptions) {
    void this.connect()
  }

  /** Sends a frame; dropped while disconnected (the next welcome starts negotiation over). */
  send(message: CallClientMessage): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message))
  }

  /** Leaves the call. */
  close(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.socket?.close(1000, 'left the call')
    this.socket = null
  }

  private async connect(): Promise<void> {
    let ticket: CollabTicket
    try {
      ticket = await this.options.fetchTicket()
    } catch (error) {
      if (error instanceof AccessDeniedError) return this.fail(error.message)
      return this.retry()
    }
    if (this.stopped) return
    const { collabUrl, roomId } = this.options
    const socket = new WebSocket(
      `${collabUrl}/${encodeURIComponent(roomId)}/call?token=${encodeURIComponent(ticket.token)}`
    )
    this.socket = socket
    socket.onmessage = (event) => {
      if (typeof event.data !== 'string') return
      let parsed
      try {
        parsed = callServerMessageSchema.safeParse(JSON.parse(event.data))
      } catch {
        return
      }
      if (!parsed.success) return
      if (parsed.data.type === 'welcome') this.attempt = 0
      this.options.onMessage(parsed.data)
    }
    socket.onclose = (event) => {
      if (this.socket !== socket || this.stopped) return
      this.socket = null
      this.options.onDisconnected()
      const fatal = FATAL[event.code]
      if (fatal) return this.fail(fatal)
      if (event.code === CloseCode.Unauthorized || event.code === CloseCode.AccessChanged) return void this.connect()
      this.retry()
    }
  }

  private retry(): void {
    if (this.stopped) return
    const delay = RETRY_MS[Math.min(this.attempt++, RETRY_MS.length - 1)]!
    this.timer = setTimeout(() => void this.connect(), delay)
  }

  private fail(reason: string): void {
    this.stopped = true
    this.options.onFailed(reason)
  }
}
