import { sessionRecordSchema, type SessionRecord } from '@/lib/session/sessionRecord'
import { sheetRecordSchema, type SheetRecord } from '@/lib/rubric/sheetRecord'
import type { SessionStore } from './SessionStore'
import type { LegacySessions } from './migrateLegacySessions'
import { globalKeys, roomDataKeys, roomPatterns } from '../redis/redisKeys'
import { scanAll, type RedisClient } from '../redis/redisConnection'

/**
 * Sessions and rubric sheets in Redis. Per room (one hash slot, by the
 * `{room}` tag): `{room}:isession:<id>` (the record as JSON),
 * `{room}:isessions` (sorted set of ids by start time) and
 * `{room}:sheets:<id>` (hash: author → sheet JSON). Across rooms:
 * `user-isessions:<user>` (sorted set of `<room>/<id>` by start time), written
 * with single-key commands so it works on a cluster too.
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string
  ) {}

  private keys(roomId: string) {
    return roomDataKeys(this.prefix, roomId)
  }

  private userKey(userId: string) {
    return globalKeys.userSessions(this.prefix, userId)
  }

  async putSession(record: SessionRecord): Promise<void> {
    const valid = sessionRecordSchema.parse(record)
    const previous = await this.getSession(valid.roomId, valid.sessionId)
    const ref = `${valid.roomId}/${valid.sessionId}`
    await this.redis
      .multi()
      .set(this.keys(valid.roomId).session(valid.sessionId), JSON.stringify(valid))
      .zadd(this.keys(valid.roomId).sessions, valid.startedAt, valid.sessionId)
      .exec()
    const users = new Set(valid.participants.map((p) => p.userId))
    for (const gone of previous?.participants ?? []) {
      if (!users.has(gone.userId)) await this.redis.zrem(this.userKey(gone.userId), ref)
    }
    for (const user of users) await this.redis.zadd(this.userKey(user), valid.startedAt, ref)
  }

  async getSession(roomId: string, sessionId: string): Promise<SessionRecord | null> {
    const raw = await this.redis.get(this.keys(roomId).session(sessionId))
    return raw ? sessionRecordSchema.parse(JSON.parse(raw)) : null
  }

  async listRoomSessions(roomId: string, limit = 200): Promise<SessionRecord[]> {
    const ids = await this.redis.zrevrange(this.keys(roomId).sessions, 0, limit - 1)
    const records = await Promise.all(ids.map((id) => this.getSession(roomId, id)))
    return records.filter((r): r is SessionRecord => r !== null)
  }

  async listUserSessions(userId: string, limit = 200): Promise<SessionRecord[]> {
    const refs = await this.redis.zrevrange(this.userKey(userId), 0, limit - 1)
    const records = await Promise.all(
      refs.map((ref) => {
        const [roomId, sessionId] = ref.split('/')
        return roomId && sessionId ? this.getSession(roomId, sessionId) : null
      })
    )
    return records.filter((r): r is SessionRecord => r !== null)
  }

  async putSheet(roomId: string, sheet: SheetRecord): Promise<void> {
    const valid = sheetRecordSchema.parse(sheet)
    await this.redis.hset(this.keys(roomId).sheets(valid.sessionId), valid.authorId, JSON.stringify(valid))
  }

  async getSheet(roomId: string, sessionId: string, authorId: string): Promise<SheetRecord | null> {
    const raw = await this.redis.hget(this.keys(roomId).sheets(sessionId), authorId)
    return raw ? sheetRecordSchema.parse(JSON.parse(raw)) : null
  }

  async listSheets(roomId: string, sessionId: string): Promise<SheetRecord[]> {
    const all = await this.redis.hvals(this.keys(roomId).sheets(sessionId))
    return all.map((raw) => sheetRecordSchema.parse(JSON.parse(raw)))
  }

  async deleteSession(roomId: string, sessionId: string): Promise<void> {
    const record = await this.getSession(roomId, sessionId)
    if (record) await this.forget(record)
    await this.redis.zrem(this.keys(roomId).sessions, sessionId)
  }

  async deleteRoom(roomId: string): Promise<void> {
    for (const record of await this.listRoomSessions(roomId, 10_000)) await this.forget(record)
    await this.redis.del(this.keys(roomId).sessions)
  }

  /** Removes a session's record, sheets and participant index entries (the room's index is the caller's). */
  private async forget(record: SessionRecord): Promise<void> {
    const { roomId, sessionId } = record
    for (const p of record.participants) await this.redis.zrem(this.userKey(p.userId), `${roomId}/${sessionId}`)
    await this.redis.del(this.keys(roomId).session(sessionId), this.keys(roomId).sheets(sessionId))
  }

  /**
   * The earlier release's one-session-per-room records (`{room}:session`),
   * for `migrateLegacySessions`; each is renamed `{room}:session-legacy` once
   * migrated.
   */
  legacy(): LegacySessions {
    const keys = () => scanAll(this.redis, roomPatterns.legacySession(this.prefix))
    return {
      pending: async () => {
        const raws = await Promise.all((await keys()).map((key) => this.redis.get(key)))
        return raws.flatMap((raw) => (raw ? [JSON.parse(raw) as unknown] : []))
      },
      finish: async () => {
        for (const key of await keys()) await this.redis.rename(key, `${key}-legacy`)
      },
    }
  }
}
