import type pg from 'pg'
import { roleSchema, type Role } from '@/lib/access/roles'
import {
  createInviteToken,
  INVITE_ROLES,
  type InviteTokens,
  type Member,
  type RoomDirectory,
  type RoomInfo,
} from '../access/RoomDirectory'
import { toMember, toRoom, type MemberRow, type RoomRow } from '../access/directoryRows'
import { inTransaction } from './inTransaction'

const ROOM_COLUMNS = 'room, owner, created, name, active'

/**
 * The room directory in PostgreSQL (`DATABASE_URL`): tables `rooms`,
 * `room_members` and `room_invites` (see the migrations). Each change that
 * touches several rows is one transaction.
 */
export class PostgresRoomDirectory implements RoomDirectory {
  constructor(private readonly pool: pg.Pool) {}

  async createRoom(roomId: string, owner: { userId: string; name: string }, name: string): Promise<InviteTokens> {
    const now = Date.now()
    const invites = Object.fromEntries(INVITE_ROLES.map((role) => [role, createInviteToken()])) as InviteTokens
    await inTransaction(this.pool, async (client) => {
      await client.query(`INSERT INTO rooms (${ROOM_COLUMNS}) VALUES ($1, $2, $3, $4, $3)`, [
        roomId,
        owner.userId,
        now,
        name,
      ])
      await client.query('INSERT INTO room_members (room, user_id, name, role, joined) VALUES ($1, $2, $3, $4, $5)', [
        roomId,
        owner.userId,
        owner.name,
        'interviewer',
        now,
      ])
      for (const role of INVITE_ROLES) {
        await client.query('INSERT INTO room_invites (token, room, role) VALUES ($1, $2, $3)', [
          invites[role],
          roomId,
          role,
        ])
      }
    })
    return invites
  }

  async getRoom(roomId: string): Promise<RoomInfo | null> {
    const { rows } = await this.pool.query<RoomRow>(`SELECT ${ROOM_COLUMNS} FROM rooms WHERE room = $1`, [roomId])
    return rows[0] ? toRoom(rows[0]) : null
  }

  async renameRoom(roomId: string, name: string): Promise<void> {
    await this.pool.query('UPDATE rooms SET name = $2 WHERE room = $1', [roomId, name])
  }

  async touchRoom(roomId: string, at: number): Promise<void> {
    await this.pool.query('UPDATE rooms SET active = GREATEST(active, $2) WHERE room = $1', [roomId, at])
  }

  async listRoomsOf(userId: string, limit = 200): Promise<{ room: RoomInfo; role: Role }[]> {
    const { rows } = await this.pool.query<RoomRow & { role: string }>(
      `SELECT r.room, r.owner, r.created, r.name, r.active, m.role FROM room_members m
       JOIN rooms r ON r.room = m.room WHERE m.user_id = $1
       ORDER BY GREATEST(r.active, r.created) DESC LIMIT $2`,
      [userId, limit]
    )
    return rows.map((row) => ({ room: toRoom(row), role: roleSchema.parse(row.role) }))
  }

  async deleteRoom(roomId: string): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      for (const table of ['room_invites', 'room_members', 'rooms']) {
        await client.query(`DELETE FROM ${table} WHERE room = $1`, [roomId])
      }
    })
  }

  async getMember(roomId: string, userId: string): Promise<Member | null> {
    const { rows } = await this.pool.query<MemberRow>(
      'SELECT user_id AS "user", name, role, joined FROM room_members WHERE room = $1 AND user_id = $2',
      [roomId, userId]
    )
    return rows[0] ? toMember(rows[0]) : null
  }

  async listMembers(roomId: string): Promise<Member[]> {
    const { rows } = await this.pool.query<MemberRow>(
      'SELECT user_id AS "user", name, role, joined FROM room_members WHERE room = $1 ORDER BY joined, user_id',
      [roomId]
    )
    return rows.map(toMember)
  }

  async putMember(roomId: string, member: Member): Promise<void> {
    await this.pool.query(
      `INSERT INTO room_members (room, user_id, name, role, joined) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (room, user_id) DO UPDATE SET name = excluded.name, role = excluded.role`,
      [roomId, member.userId, member.name, member.role, member.joinedAt]
    )
  }

  async removeMember(roomId: string, userId: string): Promise<void> {
    await this.pool.query('DELETE FROM room_members WHERE room = $1 AND user_id = $2', [roomId, userId])
  }

  async getInvites(roomId: string): Promise<InviteTokens> {
    const { rows } = await this.pool.query<{ token: string; role: string }>(
      'SELECT token, role FROM room_invites WHERE room = $1',
      [roomId]
    )
    return Object.fromEntries(rows.map((r) => [r.role, r.token])) as InviteTokens
  }

  async rotateInvite(roomId: string, role: Role): Promise<string> {
    const token = createInviteToken()
    await inTransaction(this.pool, async (client) => {
      await client.query('DELETE FROM room_invites WHERE room = $1 AND role = $2', [roomId, role])
      await client.query('INSERT INTO room_invites (token, room, role) VALUES ($1, $2, $3)', [token, roomId, role])
    })
    return token
  }

  async resolveInvite(token: string): Promise<{ roomId: string; role: Role } | null> {
    const { rows } = await this.pool.query<{ room: string; role: string }>(
      'SELECT room, role FROM room_invites WHERE token = $1',
      [token]
    )
    return rows[0] ? { roomId: rows[0].room, role: roleSchema.parse(rows[0].role) } : null
  }
}
