import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import { IndexeddbPersistence } from 'y-indexeddb'
import type { Signal } from '@tldraw/state'
import type { TLStore, TLUser } from '@tldraw/tlschema'
import { createTLStore, type Editor } from '@tldraw/editor'
import { createBoardSchema } from '../board/boardSchema'
import { StoreYjsBinding, type BindingProblem } from '../binding/StoreYjsBinding'
import { watchUserInput } from '../binding/userInput'
import { loadBeforeWholePageActions } from '../binding/loadBeforeWholePageActions'
import { PresenceSync } from '../presence/PresenceSync'
import { applyServerUpdatesQuietly } from './applyServerUpdates'
import { connectionState, type ConnectionFacts, type ConnectionState } from './connectionState'
import { CloseCode } from './closeCodes'
import { closeNotice, type CloseNotice } from './closeNotices'
import { TicketedConnection, type CollabTicket } from './TicketedConnection'
import type { Role } from '../access/roles'

/** Options of a {@link CollabSession}. */
export interface CollabSessionOptions {
  /** Base URL of the collab endpoint, e.g. `ws://localhost:3000/collab`. */
  collabUrl: string
  roomId: string
  /** The local user, for presence. */
  user: Signal<TLUser>
  /** Fetches a fresh collab token (before connecting and each reconnect). */
  fetchTicket: () => Promise<CollabTicket>
  /** A WebSocket implementation for Node (tests); browsers use their own. */
  WebSocketPolyfill?: unknown
  /** Keep a copy of the room in this browser's IndexedDB (default: when IndexedDB exists). */
  persistLocally?: boolean
}

/** What the UI renders from a session. */
export interface CollabSessionState {
  /** The store, once it holds the room's board. */
  store: TLStore | null
  connection: ConnectionState
  problem: BindingProblem | null
  /** The user's role, from the newest token (null until the first arrives). */
  role: Role | null
  /** Set when the server refuses us for good (removed from the room, or no access). */
  denied: string | null
  /** Set when the server closed us over a quota (board full, too much too fast, too many tabs); see {@link CollabSession.reconnect}. */
  notice: CloseNotice | null
}

/**
 * One browser's live connection to a room: a Yjs doc synced with the server
 * by the stock y-websocket `WebsocketProvider`, bound to a tldraw store, with
 * presence in awareness.
 *
 * The store is handed out only after the first sync, so the board never
 * flashes empty and no client ever seeds a room (the server does).
 *
 * @example
 * ```ts
 * const session = new CollabSession({ collabUrl, roomId, user: $user, fetchTicket: () => fetchTicket(roomId) })
 * const unsubscribe = session.subscribe(() => render(session.getState()))
 * // …
 * session.dispose()
 * ```
 */
export class CollabSession {
  readonly doc = new Y.Doc()
  readonly store: TLStore
  readonly provider: WebsocketProvider
  private readonly binding: StoreYjsBinding
  /**
   * The room's doc in IndexedDB: edits made offline survive closing the tab
   * and reach the server the next time the board opens.
   */
  private readonly local: IndexeddbPersistence | null
  private readonly presence: PresenceSync
  private readonly listeners = new Set<() => void>()
  private state: CollabSessionState = {
    store: null,
    connection: 'connecting',
    problem: null,
    role: null,
    denied: null,
    notice: null,
  }
  private readonly ticketed: TicketedConnection
  private facts: Omit<ConnectionFacts, 'msSinceConnected'> = {
    socket: 'connecting',
    synced: false,
    everSynced: false,
    browserOnline: true,
  }
  private lastConnectedAt = Date.now()
  private readonly ticker: ReturnType<typeof setInterval>

