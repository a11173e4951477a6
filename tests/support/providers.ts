import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import type { Role, RoomDoc } from '@/lib/access/roles'
import { TicketedConnection } from '@/lib/collab/TicketedConnection'
import { signCollabToken } from '@/server/access/collabToken'
import { TEST_AUTH_SECRET } from './tokens'

/**
 * A stock y-websocket `WebsocketProvider` in Node, exactly as browsers use it
 * but with `ws` as the WebSocket and no BroadcastChannel shortcut between
 * providers of the same process. Its token comes and goes through the app's
 * own `TicketedConnection` (what the board and session docs use): a collab
 * token for `user` with `role` (interviewer by default), signed here instead
 * of fetched from the API. `privateDoc` opens the room's private document.
 */
export function connectProvider(
  url: string,
  roomId: string,
  options: {
    user?: string
    /** The role the "app" grants on each token fetch (a function: it can change mid-session). */
    role?: Role | (() => Role)
    doc?: Y.Doc
    privateDoc?: boolean
    /** Which of the room's documents to open (default the board; `privateDoc` is short for 'private'). */
    roomDoc?: RoomDoc
    secret?: string
  } = {}
): {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Why the server shut this client out for good (a 4403 close), as the browser would tell its user. */
  denied: { reason: string | null }
  destroy: () => void
} {
  const doc = options.doc ?? new Y.Doc()
  const userId = options.user ?? 'user:tester'
  const role = () => (typeof options.role === 'function' ? options.role() : (options.role ?? 'interviewer'))
  const sign = () => signCollabToken({ userId, name: userId, roomId, role: role() }, options.secret ?? TEST_AUTH_SECRET)
  const denied: { reason: string | null } = { reason: null }
  const roomDoc = options.privateDoc ? 'private' : (options.roomDoc ?? 'board')
  const provider = new WebsocketProvider(url, roomDoc === 'board' ? roomId : `${roomId}/${roomDoc}`, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: false,
    params: {},
    maxBackoffTime: 200,
  })
  // The browser's own ticket handling (lib/collab/TicketedConnection): a fresh token before every connect and on a
  // timer; 4401 (token expired) and 4409 (access changed) fetch a new one and reconnect at once; 4403 stops.
  const ticketed = new TicketedConnection({
    provider,
    fetchTicket: async () => ({ token: await sign(), role: role() }),
    onDenied: (reason) => (denied.reason = reason),
  })
  return {
    doc,
    provider,
    denied,
    destroy: () => {
      ticketed.dispose()
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Resolves when the provider has completed a sync with the server. */
export function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
}

/** Polls `check` until it returns true (or throws after `timeoutMs`). */
export async function eventually(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
