import type { ReplayEntry, ReplayManifest } from '@/server/replay/ReplayService'

const base = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/replay`

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' })
  if (!response.ok) throw new Error(`replay request failed: ${response.status}`)
  return (await response.json()) as T
}

/** The replay's manifest (members, phases, notes for interviewers). */
export function fetchManifest(roomId: string): Promise<ReplayManifest> {
  return json(base(roomId))
}

/**
 * Streams a recorded log chunk by chunk, so playback can start with the
 * first one while the rest loads.
 */
export async function* streamLog(roomId: string, stream: 'board' | 'presence', signal: AbortSignal) {
  let after = 0
  while (!signal.aborted) {
    const chunk = await json<{ entries: ReplayEntry[]; done: boolean }>(
      `${base(roomId)}/log?stream=${stream}&after=${after}`
    )
    if (chunk.entries.length) yield chunk.entries
    if (chunk.done || !chunk.entries.length) return
    after = chunk.entries.at(-1)!.seq
  }
}

/** Decodes an entry's base64 payload. */
export function decodeEntryData(data: string): Uint8Array {
  const binary = atob(data)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
