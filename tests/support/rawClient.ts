import WebSocket from 'ws'

/** A bare WebSocket to the collab endpoint, for sending frames no real client would. */
export async function openRawSocket(url: string, roomId: string): Promise<WebSocket> {
  const socket = new WebSocket(`${url}/${roomId}`)
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
