import { CloseCode } from './closeCodes'
import type { Role } from '../access/roles'

/** A collab token and the role it carries, as `/api/rooms/<id>/token` returns it. */
export interface CollabTicket {
  token: string
  role: Role
  /** When the token expires (ms since the epoch, the server's clock). */
  expiresAt?: number
}

/** The tickets the board page renders into itself, one per document it opens at once. */
export interface PageTickets {
  board: CollabTicket
  session: CollabTicket
}

/** A ticket the page came with is used for the first connect only if it has this long left. */
const MIN_TICKET_LEFT_MS = 60_000

/**
 * A ticket source that hands out `first` (the ticket the board page was
 * rendered with) for the first connect, saving a round trip, and fetches
 * every later one. A `first` with less than a minute left (a page restored
 * from the back/forward cache) is skipped.
 */
export function startingWith(
  first: CollabTicket | null | undefined,
  fetchTicket: () => Promise<CollabTicket>
): () => Promise<CollabTicket> {
  let unused = first && (first.expiresAt ?? 0) - Date.now() > MIN_TICKET_LEFT_MS ? first : null
  return () => {
    const ticket = unused
    unused = null
    return ticket ? Promise.resolve(ticket) : fetchTicket()
  }
}

/** Thrown by a ticket source when the user may no longer enter the room (HTTP 401/403). */
export class AccessDeniedError extends Error {}

/** Tokens last 5 minutes; refresh well before, so a reconnect never starts with a stale one. */
export const TICKET_REFRESH_MS = 4 * 60 * 1000

/** What a 4403 close tells the user: the page let us in, so a refusal now means access was taken away. */
export const NO_LONGER_MEMBER = 'You are no longer a member of this board.'

/** What a member is told when the board they have open was deleted. */
export const BOARD_DELETED = 'This board was deleted by its owner.'

/** The part of y-websocket's `WebsocketProvider` a {@link TicketedConnection} drives. */
export interface TicketedProvider {
  params: Record<string, string>
  connect(): void
  disconnect(): void
  on(name: 'connection-close', listener: (event: CloseEvent | null) => void): unknown
  off(name: 'connection-close', listener: (event: CloseEvent | null) => void): unknown
}

/** Options of a {@link TicketedConnection}. */
export interface TicketedConnectionOptions {
  /** A provider created with `connect: false`: it connects once the first token arrives. */
  provider: TicketedProvider
  /** Fetches a fresh collab token (before connecting, every {@link TICKET_REFRESH_MS} and after 4401/4409). */
  fetchTicket: () => Promise<CollabTicket>
  /** Called with every token fetched. */
  onTicket?: (ticket: CollabTicket) => void
  /** Access is gone for good (a refused token fetch, or a 4403 close): the provider is already disconnected. */
  onDenied: (reason: string) => void
  /** Any other close code, for the owner's own handling (quota notices, refused updates). */
  onOtherClose?: (code: number | undefined) => void | Promise<void>
}

/**
 * Keeps a y-websocket provider connected with a collab token: fetches one
 * before connecting and refreshes it on a timer; on close 4401 (token missing
 * or expired) or 4409 (role changed) fetches a new one and reconnects at once,
 * which is how a role change reaches the browser; on 4403 (or a refused token
 * fetch) stops and reports the denial. Starts at construction.
 *
 * @example
 * ```ts
 * const ticketed = new TicketedConnection({ provider, fetchTicket, onDenied: (reason) => show(reason) })
 * // …
 * ticketed.dispose()
 * ```
 */
export class TicketedConnection {
  private readonly refreshTimer: ReturnType<typeof setInterval>
  private disposed = false

  constructor(private readonly options: TicketedConnectionOptions) {
    options.provider.on('connection-close', this.onCloseEvent)
    void this.connect()
    this.refreshTimer = setInterval(() => void this.refresh(), TICKET_REFRESH_MS)
  }

  /** Fetches a token, then (re)connects with it (unless access was denied). */
  async connect(): Promise<void> {
    if (await this.refresh()) this.options.provider.connect()
  }

  /** Stops the refresh timer and close handling; the owner destroys the provider. */
  dispose(): void {
    this.disposed = true
    clearInterval(this.refreshTimer)
    this.options.provider.off('connection-close', this.onCloseEvent)
  }

  /** Puts a fresh token in the provider's URL params; false when access is denied or this was disposed. */
  private async refresh(): Promise<boolean> {
    const { provider } = this.options
    try {
      const ticket = await this.options.fetchTicket()
      if (this.disposed) return false
      provider.params = { ...provider.params, token: ticket.token }
      this.options.onTicket?.(ticket)
      return true
    } catch (error) {
      if (this.disposed) return false
      if (error instanceof AccessDeniedError) {
        provider.disconnect()
        this.options.onDenied(error.message)
        return false
      }
      // Network trouble: keep the old token; the provider keeps retrying.
      return true
    }
  }

  private readonly onCloseEvent = (event: CloseEvent | null): void => void this.onClose(event?.code)

  private async onClose(code: number | undefined): Promise<void> {
    if (code === CloseCode.Forbidden) {
      this.options.provider.disconnect()
      this.options.onDenied(NO_LONGER_MEMBER)
    } else if (code === CloseCode.Unauthorized || code === CloseCode.AccessChanged) {
      this.options.provider.disconnect()
      await this.connect()
    } else {
      await this.options.onOtherClose?.(code)
    }
  }
}
