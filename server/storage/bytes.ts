/**
 * Views of the same memory as a `Uint8Array` (what Yjs takes) or a Node
 * `Buffer` (what `ws`, SQLite and Redis hand out and take), without copying.
 * One module so every store and socket converts the same way.
 */

/**
 * The bytes of a Node buffer, or of a `ws` frame (`RawData`: a buffer, an
 * `ArrayBuffer` or fragments), as a plain `Uint8Array` over the same memory
 * (fragments are joined into one new buffer).
 *
 * @example
 * ```ts
 * Y.applyUpdate(doc, toBytes(row.data))
 * ```
 */
export function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/**
 * A Node `Buffer` over the same memory as `bytes`, for drivers that want one.
 *
 * @example
 * ```ts
 * statement.run(roomId, toBuffer(update))
 * ```
 */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}
