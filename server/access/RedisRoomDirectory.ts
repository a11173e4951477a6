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
import { globalKeys, roomDataKeys, roomIdOfKey, roomPatterns } from '../redis/redisKeys'
import { scanAll, type RedisClient } from '../redis/redisConnection'

const memberSchema = z.object({ name: z.string(), role: roleSchema, joinedAt: z.number() })
const inviteSchema = z.object({ roomId: z.string(), role: roleSchema })

/**
 * The room directory in Redis: `{room}:meta` (hash: owner, created, name,
 * active),
 * `{room}:members` (hash: user id → JSON), `{room}:invites` (hash: role →
 * token), `invite:<token>` (JSON of room and role) and `user-rooms:<user>`
 * (set of the user's rooms). On a cluster a room's three hashes share its
 * slot; invites and user indexes live elsewhere, so they are written with
 * single-key commands, never in one transaction with the room's keys.
 */
export class RedisRoomDirectory implements RoomDirectory {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string
  ) {}

  private keys(roomId: string) {
    return roomDataKeys(this.prefix, roomId)
  }

  /** Set of the rooms a user is a member of (for "My boards"). */
  private userRoomsKey(userId: string): string {
    return globalKeys.userRooms(this.prefix, userId)
  }

  private inviteKey(token: string): string {
    return globalKeys.invite(this.prefix, token)
  }

  async createRoom(roomId: string, owner: { userId: string; name: string }, name: string): Promise<InviteTokens> {
    const keys = this.keys(roomId)
    const now = Date.now()
    const invites = Object.fromEntries(INVITE_ROLES.map((role) => [role, createInviteToken()])) as InviteTokens
    const created = await this.redis.hsetnx(keys.meta, 'owner', owner.userId)
    if (!created) throw new Error(`room ${roomId} already exists`)
    // Invite tokens first (each its own key, in another slot): a token that
    // outlives a failed creation names a room without members, which admits nobody.
    for (const role of INVITE_ROLES)
      await this.redis.set(this.inviteKey(invites[role]), JSON.stringify({ roomId, role }))
    const multi = this.redis.multi().hset(keys.meta, 'created', now, 'name', name, 'active', now)
    multi.hset(keys.members, owner.userId, JSON.stringify({ name: owner.name, role: 'interviewer', joinedAt: now }))
    multi.hset(keys.invites, invites)
    await multi.exec()
    await this.redis.sadd(this.userRoomsKey(owner.userId), roomId)
    return invites
  }

  async getRoom(roomId: string): Promise<RoomInfo | null> {
    const [owner, created, name, active] = await this.redis.hmget(
      this.keys(roomId).meta,
      'owner',
      'created',
      'name',
      'active'
    )
    if (!owner) return null
    const createdAt = Number(created ?? 0)
    return {
      roomId,
      ownerId: owner,
      createdAt,
      name: name ?? 'Untitled board',
      lastActivityAt: Math.max(createdAt, Number(active ?? 0)),
    }
  }

  async renameRoom(roomId: string, name: string): Promise<void> {
    if (await this.redis.exists(this.keys(roomId).meta)) await this.redis.hset(this.keys(roomId).meta, 'name', name)
  }

  async touchRoom(roomId: string, at: number): Promise<void> {
    if (await this.redis.exists(this.keys(roomId).meta)) await this.redis.hset(this.keys(roomId).meta, 'active', at)
  }

  async listRoomsOf(userId: string, limit = 200): Promise<{ room: RoomInfo; role: Role }[]> {
    const roomIds = await this.redis.smembers(this.userRoomsKey(userId))
    const found = await Promise.all(
      roomIds.map(async (roomId) => {
        const [room, member] = await Promise.all([this.getRoom(roomId), this.getMember(roomId, userId)])
        return room && member ? [{ room, role: member.role }] : []
      })
    )
    return found
      .flat()
      .sort((a, b) => b.room.lastActivityAt - a.room.lastActivityAt)
      .slice(0, limit)
  }

  async deleteRoom(roomId: string): Promise<void> {
    const keys = this.keys(roomId)
    const [members, invites] = await Promise.all([this.listMembers(roomId), this.getInvites(roomId)])
    for (const member of members) await this.redis.srem(this.userRoomsKey(member.userId), roomId)
    for (const token of Object.values(invites)) await this.redis.del(this.inviteKey(token))
    await this.redis.del(keys.meta, keys.members, keys.invites)
  }

  /**
   * Builds the user → rooms index for rooms made before it existed (once per
   * Redis: a marker key remembers it was done). Idempotent.
   */
  async backfillUserIndex(): Promise<void> {
    const marker = globalKeys.userRoomsMigrated(this.prefix)
    if (await this.redis.exists(marker)) return
    for (const key of await scanAll(this.redis, roomPatterns.members(this.prefix))) {
      const roomId = roomIdOfKey(this.prefix, key)
      if (!roomId) continue
      for (const userId of await this.redis.hkeys(key)) await this.redis.sadd(this.userRoomsKey(userId), roomId)
    }
    await this.redis.set(marker, String(Date.now()))
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
    await this.redis.sadd(this.userRoomsKey(userId), roomId)
  }

  async removeMember(roomId: string, userId: string): Promise<void> {
    await this.redis.hdel(this.keys(roomId).members, userId)
    await this.redis.srem(this.userRoomsKey(userId), roomId)
  }

  async getInvites(roomId: string): Promise<InviteTokens> {
    return (await this.redis.hgetall(this.keys(roomId).invites)) as InviteTokens
  }

  async rotateInvite(roomId: string, role: Role): Promise<string> {
    const keys = this.keys(roomId)
    const old = await this.redis.hget(keys.invites, role)
    const token = createInviteToken()
    // Three keys in up to three slots, one command each: the new token works
    // before the room names it, and the old one stops once it no longer does.
    await this.redis.set(this.inviteKey(token), JSON.stringify({ roomId, role }))
    await this.redis.hset(keys.invites, role, token)
    if (old) await this.redis.del(this.inviteKey(old))
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
