import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import type { Signal } from '@tldraw/state'
import type { TLStore, TLUser } from '@tldraw/tlschema'
import { createTLStore } from '@tldraw/editor'
import { createBoardSchema } from '../board/boardSchema'
import { StoreYjsBinding, type BindingProblem } from '../binding/StoreYjsBinding'
import { PresenceSync } from '../presence/PresenceSync'
import { connectionState, type ConnectionFacts, type ConnectionState } from './connectionState'

/** Options of a {@link CollabSession}. */
export interface CollabSessionOptions {
  /** Base URL of the collab endpoint, e.g. `ws://localhost:3000/collab`. */
  collabUrl: string
  roomId: string
  /** The local user, for presence. */
  user: Signal<TLUser>
  /** A WebSocket implementation for Node (tests); browsers use their own. */
  WebSocketPolyfill?: unknown
}

/** What the UI renders from a session. */
export interface CollabSessionState {
  /** The store, once it holds the room's board. */
  store: TLStore | null
  connection: ConnectionState
  problem: BindingProblem | null
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
 * const session = new CollabSession({ collabUrl, roomId, user: $user })
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
  private readonly presence: PresenceSync
  private readonly listeners = new Set<() => void>()
  private state: CollabSessionState = { store: null, connection: 'connecting', problem: null }
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
    this.provider = new WebsocketProvider(options.collabUrl, options.roomId, this.doc, {
      params: { user: options.user.get().id },
      maxBackoffTime: 2_500,
      ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill as typeof WebSocket } : {}),
    })
    this.binding = new StoreYjsBinding(this.store, this.doc, {
      onProblem: (problem) => this.update({ problem }),
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
    clearInterval(this.ticker)
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onBrowserOnline)
      window.removeEventListener('offline', this.onBrowserOffline)
    }
    this.presence.dispose()
    this.binding.dispose()
    this.provider.destroy()
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
