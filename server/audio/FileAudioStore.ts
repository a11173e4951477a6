import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { roomIdSchema } from '@/lib/room/roomId'
import { sessionIdSchema } from '@/lib/session/sessionRecord'
import { consentRecordSchema, recordingStateSchema, segmentIdSchema } from '@/lib/audio/audioSchemas'
import type { AudioSessionKey, AudioStore, ChunkMeta, ConsentRecord, RecordingState, TrackUsage } from './AudioStore'

/**
 * Audio as files, the embedded default: `<dir>/<room>/<session>/` holds
 * `recording.json`, `consent/<user>.json` and `tracks/<user>/<segment>/`
 * with one `.webm` file per chunk, its description in its name
 * (`<seq>_<at>_<offset>_<activity‰>_<bytes>.webm`), so listing a track
 * reads no file. User ids are base64url-encoded in paths. Every write goes
 * to a temporary file first and is renamed into place, so a crash never
 * leaves half a chunk. Ids are validated again here: nothing outside `dir`
 * can be named.
 */
export class FileAudioStore implements AudioStore {
  /** Chunk writes in flight per segment directory, so a retry racing its original stores one chunk. */
  private readonly writing = new Map<string, Promise<unknown>>()

  constructor(private readonly dir: string) {}

  async getRecording(key: AudioSessionKey): Promise<RecordingState | null> {
    const json = await readJson(path.join(this.sessionDir(key), 'recording.json'))
    const parsed = recordingStateSchema.safeParse(json)
    return parsed.success ? parsed.data : null
  }

  async putRecording(key: AudioSessionKey, state: RecordingState): Promise<void> {
    await writeAtomically(path.join(this.sessionDir(key), 'recording.json'), JSON.stringify(state))
  }

  async getConsent(key: AudioSessionKey, userId: string): Promise<ConsentRecord | null> {
    const parsed = consentRecordSchema.safeParse(await readJson(this.consentPath(key, userId)))
    return parsed.success ? parsed.data : null
  }

  async putConsent(key: AudioSessionKey, consent: ConsentRecord): Promise<void> {
    await writeAtomically(this.consentPath(key, consent.userId), JSON.stringify(consent))
  }

  async listConsents(key: AudioSessionKey): Promise<ConsentRecord[]> {
    const dir = path.join(this.sessionDir(key), 'consent')
    const names = await list(dir)
    const records = await Promise.all(names.map((n) => readJson(path.join(dir, n))))
    return records.flatMap((r) => {
      const parsed = consentRecordSchema.safeParse(r)
      return parsed.success ? [parsed.data] : []
    })
  }

  async putChunk(key: AudioSessionKey, meta: ChunkMeta, data: Uint8Array): Promise<boolean> {
    const dir = this.segmentDir(key, meta.userId, meta.segment)
    const write = async () => {
      const prefix = `${pad(meta.seq)}_`
      if ((await list(dir)).some((n) => n.startsWith(prefix))) return false
      const name = `${prefix}${meta.at}_${meta.offset}_${Math.round(meta.activity * 1000)}_${data.byteLength}.webm`
      await writeAtomically(path.join(dir, name), data)
      return true
    }
    const previous = this.writing.get(dir) ?? Promise.resolve()
    const result = previous.then(write, write)
    this.writing.set(dir, result)
    try {
      return await result
    } finally {
      if (this.writing.get(dir) === result) this.writing.delete(dir)
    }
  }

  async trackUsage(key: AudioSessionKey, userId: string, chunk: { segment: string; seq: number }): Promise<TrackUsage> {
    const mine = await this.listChunks(key, userId)
    return {
      bytes: mine.reduce((sum, c) => sum + c.bytes, 0),
      stored: mine.some((c) => c.segment === chunk.segment && c.seq === chunk.seq),
    }
  }

  async listChunks(key: AudioSessionKey, userId?: string): Promise<ChunkMeta[]> {
    const tracks = path.join(this.sessionDir(key), 'tracks')
    const users = userId === undefined ? await list(tracks) : [encodeUser(userId)]
    const chunks: ChunkMeta[] = []
    for (const user of users) {
      const author = decodeUser(user)
      for (const segment of await list(path.join(tracks, user))) {
        for (const name of await list(path.join(tracks, user, segment))) {
          const meta = parseChunkName(name)
          if (meta) chunks.push({ userId: author, segment, ...meta })
        }
      }
    }
    return chunks
  }

  async readSegment(key: AudioSessionKey, userId: string, segment: string): Promise<Uint8Array | null> {
    const dir = this.segmentDir(key, userId, segment)
    const names = (await list(dir)).filter((n) => parseChunkName(n)).sort()
    if (!names.length) return null
    const parts = await Promise.all(names.map((n) => readFile(path.join(dir, n))))
    return Buffer.concat(parts)
  }

  async deleteSession(key: AudioSessionKey): Promise<void> {
    await rm(this.sessionDir(key), { recursive: true, force: true })
  }

  async deleteRoom(roomId: string): Promise<void> {
    await rm(path.join(this.dir, roomIdSchema.parse(roomId)), { recursive: true, force: true })
  }

  private sessionDir(key: AudioSessionKey): string {
    return path.join(this.dir, roomIdSchema.parse(key.roomId), sessionIdSchema.parse(key.sessionId))
  }

  private consentPath(key: AudioSessionKey, userId: string): string {
    return path.join(this.sessionDir(key), 'consent', `${encodeUser(userId)}.json`)
  }

  private segmentDir(key: AudioSessionKey, userId: string, segment: string): string {
    return path.join(this.sessionDir(key), 'tracks', encodeUser(userId), segmentIdSchema.parse(segment))
  }
}

const CHUNK_NAME = /^(\d{6})_(\d+)_(\d+)_(\d+)_(\d+)\.webm$/

function parseChunkName(name: string): Omit<ChunkMeta, 'userId' | 'segment'> | null {
  const match = CHUNK_NAME.exec(name)
  if (!match) return null
  const [seq, at, offset, activity, bytes] = match.slice(1).map(Number) as [number, number, number, number, number]
  return { seq, at, offset, activity: activity / 1000, bytes }
}

const pad = (seq: number) => String(seq).padStart(6, '0')

function encodeUser(userId: string): string {
  return Buffer.from(userId, 'utf8').toString('base64url')
}

function decodeUser(encoded: string): string {
  return Buffer.from(encoded, 'base64url').toString('utf8')
}

/** A directory's entries (temporary files left out), or none when it does not exist. */
async function list(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => !n.endsWith('.tmp'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || error instanceof SyntaxError) return null
    throw error
  }
}

let counter = 0

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.${++counter}.tmp`
  await writeFile(temporary, data)
  await rename(temporary, file)
}
