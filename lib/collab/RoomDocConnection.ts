import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { RoomDoc } from '../access/roles'
import { TicketedConnection, type CollabTicket } from './TicketedConnection'

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
  private readonly ticketed: TicketedConnection

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
    this.ticketed = new TicketedConnection({
      provider: this.provider,
      fetchTicket: options.fetchTicket,
      onDenied: () => {
        this.denied = true
        options.onChange()
      },
    })
  }

  /** Whether the doc has synced with the server at least once. */
  get synced(): boolean {
    return this.provider.synced
  }

  dispose(): void {
    this.ticketed.dispose()
    this.doc.off('update', this.options.onChange)
    this.provider.destroy()
    this.doc.destroy()
  }
}
