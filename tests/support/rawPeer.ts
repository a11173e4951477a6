import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import type { Role } from '@/lib/access/roles'
import { testToken } from './tokens'
import { eventually } from './providers'
import { probes } from './boardProbes'

/** One entry of a hand-made awareness update. */
export interface RawAwarenessEntry {
  clientId: number
  clock: number
  state: unknown
}

/** A y-websocket update frame (sync message, type 2) carrying `update`. */
export function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, 2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** A frame whose update sets `key` to `value` in the map `probe`, as a hostile client would craft it. */
export function probeWrite(key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc()
  probes(doc, 'probe').set(key, value)
  return updateFrame(Y.encodeStateAsUpdate(doc))
}

/** An awareness frame (type 1) with the given entries, however many and whoever's. */
export function awarenessFrame(entries: readonly RawAwarenessEntry[]): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(update, clientId)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, JSON.stringify(state))
  }
  const frame = encoding.createEncoder()
  encoding.writeVarUint(frame, 1)
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update))
  return encoding.toUint8Array(frame)
}

/**
 * A bare socket that records what it receives and can wait until the server
 * has processed everything it sent ({@link barrier}), so tests assert on
 * order, never on "nothing happened within N ms".
 */
export class RawPeer {
  readonly received: Uint8Array[] = []
  /** Resolves with the close code once the socket closes. */
  readonly closed: Promise<number>
  private step2s = 0

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const frame = new Uint8Array(data)
      this.received.push(frame)
      if (frame[0] === 0 && frame[1] === 1) this.step2s++
    })
    this.closed = new Promise((resolve) => socket.once('close', (code) => resolve(code)))
  }

  /** Opens `<url>/<path>` with `token`, or a fresh one for `user` as `role`. */
  static async open(
    url: string,
    roomId: string,
    options: { token?: string; user?: string; name?: string; role?: Role; path?: string }
  ): Promise<RawPeer> {
    const token =
      options.token ?? (await testToken(roomId, { user: options.user, name: options.name, role: options.role }))
    const socket = new WebSocket(`${url}/${options.path ?? roomId}?token=${encodeURIComponent(token)}`)
    const peer = new RawPeer(socket)
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve())
      socket.once('error', reject)
    })
    return peer
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN
  }

  send(frame: Uint8Array): void {
    this.socket.send(frame)
  }

  /**
   * Resolves once the server has handled every frame sent before: it answers
   * a sync step 1 with a step 2, and it handles a socket's frames in order.
   */
  async barrier(timeoutMs = 5_000): Promise<void> {
    const before = this.step2s
    this.send(new Uint8Array([0, 0, 1, 0])) // sync step 1 with an empty state vector
    await eventually(() => this.step2s > before, timeoutMs, 'the server to answer sync step 1')
  }

  /** True once an update frame (sync type 2) arrived that sets `key` in `probe`. */
  sawProbe(key: string): boolean {
    const doc = new Y.Doc()
    for (const frame of this.received) {
      if (frame[0] !== 0 || (frame[1] !== 1 && frame[1] !== 2)) continue
      try {
        const decoder = decoding.createDecoder(frame)
        decoding.readVarUint(decoder)
        decoding.readVarUint(decoder)
        Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
      } catch {
        // Not a plain update frame; ignore.
      }
    }
    return probes(doc, 'probe').has(key)
  }

  close(): void {
    this.socket.close()
  }
}

/**
 * Resolves once the server has handled every frame sent so far on `socket`
 * (a stock provider's `provider.ws`): it answers a sync step 1 with a step 2,
 * and handles one socket's frames in order.
 */
export async function socketBarrier(socket: globalThis.WebSocket, timeoutMs = 5_000): Promise<void> {
  let answered = false
  const onMessage = (event: MessageEvent) => {
    const frame = new Uint8Array(event.data as ArrayBuffer)
    if (frame[0] === 0 && frame[1] === 1) answered = true
  }
  socket.addEventListener('message', onMessage)
  try {
    socket.send(new Uint8Array([0, 0, 1, 0]))
    await eventually(() => answered, timeoutMs, 'the server to answer sync step 1')
  } finally {
    socket.removeEventListener('message', onMessage)
  }
}
