import * as ws from 'ws'

/** The part of ws's `Sender` (public, but not in `@types/ws`) used here. */
interface WsSender {
  frame(
    data: Buffer,
    options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean }
  ): Buffer[]
}

const { Sender } = ws as unknown as { Sender: WsSender }
if (typeof Sender?.frame !== 'function') throw new Error('ws no longer exports Sender.frame; see framedMessage.ts')

/** Opcode of a binary data frame (RFC 6455 §5.2). */
const BINARY = 0x2

/**
 * One y-websocket message for many sockets: the message bytes, and the
 * complete WebSocket frame carrying them, built once (on first use) and then
 * written as is to every recipient. `ws.send()` would frame the same bytes
 * again for each socket (a header, a Buffer view, an options object, a
 * corked two-part write); a broadcast to 100 observers does that work once.
 *
 * The frame is what `ws` itself sends from a server: one binary frame with
 * FIN set, unmasked (servers never mask, RFC 6455 §5.1) and uncompressed
 * (the collab server does not negotiate permessage-deflate: a shape move is
 * ~50 bytes, which deflate would not shrink, and compressing per socket would
 * cost far more CPU than it saves).
 *
 * @example
 * ```ts
 * const message = new FramedMessage(encodeSyncMessage(SyncType.Update, update))
 * for (const peer of peers) peer.send(message)
 * ```
 */
export class FramedMessage {
  private framed: Buffer | null = null

  constructor(
    /** The y-websocket message (the frame's payload). */
    readonly bytes: Uint8Array
  ) {}

  /** The whole frame, header and payload, in one buffer: write it to a socket as is. */
  get wire(): Buffer {
    if (!this.framed) {
      const payload = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength)
      const parts = Sender.frame(payload, { fin: true, opcode: BINARY, mask: false, readOnly: false, rsv1: false })
      this.framed = Buffer.concat(parts)
    }
    return this.framed
  }

  /** Payload size in bytes (what metrics count). */
  get byteLength(): number {
    return this.bytes.byteLength
  }
}
