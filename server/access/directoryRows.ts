import { roleSchema } from '@/lib/access/roles'
import type { Member, RoomInfo } from './RoomDirectory'

/* The rows the SQL directories (SQLite, PostgreSQL) read, and what they mean. */

/** A row of the SQL directories' `rooms` table. */
export interface RoomRow {
  room: string
  owner: string
  created: number
  name: string
  active: number
}

/** A `rooms` row as the directory answers it. */
export function toRoom(row: RoomRow): RoomInfo {
  return {
    roomId: row.room,
    name: row.name,
    ownerId: row.owner,
    createdAt: row.created,
    lastActivityAt: Math.max(row.active, row.created),
  }
}

/** A row of `room_members` (the member's id as `user`). */
export interface MemberRow {
  user: string
  name: string
  role: string
  joined: number
}

/** A `room_members` row as the directory answers it. */
export function toMember(row: MemberRow): Member {
  return { userId: row.user, name: row.name, role: roleSchema.parse(row.role), joinedAt: row.joined }
}
