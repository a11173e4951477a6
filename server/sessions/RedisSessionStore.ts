import type { Redis } from 'ioredis'
import { sessionRecordSchema, type SessionRecord, type SessionStore } from './SessionStore'

/**
 * Session records in Redis: `{room}:session` (the record as JSON) and
 * `user-sessions:<user>` (a sorted set of room ids by start time).
 */
export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string
  ) {}

  private recordKey(roomId: string) {
    return `${this.prefix}{${roomId}}:session`
  }

  private userKey(userId: string) {
    return `${this.prefix}user-sessions:${userId}`
  }

  async put(record: SessionRecord): Promise<void> {
    const previous = await this.get(record.roomId)
    const multi = this.redis.multi().set(this.recordKey(record.roomId), JSON.stringify(record))
    for (const user of previous?.participants ?? []) {
      if (!record.participants.includes(user)) multi.zrem(this.userKey(user), record.roomId)
    }
    for (const user of new Set(record.participants)) multi.zadd(this.userKey(user), record.startedAt, record.roomId)
    await multi.exec()
  }

  async get(roomId: string): Promise<SessionRecord | null> {
    const raw = await this.redis.get(this.recordKey(roomId))
    return raw ? sessionRecordSchema.parse(JSON.parse(raw)) : null
  }

  async listForUser(userId: string, limit = 100): Promise<SessionRecord[]> {
    const roomIds = await this.redis.zrevrange(this.userKey(userId), 0, limit - 1)
    const records = await Promise.all(roomIds.map((roomId) => this.get(roomId)))
    return records.filter((r): r is SessionRecord => r !== null)
  }
}
