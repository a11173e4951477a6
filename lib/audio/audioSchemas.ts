import { z } from 'zod'

/** The only body type an audio chunk upload accepts: Opus in WebM, as `MediaRecorder` makes it. */
export const AUDIO_CONTENT_TYPE = 'audio/webm'

/** A participant's answer to "this session is recorded: may we record your microphone?". */
export const consentAnswerSchema = z.enum(['accepted', 'declined'])

/** One of the consent answers. */
export type ConsentAnswer = z.infer<typeof consentAnswerSchema>

/** A stored consent answer: who, what, when (server time). */
export const consentRecordSchema = z.object({
  userId: z.string(),
  name: z.string(),
  answer: consentAnswerSchema,
  at: z.number(),
})

/** A participant's stored answer. */
export type ConsentRecord = z.infer<typeof consentRecordSchema>

/** A session's recording setting, written by interviewers only. */
export const recordingStateSchema = z.object({
  /** Whether the session records the microphones of those who agree. */
  on: z.boolean(),
  /** Whether the session's candidate may hear the recording (they may not until an interviewer shares it). */
  sharedWithCandidate: z.boolean(),
  /** Server time of the last change. */
  at: z.number(),
})

/** A session's recording setting. */
export type RecordingState = z.infer<typeof recordingStateSchema>

/** The setting of a session nobody turned recording on for. */
export const RECORDING_OFF: RecordingState = { on: false, sharedWithCandidate: false, at: 0 }

/**
 * A recording segment's id: one per `MediaRecorder` run (a reload starts a
 * new one), chosen by the browser, unique within its author's track.
 */
export const segmentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,40}$/, 'a segment id is 8–40 characters of A–Z, a–z, 0–9, _ or -')

/**
 * The query of a chunk upload (`POST …/audio?segment=&seq=&offset=&activity=`):
 * the segment, the chunk's place in it (0, 1, 2, … with no gaps), where its
 * media ends in milliseconds since the segment's recorder started (the
 * browser's monotonic clock), and the share of it the speaker was talking (0–1).
 */
export const chunkQuerySchema = z.object({
  segment: segmentIdSchema,
  seq: z.coerce.number().int().min(0).max(100_000),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000),
  activity: z.coerce.number().min(0).max(1).default(0),
})

/** A chunk upload's query, validated. */
export type ChunkQuery = z.infer<typeof chunkQuerySchema>

/** A stored chunk's description (its bytes are kept apart). */
export interface ChunkMeta {
  userId: string
  segment: string
  seq: number
  /** Server time the chunk arrived. */
  at: number
  /** End of its media, ms since its segment's recorder started. */
  offset: number
  /** Share of the chunk with speech (0–1), as the recording browser measured it. */
  activity: number
  bytes: number
}

/** A stretch of a track on the session's server-time axis. */
export interface AudioSpan {
  start: number
  end: number
}

/** One recorder run of one participant, placed on the session's server-time axis. */
export interface AudioSegment extends AudioSpan {
  id: string
  bytes: number
  /** How many chunks arrived (a gap in their sequence means a chunk was lost). */
  chunks: number
  /** When the speaker was talking in it (chunks with activity, merged). */
  speech: AudioSpan[]
}

/** Everything recorded of one participant. */
export interface AudioTrack {
  userId: string
  name: string
  segments: AudioSegment[]
}

/** What the replay needs to play a session's sound: the tracks, who declined, and the setting. */
export interface AudioManifest {
  recording: RecordingState
  /** Whether the reader may share the recording with the candidate (interviewers, the owner). */
  canShare: boolean
  tracks: AudioTrack[]
  /** Who declined to be recorded (they have no track). */
  declined: { userId: string; name: string }[]
}

/** The caller's own standing in a session's recording (for the consent dialog). */
export interface MyRecordingStatus {
  recording: RecordingState
  /** The caller's answer, or null when they were not asked yet. */
  consent: ConsentAnswer | null
  /** Whether the caller's role records a microphone at all (observers only listen). */
  recordable: boolean
}
