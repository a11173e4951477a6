import type { Role } from '@/lib/access/roles'
import { createRoomId } from '@/lib/room/roomId'
import type { BoardListItem } from '@/lib/session/sessionView'
import { INVITE_ROLES, type InviteTokens, type Member, type RoomDirectory } from './RoomDirectory'
import { RoomRequestError } from './RoomRequestError'

import type { Actor } from '@/lib/access/actor'

export type { Actor }

/** What a member sees of their room. */
export interface RoomView {
  roomId: string
  me: Member
  isOwner: boolean
  members: Member[]
  /** The board's name. */
  name: string
  /** Invite tokens, for the owner only. */
  invites: InviteTokens | null
}

/**
 * The rules of who may do what in a room, over a {@link RoomDirectory}.
 * Every change that takes rights away calls `onAccessChanged`, which closes
 * that user's open connections so they reconnect with their new role.
 *
 * @example
 * ```ts
 * const access = new RoomAccess(directory, (roomId, userId) => collab.revokeUser(roomId, userId))
 * const { roomId } = await access.createRoom(actor)
 * ```
 */
export class RoomAccess {
  constructor(
    private readonly directory: RoomDirectory,
    private readonly onAccessChanged: (roomId: string, userId: string) => Promise<void> | void
  ) {}

  /** Creates a room; the actor becomes its owner and interviewer. */
  async createRoom(actor: Actor, name = 'Untitled board'): Promise<{ roomId: string; invites: InviteTokens }> {
    const roomId = createRoomId()
    return { roomId, invites: await this.directory.createRoom(roomId, actor, name) }
  }

  /** Whether the room exists (for telling "no such board" from "not a member"). */
  async roomExists(roomId: string): Promise<boolean> {
    return (await this.directory.getRoom(roomId)) !== null
  }

  /** The room's name for a member (a page title), or null for anyone else or no such room: two reads, no member list. */
  async nameFor(roomId: string, userId: string): Promise<string | null> {
    const [room, me] = await Promise.all([this.directory.getRoom(roomId), this.directory.getMember(roomId, userId)])
    return room && me ? room.name : null
  }

  /** Whether an invite token is current (checked before asking a visitor to sign in). Reads only. */
  async inviteIsCurrent(token: string): Promise<boolean> {
    return (await this.directory.resolveInvite(token)) !== null
  }

  /** The actor's role in the room, or null when they are not a member. */
  async roleOf(roomId: string, userId: string): Promise<Role | null> {
    return (await this.directory.getMember(roomId, userId))?.role ?? null
  }

  /** Everything a member may see of the room. */
  async view(roomId: string, actor: Actor): Promise<RoomView> {
    const [room, me] = await Promise.all([
      this.directory.getRoom(roomId),
      this.directory.getMember(roomId, actor.userId),
    ])
    if (!room) throw new RoomRequestError(404, 'no such room')
    if (!me) throw new RoomRequestError(403, 'not a member of this room')
    return {
      roomId,
      me,
      isOwner: room.ownerId === actor.userId,
      name: room.name,
      members: await this.directory.listMembers(roomId),
      invites: room.ownerId === actor.userId ? await this.directory.getInvites(roomId) : null,
    }
  }

  /**
   * What an invite offers, without joining: the room, the role, the owner's
   * name, and the role the actor already has there (if any). Null when the
   * invite is unknown or revoked. For the join page, which must not change
   * anything on GET.
   */
  async previewInvite(
    token: string,
    actor: Actor
  ): Promise<{ roomId: string; role: Role; ownerName: string | null; currentRole: Role | null } | null> {
    const invite = await this.directory.resolveInvite(token)
    if (!invite) return null
    const room = await this.directory.getRoom(invite.roomId)
    const [owner, me] = await Promise.all([
      room ? this.directory.getMember(invite.roomId, room.ownerId) : null,
      this.directory.getMember(invite.roomId, actor.userId),
    ])
    return { ...invite, ownerName: owner?.name ?? null, currentRole: me?.role ?? null }
  }

  /**
   * Joins the room an invite points to with the invite's role. A member who
   * already has a role keeps it (an interviewer opening the candidate link
   * stays interviewer); use the role controls to change roles.
   */
  async acceptInvite(token: string, actor: Actor): Promise<{ roomId: string; role: Role }> {
    const invite = await this.directory.resolveInvite(token)
    if (!invite) throw new RoomRequestError(404, 'this invite link is unknown or was revoked')
    const existing = await this.directory.getMember(invite.roomId, actor.userId)
    if (existing) return { roomId: invite.roomId, role: existing.role }
    await this.directory.putMember(invite.roomId, { ...actor, role: invite.role, joinedAt: Date.now() })
    return invite
  }

