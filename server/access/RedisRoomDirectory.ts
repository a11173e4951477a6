import type { Redis } from 'ioredis'
import { z } from 'zod'
import { roleSchema, type Role } from '@/lib/access/roles'
import {
  createInviteToken,
  INVITE_ROLES,
  type InviteTokens,
  type Member,
  type RoomDirectory,
  type RoomInfo,
} from './RoomDirectory'

const memberSchema = z.object({ name: z.string(), role: roleSchema, joinedAt: z.number() })
const inviteSchema = z.object({ roomId: z.string(), role: roleSchema })

/**
 * The room directory in Redis: `{room}:meta` (hash: owner, created),
 * `{room}:members` (hash: user id → JSON), `{room}:invites` (hash: role →
 * token) and `invite:<token>` (JSON of room and role).
 */
export class RedisRoomDirectory implements RoomDirectory {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string
  ) {}

  private keys(roomId: string) {
    const base = `${this.prefix}{${roomId}}`
    return { meta: `${base}:meta`, members: `${base}:members`, invites: `${base}:invites` }
  }

  private inviteKey(token: string): string {
    return `${this.prefix}invite:${token}`
  }

  async createRoom(roomId: string, owner: { userId: string; name: string }): Promise<InviteTokens> {
    const keys = this.keys(roomId)
    const now = Date.now()
    const invites = Object.fromEntries(INVITE_ROLES.map((role) => [role, createInviteToken()])) as InviteTokens
    const created = await this.redis.hsetnx(keys.meta, 'owner', owner.userId)
    if (!created) throw new Error(`room ${roomId} already exists`)
    const multi = this.redis.multi().hset(keys.meta, 'created', now)
    multi.hset(keys.members, owner.userId, JSON.stringify({ name: owner.name, role: 'interviewer', joinedAt: now }))
    for (const role of INVITE_ROLES) {
      multi.hset(keys.invites, role, invites[role])
      multi.set(this.inviteKey(invites[role]), JSON.stringify({ roomId, role }))
    }
    await multi.exec()
    return invites
  }

  async getRoom(roomId: string): Promise<RoomInfo | null> {
    const [owner, created] = await this.redis.hmget(this.keys(roomId).meta, 'owner', 'created')
    return owner ? { roomId, ownerId: owner, createdAt: Number(created ?? 0) } : null
  }

  async getMember(roomId: string, userId: string): Promise<Member | null> {
    const raw = await this.redis.hget(this.keys(roomId).members, userId)
    return raw ? toMember(userId, raw) : null
  }

  async listMembers(roomId: string): Promise<Member[]> {
    const all = await this.redis.hgetall(this.keys(roomId).members)
    return Object.entries(all)
      .map(([userId, raw]) => toMember(userId, raw))
      .sort((a, b) => a.joinedAt - b.joinedAt)
  }

  async putMember(roomId: string, member: Member): Promise<void> {
    const { userId, ...rest } = member
    await this.redis.hset(this.keys(roomId).members, userId, JSON.stringify(rest))
  }

  async removeMember(roomId: string, userId: string): Promise<void> {
    await this.redis.hdel(this.keys(roomId).members, userId)
  }

  async getInvites(roomId: string): Promise<InviteTokens> {
    return (await this.redis.hgetall(this.keys(roomId).invites)) as InviteTokens
  }

  async rotateInvite(roomId: string, role: Role): Promise<string> {
    const keys = this.keys(roomId)
    const old = await this.redis.hget(keys.invites, role)
    const token = createInviteToken()
    const multi = this.redis.multi()
    if (old) multi.del(this.inviteKey(old))
    await multi.hset(keys.invites, role, token).set(this.inviteKey(token), JSON.stringify({ roomId, role })).exec()
    return token
  }

  async resolveInvite(token: string): Promise<{ roomId: string; role: Role } | null> {
    const raw = await this.redis.get(this.inviteKey(token))
    return raw ? inviteSchema.parse(JSON.parse(raw)) : null
  }
}

function toMember(userId: string, raw: string): Member {
  return { userId, ...memberSchema.parse(JSON.parse(raw)) }
}
