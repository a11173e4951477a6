import { z } from 'zod'

/**
 * Room ids are unguessable: 128 random bits, base64url encoded (22 characters).
 * The schema accepts 8–64 url-safe characters so hand-made ids in tests and
 * bookmarks keep working, but everything the app creates is 22 characters.
 */
export const roomIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'a room id is 8–64 characters of A–Z, a–z, 0–9, _ or -')

/** A validated room id. */
export type RoomId = z.infer<typeof roomIdSchema>

/**
 * Creates a new unguessable room id from the platform's CSPRNG.
 *
 * @example
 * ```ts
 * const id = createRoomId() // 'q3X9b7Yd0m1sVf2cK8wLpA'
 * ```
 */
export function createRoomId(): RoomId {
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
