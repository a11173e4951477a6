import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import type { Role, RoomDoc } from '@/lib/access/roles'
import { signCollabToken } from '@/server/access/collabToken'
import { TEST_AUTH_SECRET } from './tokens'

/**
 * A stock y-websocket `WebsocketProvider` in Node, exactly as browsers use it
 * but with `ws` as the WebSocket and no BroadcastChannel shortcut between
 * providers of the same process. It carries a collab token for `user` with
 * `role` (interviewer by default), re-signed before every reconnect, as the
 * browser does. `privateDoc` opens the room's private document.
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
): { doc: Y.Doc; provider: WebsocketProvider; destroy: () => void } {
  const doc = options.doc ?? new Y.Doc()
  const userId = options.user ?? 'user:tester'
  const role = () => (typeof options.role === 'function' ? options.role() : (options.role ?? 'interviewer'))
  const sign = () => signCollabToken({ userId, name: userId, roomId, role: role() }, options.secret ?? TEST_AUTH_SECRET)
  const roomDoc = options.privateDoc ? 'private' : (options.roomDoc ?? 'board')
  const provider = new WebsocketProvider(url, roomDoc === 'board' ? roomId : `${roomId}/${roomDoc}`, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: false,
    params: {},
    maxBackoffTime: 200,
  })
  // Keep a fresh token in the URL params, as the browser's session does.
  const refresh = async () => {
    provider.params = { token: await sign() }
  }
  void refresh().then(() => provider.connect())
  provider.on('connection-close', () => void refresh())
  // 4401 (token expired) and 4409 (access changed) stop y-websocket's own
  // reconnecting; like the browser, fetch a new token and connect again.
  provider.on('closed', ({ code }) => {
    if (code === 4401 || code === 4409) void refresh().then(() => provider.connect())
  })
  return {
    doc,
    provider,
    destroy: () => {
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
