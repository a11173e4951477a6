import type { Role } from '@/lib/access/roles'

/** A room's record: its name, who owns it, when it was made and last opened. */
export interface RoomInfo {
  roomId: string
  name: string
  ownerId: string
  createdAt: number
  lastActivityAt: number
}

/** Longest board name. */
export const MAX_ROOM_NAME = 80

/** A person's place in a room. */
export interface Member {
  userId: string
  name: string
  role: Role
  joinedAt: number
}

/** The current invite token of each role (one link per role). */
export type InviteTokens = Record<Role, string>

/**
 * Rooms, their members and their invite links, kept in the same storage as
 * the room logs (SQLite embedded, Redis at scale) so they survive restarts.
 *
 * Implementations: `SqliteRoomDirectory`, `RedisRoomDirectory`, `PostgresRoomDirectory` (`DATABASE_URL`).
 */
export interface RoomDirectory {
  /** Creates a room owned by `owner` (an interviewer), with a fresh invite per role. */
  createRoom(roomId: string, owner: { userId: string; name: string }, name: string): Promise<InviteTokens>
  getRoom(roomId: string): Promise<RoomInfo | null>
  renameRoom(roomId: string, name: string): Promise<void>
  /** Records that the room was opened at `at`. */
  touchRoom(roomId: string, at: number): Promise<void>
  /** Rooms `userId` is a member of, with their role, most recently active first. */
  listRoomsOf(userId: string, limit?: number): Promise<{ room: RoomInfo; role: Role }[]>
  /** Deletes the room, its members and its invites. */
  deleteRoom(roomId: string): Promise<void>
  getMember(roomId: string, userId: string): Promise<Member | null>
  listMembers(roomId: string): Promise<Member[]>
  /** Adds a member or changes their role or name. */
  putMember(roomId: string, member: Member): Promise<void>
  removeMember(roomId: string, userId: string): Promise<void>
  getInvites(roomId: string): Promise<InviteTokens>
  /** Revokes the role's invite link and returns its replacement. */
  rotateInvite(roomId: string, role: Role): Promise<string>
  /** The room and role an invite token grants, or null if unknown or revoked. */
  resolveInvite(token: string): Promise<{ roomId: string; role: Role } | null>
}

/** A new unguessable invite token (144 random bits, base64url). */
export function createInviteToken(): string {
  const bytes = new Uint8Array(18)
  crypto.getRandomValues(bytes)
  return Buffer.from(bytes).toString('base64url')
}

/** Roles that get an invite link, in the order the UI lists them. */
export const INVITE_ROLES: readonly Role[] = ['candidate', 'observer', 'interviewer']
