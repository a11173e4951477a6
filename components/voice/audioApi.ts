import { fetchJson, HttpError, retryAfterMs } from '@/lib/http/fetchJson'
import type { AudioManifest, ConsentAnswer, MyRecordingStatus, RecordingState } from '@/lib/audio/audioSchemas'

/** The base URL of a session's audio API. */
export const audioBase = (roomId: string, sessionId: string) =>
  `/api/rooms/${encodeURIComponent(roomId)}/sessions/${encodeURIComponent(sessionId)}/audio`

/** One chunk to upload: where it sits in its segment, and its media. */
export interface ChunkUpload {
  segment: string
  seq: number
  /** End of its media, ms since the recorder started. */
  offset: number
  /** Share of it with speech (0–1). */
  activity: number
  data: Blob
}

/** The browser's calls to the recording API (`app/api/rooms/[roomId]/sessions/[sessionId]/audio`). */
export const audioApi = {
  status: (roomId: string, sessionId: string) =>
    fetchJson<MyRecordingStatus>(`${audioBase(roomId, sessionId)}/consent`),
  consent: (roomId: string, sessionId: string, answer: ConsentAnswer) =>
    fetchJson<MyRecordingStatus>(`${audioBase(roomId, sessionId)}/consent`, { method: 'POST', body: { answer } }),
  setRecording: (roomId: string, sessionId: string, on: boolean) =>
    fetchJson<RecordingState>(`${audioBase(roomId, sessionId)}/recording`, { method: 'POST', body: { on } }),
  share: (roomId: string, sessionId: string, shared: boolean) =>
    fetchJson<RecordingState>(`${audioBase(roomId, sessionId)}/share`, { method: 'POST', body: { shared } }),
  manifest: (roomId: string, sessionId: string) => fetchJson<AudioManifest>(audioBase(roomId, sessionId)),
  segmentUrl: (roomId: string, sessionId: string, userId: string, segment: string) =>
    `${audioBase(roomId, sessionId)}/segment?user=${encodeURIComponent(userId)}&segment=${encodeURIComponent(segment)}`,

  /** Uploads one chunk. Rejects with an {@link HttpError} when refused, a `TypeError` when unreachable. */
  async upload(roomId: string, sessionId: string, chunk: ChunkUpload): Promise<void> {
    const query = new URLSearchParams({
      segment: chunk.segment,
      seq: String(chunk.seq),
      offset: String(Math.round(chunk.offset)),
      activity: chunk.activity.toFixed(3),
    })
    const response = await fetch(`${audioBase(roomId, sessionId)}?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'audio/webm' },
      body: chunk.data,
      cache: 'no-store',
      // A chunk in flight when the page unloads (a reload) still arrives; keepalive bodies are capped at 64 KiB.
      keepalive: chunk.data.size < 60_000,
    })
    if (response.ok) return
    const json = (await response.json().catch(() => ({}))) as { error?: unknown }
    throw new HttpError(
      response.status,
      typeof json.error === 'string' ? json.error : `upload failed: ${response.status}`,
      retryAfterMs(response)
    )
  },
}