  /**
   * Swaps the roles of the interviewer and the candidate in a peer mock: the
   * owner becomes candidate and the candidate interviewer, or back. Owner
   * only; the owner keeps every admin right whatever their role.
   */
  async swapRoles(roomId: string, actor: Actor): Promise<Member[]> {
    await this.requireOwner(roomId, actor)
    const members = await this.directory.listMembers(roomId)
    const owner = members.find((m) => m.userId === actor.userId)!
    const other = members.find(
      (m) => m.userId !== actor.userId && m.role === (owner.role === 'interviewer' ? 'candidate' : 'interviewer')
    )
    if (!other) throw new RoomRequestError(409, 'there is no candidate to swap roles with')
    const swapped = [
      { ...owner, role: other.role },
      { ...other, role: owner.role },
    ]
    for (const member of swapped) await this.directory.putMember(roomId, member)
    for (const member of swapped) await this.onAccessChanged(roomId, member.userId)
    return this.directory.listMembers(roomId)
  }

  /** Sets a member's role. Owner only; the owner's own role changes only by swapping. */
  async setRole(roomId: string, actor: Actor, userId: string, role: Role): Promise<void> {
    await this.requireOwner(roomId, actor)
    const room = await this.directory.getRoom(roomId)
    if (room?.ownerId === userId) throw new RoomRequestError(403, "the owner's role changes only by swapping")
    const member = await this.directory.getMember(roomId, userId)
    if (!member) throw new RoomRequestError(404, 'no such member')
    await this.directory.putMember(roomId, { ...member, role })
    await this.onAccessChanged(roomId, userId)
  }

  /**
   * Removes a member; their open connections close at once. Owner only.
   * Every invite link is replaced too: links are per role, not per person,
   * so the link they joined with would let them straight back in (as a new
   * guest, if refusing their user id were the rule). Which link that was is
   * not recorded (their role may have changed since), so all three go; the
   * owner sends the new ones to whoever has yet to join.
   */
  async removeMember(roomId: string, actor: Actor, userId: string): Promise<void> {
    await this.requireOwner(roomId, actor)
    const room = await this.directory.getRoom(roomId)
    if (room?.ownerId === userId) throw new RoomRequestError(403, 'the owner cannot be removed')
    await this.directory.removeMember(roomId, userId)
    for (const role of INVITE_ROLES) await this.directory.rotateInvite(roomId, role)
    await this.onAccessChanged(roomId, userId)
  }

  /** Revokes a role's invite link and returns the new one. Owner only. */
  async rotateInvite(roomId: string, actor: Actor, role: Role): Promise<string> {
    await this.requireOwner(roomId, actor)
    return this.directory.rotateInvite(roomId, role)
  }

  /** Renames the board. Owner only. */
  async rename(roomId: string, actor: Actor, name: string): Promise<void> {
    await this.requireOwner(roomId, actor)
    await this.directory.renameRoom(roomId, name)
  }

  /** Notes that someone opened the board now ("last activity" in My boards). Members only. */
  async touch(roomId: string, actor: Actor): Promise<void> {
    if (await this.roleOf(roomId, actor.userId)) await this.directory.touchRoom(roomId, Date.now())
  }

  /** Boards the actor owns or joined, most recently active first. */
  async listBoards(actor: Actor): Promise<BoardListItem[]> {
    const boards = await this.directory.listRoomsOf(actor.userId)
    return boards.map(({ room, role }) => ({
      roomId: room.roomId,
      name: room.name,
      isOwner: room.ownerId === actor.userId,
      role,
      createdAt: room.createdAt,
      lastActivityAt: room.lastActivityAt,
    }))
  }

  /**
   * Deletes the board from the directory (owner only): its members and
   * invites go, so every old token and link opens nothing. Returns the
   * members, whose connections the caller closes; the caller deletes the
   * logs and sessions.
   */
  async deleteRoom(roomId: string, actor: Actor): Promise<Member[]> {
    await this.requireOwner(roomId, actor)
    const members = await this.directory.listMembers(roomId)
    await this.directory.deleteRoom(roomId)
    for (const member of members) await this.onAccessChanged(roomId, member.userId)
    return members
  }

  private async requireOwner(roomId: string, actor: Actor): Promise<void> {
    const room = await this.directory.getRoom(roomId)
    if (!room) throw new RoomRequestError(404, 'no such room')
    if (room.ownerId !== actor.userId) throw new RoomRequestError(403, 'only the room owner may do this')
  }
}

export { INVITE_ROLES }
