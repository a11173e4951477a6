import type { ReplayEntry, ReplayManifest } from '@/lib/replay/replayManifest'

const base = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/replay`

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' })
  if (!response.ok) throw new Error(`replay request failed: ${response.status}`)
  return (await response.json()) as T
}

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
  let response: Response
  try {
    response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/restore`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ seq }),
    })
  } catch {
    throw new Error('the server could not be reached; nothing was changed')
  }
  const body = (await response.json().catch(() => ({}))) as Partial<RestoreOutcome> & { error?: string }
  if (!response.ok) throw new Error(body.error ?? `the server answered ${response.status}; nothing was changed`)
  return body as RestoreOutcome
}
