import type Database from 'better-sqlite3'
import { roleSchema, type Role } from '@/lib/access/roles'
import { toMember, toRoom, type MemberRow, type RoomRow } from './directoryRows'
import {
  createInviteToken,
  INVITE_ROLES,
  type InviteTokens,
  type Member,
  type RoomDirectory,
  type RoomInfo,
} from './RoomDirectory'

/** The room directory in the embedded SQLite database. */
export class SqliteRoomDirectory implements RoomDirectory {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS rooms (
        room TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        created INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS room_members (
        room TEXT NOT NULL,
        user TEXT NOT NULL,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        joined INTEGER NOT NULL,
        PRIMARY KEY (room, user)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS room_invites (
        token TEXT PRIMARY KEY,
        room TEXT NOT NULL,
        role TEXT NOT NULL
      );
      CREATE UNIQUE INDEX IF NOT EXISTS room_invites_by_role ON room_invites (room, role);
      CREATE INDEX IF NOT EXISTS room_members_by_user ON room_members (user);
    `)
    // Boards got names and a last-activity time after the first release.
    const columns = (db.prepare('PRAGMA table_info(rooms)').all() as { name: string }[]).map((c) => c.name)
    if (!columns.includes('name')) db.exec("ALTER TABLE rooms ADD COLUMN name TEXT NOT NULL DEFAULT 'Untitled board'")
    if (!columns.includes('active')) db.exec('ALTER TABLE rooms ADD COLUMN active INTEGER NOT NULL DEFAULT 0')
  }

  async createRoom(roomId: string, owner: { userId: string; name: string }, name: string): Promise<InviteTokens> {
    const now = Date.now()
    const invites = Object.fromEntries(INVITE_ROLES.map((role) => [role, createInviteToken()])) as InviteTokens
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO rooms (room, owner, created, name, active) VALUES (?, ?, ?, ?, ?)')
        .run(roomId, owner.userId, now, name, now)
      this.db
        .prepare('INSERT INTO room_members (room, user, name, role, joined) VALUES (?, ?, ?, ?, ?)')
        .run(roomId, owner.userId, owner.name, 'interviewer', now)
      const insert = this.db.prepare('INSERT INTO room_invites (token, room, role) VALUES (?, ?, ?)')
      for (const role of INVITE_ROLES) insert.run(invites[role], roomId, role)
    })()
    return invites
  }

  async getRoom(roomId: string): Promise<RoomInfo | null> {
    const row = this.db.prepare('SELECT room, owner, created, name, active FROM rooms WHERE room = ?').get(roomId) as
      RoomRow | undefined
    return row ? toRoom(row) : null
  }

  async renameRoom(roomId: string, name: string): Promise<void> {
    this.db.prepare('UPDATE rooms SET name = ? WHERE room = ?').run(name, roomId)
  }

  async touchRoom(roomId: string, at: number): Promise<void> {
    this.db.prepare('UPDATE rooms SET active = MAX(active, ?) WHERE room = ?').run(at, roomId)
  }

  async listRoomsOf(userId: string, limit = 200): Promise<{ room: RoomInfo; role: Role }[]> {
    const rows = this.db
      .prepare(
        `SELECT r.room, r.owner, r.created, r.name, r.active, m.role FROM room_members m
         JOIN rooms r ON r.room = m.room WHERE m.user = ?
         ORDER BY MAX(r.active, r.created) DESC LIMIT ?`
      )
      .all(userId, limit) as (RoomRow & { role: string })[]
    return rows.map((row) => ({ room: toRoom(row), role: roleSchema.parse(row.role) }))
  }

  async deleteRoom(roomId: string): Promise<void> {
    this.db.transaction(() => {
      for (const table of ['room_invites', 'room_members', 'rooms']) {
        this.db.prepare(`DELETE FROM ${table} WHERE room = ?`).run(roomId)
      }
    })()
  }

  async getMember(roomId: string, userId: string): Promise<Member | null> {
    const row = this.db
      .prepare('SELECT user, name, role, joined FROM room_members WHERE room = ? AND user = ?')
      .get(roomId, userId) as MemberRow | undefined
    return row ? toMember(row) : null
  }

  async listMembers(roomId: string): Promise<Member[]> {
    const rows = this.db
      .prepare('SELECT user, name, role, joined FROM room_members WHERE room = ? ORDER BY joined')
      .all(roomId) as MemberRow[]
    return rows.map(toMember)
  }

  async putMember(roomId: string, member: Member): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO room_members (room, user, name, role, joined) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (room, user) DO UPDATE SET name = excluded.name, role = excluded.role`
      )
      .run(roomId, member.userId, member.name, member.role, member.joinedAt)
  }

  async removeMember(roomId: string, userId: string): Promise<void> {
    this.db.prepare('DELETE FROM room_members WHERE room = ? AND user = ?').run(roomId, userId)
  }

  async getInvites(roomId: string): Promise<InviteTokens> {
    const rows = this.db.prepare('SELECT token, role FROM room_invites WHERE room = ?').all(roomId) as {
      token: string
      role: string
    }[]
    return Object.fromEntries(rows.map((r) => [r.role, r.token])) as InviteTokens
  }

  async rotateInvite(roomId: string, role: Role): Promise<string> {
    const token = createInviteToken()
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM room_invites WHERE room = ? AND role = ?').run(roomId, role)
      this.db.prepare('INSERT INTO room_invites (token, room, role) VALUES (?, ?, ?)').run(token, roomId, role)
    })()
    return token
  }

  async resolveInvite(token: string): Promise<{ roomId: string; role: Role } | null> {
    const row = this.db.prepare('SELECT room, role FROM room_invites WHERE token = ?').get(token) as
      { room: string; role: string } | undefined
    return row ? { roomId: row.room, role: roleSchema.parse(row.role) } : null
  }
}
