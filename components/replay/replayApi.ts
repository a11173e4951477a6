import { fetchJson, HttpError } from '@/lib/http/fetchJson'
import type { ReplayEntry, ReplayManifest } from '@/lib/replay/replayManifest'

const base = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/replay`

const json = <T>(url: string) => fetchJson<T>(url, { statusMessage: (status) => `replay request failed: ${status}` })

const sessionQuery = (sessionId: string | null) => (sessionId ? `session=${encodeURIComponent(sessionId)}` : '')

/** The replay's manifest (members, the session's range and phases, notes of readable sheets). */
export function fetchManifest(roomId: string, sessionId: string | null): Promise<ReplayManifest> {
  return json(`${base(roomId)}?${sessionQuery(sessionId)}`)
}

/**
 * Streams a recorded log chunk by chunk, so playback can start with the
 * first one while the rest loads.
 */
export async function* streamLog(
  roomId: string,
  sessionId: string | null,
  stream: 'board' | 'presence',
  signal: AbortSignal
) {
  let after = 0
  while (!signal.aborted) {
    const chunk = await json<{ entries: ReplayEntry[]; done: boolean }>(
      `${base(roomId)}/log?stream=${stream}&after=${after}&${sessionQuery(sessionId)}`
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

/** What restoring a version did (see `POST /api/rooms/<id>/restore`). */
export interface RestoreOutcome {
  seq: number
  logSeq: number
  created: number
  updated: number
  deleted: number
  skipped: string[]
}

/**
 * Restores the live board to log position `seq`, for everyone on it.
 * Rejects with the server's reason (in plain words) when it refuses.
 */
export async function restoreVersion(roomId: string, seq: number): Promise<RestoreOutcome> {
  try {
    return await fetchJson<RestoreOutcome>(`/api/rooms/${encodeURIComponent(roomId)}/restore`, {
      method: 'POST',
      body: { seq },
      statusMessage: (status) => `the server answered ${status}; nothing was changed`,
    })
  } catch (error) {
    if (error instanceof HttpError) throw error
    throw new Error('the server could not be reached; nothing was changed')
  }
}
