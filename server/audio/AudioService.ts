import type { Actor } from '@/lib/access/actor'
import { canHearRecording, canManageRecording, isRecordableRole } from '@/lib/audio/audioAccess'
import { groupChunks, placeSegment } from '@/lib/audio/audioPlacement'
import {
  AUDIO_CONTENT_TYPE,
  RECORDING_OFF,
  type AudioManifest,
  type AudioSegment,
  type ChunkQuery,
  type ConsentAnswer,
  type MyRecordingStatus,
  type RecordingState,
} from '@/lib/audio/audioSchemas'
import type { SessionRecord } from '@/lib/session/sessionRecord'
import type { RoomAccess, RoomView } from '../access/RoomAccess'
import { RoomRequestError } from '../access/RoomRequestError'
import type { SessionStore } from '../sessions/SessionStore'
import type { AudioSessionKey, AudioStore } from './AudioStore'

/** Bounds of what one participant may upload. */
export interface AudioLimits {
  /** Largest chunk accepted (bytes). */
  chunkMaxBytes: number
  /** Most bytes one participant may record in one session. */
  trackMaxBytes: number
  /** How long after a session's end its last chunks are still accepted (they were recorded before it). */
  graceMs: number
}

/** Defaults of {@link AudioLimits}: 512 KiB chunks (~2 min of Opus at 32 kbit/s), 64 MiB a track (~4 h), 15 s grace. */
export const DEFAULT_AUDIO_LIMITS: AudioLimits = {
  chunkMaxBytes: 512 * 1024,
  trackMaxBytes: 64 * 1024 * 1024,
  graceMs: 15_000,
}

/** Why a reader who may not hear a session's recording is refused (the candidate, until it is shared). */
const NOT_SHARED = 'the recording has not been shared with the candidate'

/** What {@link AudioService} needs. */
export interface AudioServiceDeps {
  access: RoomAccess
  sessions: SessionStore
  store: AudioStore
  /** Tells the room's live session doc that recording turned on or off (everyone sees it at once). */
  announce: (roomId: string, sessionId: string, actor: Actor, on: boolean) => Promise<void>
  limits?: Partial<AudioLimits>
  /** Server time; injectable for tests. */
  now?: () => number
}

/**
 * Session recording with consent: interviewers turn it on per session;
 * each participant who may speak (interviewers, candidates) answers whether
 * their microphone may be recorded, and only those who agreed may upload.
 * Each browser uploads its own microphone in small chunks, each stamped on
 * arrival with server time. Reading follows the replay's rule (members now),
 * except that candidates hear nothing until an interviewer shares it
 * (`lib/audio/audioAccess.ts`). Every check uses the member's role now.
 */
export class AudioService {
  readonly limits: AudioLimits
  private readonly now: () => number

  constructor(private readonly deps: AudioServiceDeps) {
    this.limits = { ...DEFAULT_AUDIO_LIMITS, ...deps.limits }
    this.now = deps.now ?? Date.now
  }

  /** The caller's standing: the session's setting, their answer, whether their role is recorded. Members only. */
  async status(roomId: string, sessionId: string, actor: Actor): Promise<MyRecordingStatus> {
    const { view, key } = await this.open(roomId, sessionId, actor)
    const consent = await this.deps.store.getConsent(key, actor.userId)
    return {
      recording: await this.recording(key),
      consent: consent?.answer ?? null,
      recordable: isRecordableRole(view.me.role),
    }
  }

  /** Turns recording on or off for a running session. Interviewers only. */
  async setRecording(roomId: string, sessionId: string, actor: Actor, on: boolean): Promise<RecordingState> {
    const { view, key, session } = await this.open(roomId, sessionId, actor)
    if (!canManageRecording(view.me.role))
      throw new RoomRequestError(403, 'only an interviewer may turn recording on or off')
    if (session.endedAt !== null) throw new RoomRequestError(409, 'the session has ended')
    const state = { ...(await this.recording(key)), on, at: this.now() }
    await this.deps.store.putRecording(key, state)
    await this.deps.announce(roomId, sessionId, actor, on)
    return state
  }

  /** Shares the recording with the session's candidate, or withdraws it. Interviewers only. */
  async share(roomId: string, sessionId: string, actor: Actor, shared: boolean): Promise<RecordingState> {
    const { view, key } = await this.open(roomId, sessionId, actor)
    if (!canManageRecording(view.me.role))
      throw new RoomRequestError(403, 'only an interviewer may share the recording')
    const state = { ...(await this.recording(key)), sharedWithCandidate: shared, at: this.now() }
    await this.deps.store.putRecording(key, state)
    return state
  }

  /** Stores the caller's answer (they may change it while the session runs). Interviewers and candidates. */
  async consent(roomId: string, sessionId: string, actor: Actor, answer: ConsentAnswer): Promise<MyRecordingStatus> {
    const { view, key, session } = await this.open(roomId, sessionId, actor)
    if (!isRecordableRole(view.me.role)) throw new RoomRequestError(403, 'observers are never recorded')
    if (session.endedAt !== null) throw new RoomRequestError(409, 'the session has ended')
    const recording = await this.recording(key)
    if (!recording.on) throw new RoomRequestError(409, 'recording is off for this session')
    await this.deps.store.putConsent(key, { userId: actor.userId, name: view.me.name, answer, at: this.now() })
    return { recording, consent: answer, recordable: true }
  }

