import { RoomRequestError } from '../access/RoomRequestError'

/**
 * Reads a request's raw body, refusing (413, with `tooLargeMessage` as its
 * error; by default the audio chunk's) one over `maxBytes` without reading
 * past the cap: a declared `Content-Length` over it is refused before
 * reading, and a body streamed without one (or longer than it said) stops at the cap.
 */
export async function readCappedBody(
  request: Request,
  maxBytes: number,
  tooLargeMessage = `a chunk may hold at most ${maxBytes} bytes`
): Promise<Uint8Array> {
  const tooLarge = () => new RoomRequestError(413, tooLargeMessage)
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge()
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  const parts: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge()
    }
    parts.push(value)
  }
  const body = new Uint8Array(total)
  let at = 0
  for (const part of parts) {
    body.set(part, at)
    at += part.byteLength
  }
  return body
}