  constructor(options: CollabSessionOptions) {
    // The editor keeps our `user:` record in the doc from this signal, which
    // is where collaborators read our name and colour.
    this.store = createTLStore({ schema: createBoardSchema(), users: { currentUser: options.user } })
    const persistLocally = options.persistLocally ?? typeof indexedDB !== 'undefined'
    this.local = persistLocally ? new IndexeddbPersistence(`mockboard:${options.roomId}`, this.doc) : null
    this.provider = new WebsocketProvider(options.collabUrl, options.roomId, this.doc, {
      connect: false, // first fetch a token (TicketedConnection)
      params: {},
      maxBackoffTime: 2_500,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket } : {}),
    })
    // What the server sends is applied without Yjs encoding it again for these two (a whole board, on open).
    applyServerUpdatesQuietly(this.provider, [
      this.provider._updateHandler,
      ...(this.local ? [this.local._storeUpdate] : []),
    ])
    this.binding = new StoreYjsBinding(this.store, this.doc, {
      onProblem: (problem) => this.update({ problem }),
      // A big board shows what is in view first (tldraw opens at the origin, zoom 1), the rest follows.
      // Its chunks step aside while the user presses, drags, scrolls or types.
      ...(typeof window !== 'undefined' && {
        viewFirst: {
          view: { x: 0, y: 0, w: window.innerWidth, h: window.innerHeight },
          watchInput: () => watchUserInput(window),
        },
      }),
    })
    this.presence = new PresenceSync(this.store, this.provider.awareness, options.user)
    this.provider.on('status', ({ status }) => this.onFacts({ socket: status }))
    this.provider.on('sync', (synced: boolean) => this.onSync(synced))
    if (typeof window !== 'undefined') {
      this.facts.browserOnline = navigator.onLine
      window.addEventListener('online', this.onBrowserOnline)
      window.addEventListener('offline', this.onBrowserOffline)
    }
    // Re-evaluates "reconnecting" → "offline" while the server is away.
    this.ticker = setInterval(() => this.onFacts({}), 1_000)
    this.ticketed = new TicketedConnection({
      provider: this.provider,
      fetchTicket: options.fetchTicket,
      onTicket: ({ role }) => {
        if (role !== this.state.role) this.update({ role })
      },
      onDenied: (denied) => this.update({ denied }),
      onOtherClose: (code) => this.onClose(code),
    })
  }

  /**
   * The server closed our socket with a code the ticketed connection leaves
   * to us (it handles 4401/4409/4403). A quota close (see {@link closeNotice})
   * stops reconnecting and says why: a full board would refuse our unsaved
   * edit again on every reconnect.
   */
  private async onClose(code: number | undefined): Promise<void> {
    const notice = closeNotice(code)
    if (notice) {
      this.provider.disconnect()
      this.update({ notice })
    } else if (code === CloseCode.UpdateRejected) {
      // The server refused a change this browser holds; resending it would be refused again on
      // every reconnect. Stop, and drop the local copy so a reload starts from the saved board.
      this.provider.disconnect()
      await this.local?.clearData().catch(() => undefined)
      this.update({
        denied:
          'The server refused a change from this browser, so it stopped syncing. Reload to continue from the saved board.',
      })
    } else if (code === CloseCode.MalformedMessage) {
      // Not about the board's content (that is 4422): a frame this browser sent could not be accepted. The
      // provider does not retry 44xx closes; without this the badge would say "Reconnecting…" for ever.
      this.provider.disconnect()
      this.update({
        denied:
          'The server could not accept a message from this browser, so the board stopped syncing. ' +
          'Reload to continue; your edits are kept in this browser.',
      })
    }
  }

  /**
   * Call from tldraw's `onMount`, once the board has painted: streams the
   * rest of a big board into the store in chunks between frames (see
   * {@link StoreYjsBinding.streamRest}), and makes `editor` load that rest
   * before an action on a whole page (delete or duplicate it, select all,
   * zoom to fit), so it sees every shape (see {@link loadBeforeWholePageActions}).
   * Returns the cleanup for `onMount` to return.
   */
  mountEditor(editor: Editor): () => void {
    this.binding.streamRest()
    return loadBeforeWholePageActions(editor, this.binding)
  }

  /** Connects again after a quota close (the user asked), with a fresh token. */
  reconnect(): void {
    this.update({ notice: null })
    void this.ticketed.connect()
  }

  /** The current state; a new object after every change. */
  getState(): CollabSessionState {
    return this.state
  }

  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Disconnects and frees everything; our cursor disappears for the others at once. */
  dispose(): void {
    this.ticketed.dispose()
    clearInterval(this.ticker)
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onBrowserOnline)
      window.removeEventListener('offline', this.onBrowserOffline)
    }
    this.presence.dispose()
    this.binding.dispose()
    this.provider.destroy()
    void this.local?.destroy()
    this.doc.destroy()
    this.listeners.clear()
  }

  private onSync(synced: boolean): void {
    if (synced && !this.facts.everSynced) {
      this.binding.attach()
      this.presence.start()
      this.update({ store: this.store })
    }
    this.onFacts({ synced, everSynced: this.facts.everSynced || synced })
  }

  private readonly onBrowserOnline = () => this.onFacts({ browserOnline: true })
  private readonly onBrowserOffline = () => this.onFacts({ browserOnline: false })

  private onFacts(change: Partial<typeof this.facts>): void {
    this.facts = { ...this.facts, ...change }
    if (this.facts.socket !== 'connected') this.facts.synced = false
    const now = Date.now()
    if (this.facts.socket === 'connected' && this.facts.synced) this.lastConnectedAt = now
    const connection = connectionState({ ...this.facts, msSinceConnected: now - this.lastConnectedAt })
    if (connection !== this.state.connection) this.update({ connection })
  }

  private update(change: Partial<CollabSessionState>): void {
    this.state = { ...this.state, ...change }
    for (const listener of this.listeners) listener()
  }
}