  /**
   * Stores one chunk of the caller's microphone, stamped with server time.
   * Refused unless the session runs (or ended less than the grace ago),
   * recording is on, and the caller (an interviewer or candidate now)
   * agreed. A chunk already stored (a retry) is acknowledged, not stored again.
   */
  async upload(
    roomId: string,
    sessionId: string,
    actor: Actor,
    query: ChunkQuery,
    contentType: string | null,
    data: Uint8Array
  ): Promise<{ stored: boolean; at: number }> {
    const at = this.now()
    if (contentType?.split(';')[0]?.trim().toLowerCase() !== AUDIO_CONTENT_TYPE) {
      throw new RoomRequestError(415, `send the chunk as ${AUDIO_CONTENT_TYPE}`)
    }
    if (data.byteLength === 0) throw new RoomRequestError(400, 'the chunk is empty')
    if (data.byteLength > this.limits.chunkMaxBytes) {
      throw new RoomRequestError(413, `a chunk may hold at most ${this.limits.chunkMaxBytes} bytes`)
    }
    const { view, key, session } = await this.open(roomId, sessionId, actor)
    if (session.endedAt !== null && at > session.endedAt + this.limits.graceMs) {
      throw new RoomRequestError(409, 'the session has ended')
    }
    if (!isRecordableRole(view.me.role)) throw new RoomRequestError(403, 'observers are never recorded')
    if (!(await this.recording(key)).on) throw new RoomRequestError(409, 'recording is off for this session')
    const consent = await this.deps.store.getConsent(key, actor.userId)
    if (consent?.answer !== 'accepted') throw new RoomRequestError(403, 'you have not agreed to be recorded')
    if (query.seq === 0 && !isWebmStart(data)) throw new RoomRequestError(400, 'the first chunk is not a WebM stream')
    const usage = await this.deps.store.trackUsage(key, actor.userId, query)
    if (usage.stored) return { stored: false, at }
    if (usage.bytes + data.byteLength > this.limits.trackMaxBytes) {
      throw new RoomRequestError(413, 'this recording has reached its size limit')
    }
    const meta = { userId: actor.userId, ...query, at, bytes: data.byteLength }
    return { stored: await this.deps.store.putChunk(key, meta, data), at }
  }

  /** The session's tracks placed on its server-time axis, for the replay. Those who may hear it only. */
  async manifest(roomId: string, sessionId: string, actor: Actor): Promise<AudioManifest> {
    const { view, key, session } = await this.open(roomId, sessionId, actor)
    const recording = await this.recording(key)
    const hears = this.hears(view, session, recording)
    const chunks = await this.deps.store.listChunks(key)
    // Nothing was recorded: there is nothing to withhold, so every member gets the same silent manifest (the
    // candidate's replay once answered 403 and said the recording was not shared when none existed).
    if (!hears && chunks.length > 0) throw new RoomRequestError(403, NOT_SHARED)
    const names = new Map(session.participants.map((p) => [p.userId, p.name]))
    for (const m of view.members) if (!names.has(m.userId)) names.set(m.userId, m.name)
    const consents = await this.deps.store.listConsents(key)
    for (const c of consents) if (!names.has(c.userId)) names.set(c.userId, c.name)
    const tracks = [...groupChunks(chunks)].map(([userId, segments]) => ({
      userId,
      name: names.get(userId) ?? userId,
      segments: [...segments]
        .map(([id, chunks]) => placeSegment(id, chunks))
        .filter((s): s is AudioSegment => s !== null)
        .sort((a, b) => a.start - b.start),
    }))
    return {
      recording,
      canShare: canManageRecording(view.me.role),
      tracks,
      declined: hears
        ? consents.filter((c) => c.answer === 'declined').map((c) => ({ userId: c.userId, name: c.name }))
        : [],
    }
  }

  /** One segment's media (WebM), for the replay's player. Those who may hear it only. */
  async segment(roomId: string, sessionId: string, actor: Actor, userId: string, segment: string): Promise<Uint8Array> {
    const { view, key, session } = await this.open(roomId, sessionId, actor)
    await this.requireHearing(view, key, session)
    const data = await this.deps.store.readSegment(key, userId, segment)
    if (!data) throw new RoomRequestError(404, 'no such recording')
    return data
  }

  /** Deletes one session's recordings and consents (the session is being deleted). */
  deleteSession(roomId: string, sessionId: string): Promise<void> {
    return this.deps.store.deleteSession({ roomId, sessionId })
  }

  /** Deletes the audio of every session of a room (the board is being deleted). */
  deleteRoom(roomId: string): Promise<void> {
    return this.deps.store.deleteRoom(roomId)
  }

  private async open(roomId: string, sessionId: string, actor: Actor) {
    const view = await this.deps.access.view(roomId, actor)
    const session = await this.deps.sessions.getSession(roomId, sessionId)
    if (!session) throw new RoomRequestError(404, 'no such session on this board')
    return { view, session, key: { roomId, sessionId } satisfies AudioSessionKey }
  }

  private async recording(key: AudioSessionKey): Promise<RecordingState> {
    return (await this.deps.store.getRecording(key)) ?? RECORDING_OFF
  }

  private async requireHearing(view: RoomView, key: AudioSessionKey, session: SessionRecord): Promise<RecordingState> {
    const recording = await this.recording(key)
    if (!this.hears(view, session, recording)) throw new RoomRequestError(403, NOT_SHARED)
    return recording
  }

  private hears(view: RoomView, session: SessionRecord, recording: RecordingState): boolean {
    const reader = { userId: view.me.userId, role: view.me.role, isOwner: view.isOwner }
    return canHearRecording(session, reader, recording.sharedWithCandidate)
  }
}

/** Whether `data` starts with the EBML magic number every WebM stream starts with. */
function isWebmStart(data: Uint8Array): boolean {
  return data[0] === 0x1a && data[1] === 0x45 && data[2] === 0xdf && data[3] === 0xa3
}
