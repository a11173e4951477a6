import type { ChunkMeta, ConsentRecord, RecordingState } from '@/lib/audio/audioSchemas'

export type { ChunkMeta, ConsentRecord, RecordingState }

/** What one speaker has stored in a session so far, for the upload's size check. */
export interface TrackUsage {
  /** Bytes of all their chunks. */
  bytes: number
  /** Whether the chunk being uploaded (`segment`, `seq`) is already among them (a retry). */
  stored: boolean
}

/** Where a session's audio lives: its recording setting, the consent answers, and the chunks. */
export interface AudioSessionKey {
  roomId: string
  sessionId: string
}

/**
 * Storage of recorded audio, kept apart from the room log (audio is large,
 * append-only per speaker, and read whole per segment). Files in `AUDIO_DIR`
 * without `DATABASE_URL` (`FileAudioStore`), PostgreSQL with it
 * (`PostgresAudioStore`, shared by every web server); both pass
 * `tests/audio/audioStore.contract.ts`. Implementations must make
 * `putChunk` idempotent per `(userId, segment, seq)`, so a retried upload
 * never stores a chunk twice.
 */
export interface AudioStore {
  getRecording(key: AudioSessionKey): Promise<RecordingState | null>
  putRecording(key: AudioSessionKey, state: RecordingState): Promise<void>
  getConsent(key: AudioSessionKey, userId: string): Promise<ConsentRecord | null>
  putConsent(key: AudioSessionKey, consent: ConsentRecord): Promise<void>
  listConsents(key: AudioSessionKey): Promise<ConsentRecord[]>
  /** Stores a chunk; false (and nothing written) when that `(userId, segment, seq)` is already stored. */
  putChunk(key: AudioSessionKey, meta: ChunkMeta, data: Uint8Array): Promise<boolean>
  /** One speaker's stored bytes, and whether one chunk is already stored: asked on every upload, so it never lists the chunks. */
  trackUsage(key: AudioSessionKey, userId: string, chunk: { segment: string; seq: number }): Promise<TrackUsage>
  /** Every chunk's description of the session, or of one author when `userId` is given. */
  listChunks(key: AudioSessionKey, userId?: string): Promise<ChunkMeta[]>
  /** One segment's media: its chunks' bytes in sequence order, or null when it has none. */
  readSegment(key: AudioSessionKey, userId: string, segment: string): Promise<Uint8Array | null>
  /** Deletes everything of one session. */
  deleteSession(key: AudioSessionKey): Promise<void>
  /** Deletes everything of a room's sessions (the board is being deleted). */
  deleteRoom(roomId: string): Promise<void>
}
