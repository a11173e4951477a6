import WebSocket from 'ws'
import type { Role } from '@/lib/access/roles'
import { testToken } from './tokens'

/**
 * A bare WebSocket to the collab endpoint, for sending frames no real client
 * would. It carries a valid token for `role` unless `token` is given (null: none).
 */
export async function openRawSocket(
  url: string,
  roomId: string,
  options: { role?: Role; token?: string | null; path?: string } = {}
): Promise<WebSocket> {
  const token = options.token === undefined ? await testToken(roomId, { role: options.role }) : options.token
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`
  const socket = new WebSocket(`${url}/${options.path ?? roomId}${query}`)
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('error', reject)
  })
  return socket
}

/** Resolves with the close code the server sent (or -1 if none within `timeoutMs`). */
export function closeCode(socket: WebSocket, timeoutMs = 5_000): Promise<number> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve(-1)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(-1), timeoutMs)
    socket.once('close', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  })
}
