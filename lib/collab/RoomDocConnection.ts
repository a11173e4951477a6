import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { RoomDoc } from '../access/roles'
import { CloseCode } from './closeCodes'
import { AccessDeniedError, type CollabTicket } from './CollabSession'

/** Options of a {@link RoomDocConnection}. */
export interface RoomDocConnectionOptions {
  collabUrl: string
  roomId: string
  /** `session` (read by all) or `private` (interviewers); the board has its own {@link CollabSession}. */
  doc: Exclude<RoomDoc, 'board'>
  fetchTicket: () => Promise<CollabTicket>
  /** Called after every change of the doc, and once when first synced. */
  onChange: () => void
}

/** Tokens last 5 minutes; refresh well before. */
const TICKET_REFRESH_MS = 4 * 60 * 1000

/**
 * A plain Yjs doc of the room besides the board (the session, the private
 * rubric), synced by the stock `WebsocketProvider` with a collab token, and
 * reconnecting with a fresh token after `4401`/`4409` as the board does.
 *
 * @example
 * ```ts
 * const c = new RoomDocConnection({ collabUrl, roomId, doc: 'session', fetchTicket, onChange: render })
 * readSession(c.doc)
 * c.dispose()
 * ```
 */
export class RoomDocConnection {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  /** Set when the server refuses us for good. */
  denied = false
  private readonly refreshTimer: ReturnType<typeof setInterval>
  private disposed = false

  constructor(private readonly options: RoomDocConnectionOptions) {
    this.provider = new WebsocketProvider(options.collabUrl, `${options.roomId}/${options.doc}`, this.doc, {
      connect: false,
      params: {},
      maxBackoffTime: 2_500,
    })
    // No presence on side documents: cursors live on the board's connection.
    this.provider.awareness.setLocalState(null)
    this.doc.on('update', options.onChange)
    this.provider.on('sync', (synced: boolean) => synced && options.onChange())
    this.provider.on('connection-close', (event: CloseEvent | null) => void this.onClose(event?.code))
    void this.connect()
    this.refreshTimer = setInterval(() => void this.refresh(), TICKET_REFRESH_MS)
  }

  /** Whether the doc has synced with the server at least once. */
  get synced(): boolean {
    return this.provider.synced
  }

  dispose(): void {
    this.disposed = true
    clearInterval(this.refreshTimer)
    this.doc.off('update', this.options.onChange)
    this.provider.destroy()
    this.doc.destroy()
  }

  private async connect(): Promise<void> {
    if (await this.refresh()) this.provider.connect()
  }

  private async refresh(): Promise<boolean> {
    try {
      const ticket = await this.options.fetchTicket()
      if (this.disposed) return false
      this.provider.params = { token: ticket.token }
      return true
    } catch (error) {
      if (error instanceof AccessDeniedError) {
        this.denied = true
        this.provider.disconnect()
        this.options.onChange()
        return false
      }
      return !this.disposed
    }
  }

  private async onClose(code: number | undefined): Promise<void> {
    if (code === CloseCode.Forbidden) {
      this.denied = true
      this.provider.disconnect()
      this.options.onChange()
    } else if (code === CloseCode.Unauthorized || code === CloseCode.AccessChanged) {
      this.provider.disconnect()
      await this.connect()
    }
  }
}
