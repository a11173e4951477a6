import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'

/**
 * A stock y-websocket `WebsocketProvider` in Node, exactly as browsers use it
 * but with `ws` as the WebSocket and no BroadcastChannel shortcut between
 * providers of the same process.
 */
export function connectProvider(
  url: string,
  roomId: string,
  options: { user?: string; doc?: Y.Doc } = {}
): { doc: Y.Doc; provider: WebsocketProvider; destroy: () => void } {
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(url, roomId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: options.user ? { user: options.user } : {},
    maxBackoffTime: 200,
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
